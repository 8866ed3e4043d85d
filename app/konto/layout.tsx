import { NavLinks } from "@/components/nav";
import { LogoutButton } from "@/components/logout-button";
import { requireCustomerPage } from "@/lib/dal/session";

export const dynamic = "force-dynamic";

const LINKS = [
  { href: "/konto", label: "Overblik" },
  { href: "/konto/oplysninger", label: "Ret oplysninger" },
  { href: "/konto/data", label: "Dine data" },
  { href: "/konto/samtykke", label: "Samtykker" },
  { href: "/konto/sletning", label: "Sletning" },
  { href: "/konto/klage", label: "Klage" },
] as const;

export default async function AccountLayout({ children }: { children: React.ReactNode }) {
  // Each page checks the session itself too; this only draws the frame.
  const customer = await requireCustomerPage("/konto");
  return (
    <>
      <div className="account-nav">
        <div className="inner">
          <NavLinks links={LINKS} label="Din konto" />
          <div className="who">
            <span>
              {customer.name} · kundenr. {customer.customerNumber}
            </span>
            <LogoutButton />
          </div>
        </div>
      </div>
      {children}
    </>
  );
}
