import { LogoutButton } from "@/components/logout-button";

/**
 * The bar under the header in the customer and the staff area: the area's navigation, then who is logged in
 * (the name line in its own landmark, issue 13.7) and "Log ud". `detail` follows the name on the same line, kept
 * whole ("· kundenr. 100123", "· kundeservice").
 */
export function AccountBar({ nav, name, detail }: { nav: React.ReactNode; name: string; detail: React.ReactNode }) {
  return (
    <div className="account-nav">
      <div className="inner">
        {nav}
        <section className="who" aria-label="Logget ind">
          <span>
            {`${name} `}
            <span className="nowrap">· {detail}</span>
          </span>
          <LogoutButton />
        </section>
      </div>
    </div>
  );
}
