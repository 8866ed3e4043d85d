import { AccountBar } from "@/components/account-bar";
import { isCurrent, type NavLink } from "@/components/nav-current";
import type { CustomerPrincipal } from "@/lib/dal/session";

// The customer area's frame: its navigation and who is logged in. Each page under app/konto renders it around its
// <main> (test/account-frame.test.ts checks each page's returns, and that app/konto holds no layout, error or
// loading file that would render without it), instead of an app/konto/layout.tsx with a client navigation: the
// page knows its own path, so the current link is marked here on the server and the navigation ships no client
// JS (~300 B gzip off every page under /konto; issue 12). Its effect on /konto's throughput was within the noise
// (bench/RESULTS.md, 2026-12-04). Every link is a full page load (plain <a>s, as before), so nothing is lost by it.

/** Names a customer understands (issue 13.4): each link says what the page does. */
export const ACCOUNT_LINKS = [
  { href: "/konto", label: "Dine oplysninger", prefix: "/konto/detaljer" },
  { href: "/konto/oplysninger", label: "Ret oplysninger", prefix: "/konto/oplysninger" },
  { href: "/konto/data", label: "Hent dine data" },
  { href: "/konto/samtykke", label: "Nyhedsbrev og samtykke" },
  { href: "/konto/sletning", label: "Slet dine data" },
  { href: "/konto/klage", label: "Klag" },
] as const satisfies readonly NavLink[];

/**
 * `path` is the page's own path, the one it gives requireCustomerPage: the link to it is marked aria-current on the
 * server, so the navigation needs no client component.
 */
export function AccountFrame({ customer, path, children }: { customer: CustomerPrincipal; path: string; children: React.ReactNode }) {
  return (
    <>
      <AccountBar
        nav={
          <nav aria-label="Din konto">
            {ACCOUNT_LINKS.map((l) => (
              <a key={l.href} href={l.href} aria-current={isCurrent(l, path) ? "page" : undefined}>
                {l.label}
              </a>
            ))}
          </nav>
        }
        name={customer.name}
        detail={
          <>
            kundenr. <span data-testid="kundenummer">{customer.customerNumber}</span>
          </>
        }
      />
      {children}
    </>
  );
}
