"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

/** The area's navigation; `prefix` marks a link current on its sub-pages too (e.g. the details of /konto). */
export function NavLinks({ links, label }: { links: readonly { href: string; label: string; prefix?: string }[]; label: string }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label}>
      {links.map((l) => (
        <Link key={l.href} href={l.href} aria-current={pathname === l.href || (l.prefix && pathname.startsWith(l.prefix)) ? "page" : undefined}>
          {l.label}
        </Link>
      ))}
    </nav>
  );
}
