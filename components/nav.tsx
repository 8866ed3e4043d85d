"use client";
import { usePathname } from "next/navigation";
import { isCurrent, type NavLink } from "./nav-current";

/**
 * The staff area's navigation (app/personale/layout.tsx; the customer area's is rendered on the server by
 * components/account-frame.tsx); `prefix` marks a link current on its sub-pages too (a request's own page belongs
 * to "Anmodninger"). Plain links: every page under it is dynamic and rendered per request anyway, and `next/link`s
 * cost each page's server render (and their prefetches a request each) more than the client-side navigation saves
 * (issue 13.3).
 */
export function NavLinks({ links, label }: { links: readonly NavLink[]; label: string }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label}>
      {links.map((l) => (
        <a key={l.href} href={l.href} aria-current={isCurrent(l, pathname) ? "page" : undefined}>
          {l.label}
        </a>
      ))}
    </nav>
  );
}
