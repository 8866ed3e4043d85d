import { NavLinks } from "@/components/nav";
import { LogoutButton } from "@/components/logout-button";
import { requireStaffPage } from "@/lib/dal/session";

export const dynamic = "force-dynamic";

export default async function StaffLayout({ children }: { children: React.ReactNode }) {
  const staff = await requireStaffPage("/personale");
  const links = [
    { href: "/personale", label: "Anmodninger" },
    { href: "/personale/modtagere", label: "Modtagere" },
    ...(staff.role === "dpo"
      ? [
          { href: "/personale/fakturaer", label: "Fakturaer" },
          { href: "/personale/revisionsspor", label: "Revisionsspor" },
        ]
      : []),
    { href: "/personale/post", label: "Post" },
    { href: "/personale/politik", label: "Bemærkninger til politikken" },
    { href: "/personale/konto", label: "Din konto" },
  ];
  return (
    <>
      <div className="account-nav">
        <div className="inner">
          <NavLinks links={links} label="Personale" />
          <section className="who" aria-label="Logget ind">
            <span>
              {staff.name} <span className="nowrap">· {staff.role === "dpo" ? "databeskyttelsesansvarlig" : "kundeservice"}</span>
            </span>
            <LogoutButton />
          </section>
        </div>
      </div>
      {children}
    </>
  );
}
