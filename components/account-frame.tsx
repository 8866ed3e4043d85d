import { customerBarHtml } from "@/components/site-shell";
import { innerHtml } from "@/lib/html";
import type { CustomerPrincipal } from "@/lib/dal/session";

export { ACCOUNT_LINKS } from "@/components/site-shell";

// The customer area's frame: its navigation and who is logged in. Each page under app/konto renders it around its
// <main> (test/account-frame.test.ts checks each page's returns, and that app/konto holds no layout, error or
// loading file that would render without it), instead of an app/konto/layout.tsx with a client navigation: the
// page knows its own path, so the current link is marked on the server and the navigation ships no client JS
// (issue 12). The markup is components/site-shell.ts's, which /konto (app/konto/route.ts) writes itself.

/** `path` is the page's own path, the one it gives requireCustomerPage: the link to it is marked aria-current. */
export function AccountFrame({ customer, path, children }: { customer: CustomerPrincipal; path: string; children: React.ReactNode }) {
  return (
    <>
      <div className="account-nav" dangerouslySetInnerHTML={innerHtml(customerBarHtml(customer, path))} />
      {children}
    </>
  );
}
