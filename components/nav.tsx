"use client";
import { usePathname } from "next/navigation";

/**
 * The area's navigation; `prefix` marks a link current on its sub-pages too (e.g. the details of /konto). Plain
 * links: every page under it is dynamic and rendered per request anyway, and six `next/link`s cost each logged-in
 * page's server render (and their prefetches a request each) more than the client-side navigation saves (issue 13.3).
 */
export function NavLinks({ links, label }: { links: readonly { href: string; label: string; prefix?: string }[]; label: string }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label}>
      {links.map((l) => (
        <a key={l.href} href={l.href} aria-current={pathname === l.href || (l.prefix && pathname.startsWith(l.prefix)) ? "page" : undefined}>
          {l.label}
        </a>
      ))}
    </nav>
  );
}
