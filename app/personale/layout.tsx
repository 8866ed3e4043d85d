import { NavLinks } from "@/components/nav";
import { AccountBar } from "@/components/account-bar";
import { requireStaffPage } from "@/lib/dal/session";

export const dynamic = "force-dynamic";

export default async function StaffLayout({ children }: { children: React.ReactNode }) {
  const staff = await requireStaffPage("/personale");
  const links = [
    { href: "/personale", label: "Anmodninger", prefix: "/personale/anmodninger" },
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
      <AccountBar
        nav={<NavLinks links={links} label="Personale" />}
        name={staff.name}
        detail={staff.role === "dpo" ? "databeskyttelsesansvarlig" : "kundeservice"}
      />
      {children}
    </>
  );
}
