import { whoHtml } from "@/components/site-shell";
import { innerHtml } from "@/lib/html";

/**
 * The staff area's bar under the header: its navigation (a client component that knows the path), then who is
 * logged in and "Log ud" (components/site-shell.ts, the same markup as the customer area's bar).
 */
export function AccountBar({ nav, name, detail }: { nav: React.ReactNode; name: string; detail: string }) {
  return (
    <div className="account-nav">
      <div className="inner">
        {nav}
        <section className="who" aria-label="Logget ind" dangerouslySetInnerHTML={innerHtml(whoHtml(name, detail))} />
      </div>
    </div>
  );
}
