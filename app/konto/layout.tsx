import { NavLinks } from "@/components/nav";
import { LogoutButton } from "@/components/logout-button";
import { requireCustomerPage } from "@/lib/dal/session";

export const dynamic = "force-dynamic";

// Names a customer understands (issue 13.4): each link says what the page does.
const LINKS = [
  { href: "/konto", label: "Dine oplysninger", prefix: "/konto/detaljer" },
  { href: "/konto/oplysninger", label: "Ret oplysninger" },
  { href: "/konto/data", label: "Hent dine data" },
  { href: "/konto/samtykke", label: "Nyhedsbrev og samtykke" },
  { href: "/konto/sletning", label: "Slet dine data" },
  { href: "/konto/klage", label: "Klag" },
] as const;

export default async function AccountLayout({ children }: { children: React.ReactNode }) {
  // Each page checks the session itself too; this only draws the frame.
  const customer = await requireCustomerPage("/konto");
  return (
    <>
      <div className="account-nav">
        <div className="inner">
          <NavLinks links={LINKS} label="Din konto" />
          <section className="who" aria-label="Logget ind">
            <span>
              {`${customer.name} `}
              <span className="nowrap">
                · kundenr. <span data-testid="kundenummer">{customer.customerNumber}</span>
              </span>
            </span>
            <LogoutButton />
          </section>
        </div>
      </div>
      {children}
    </>
  );
}
