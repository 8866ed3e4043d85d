/** A navigation link; `prefix` makes it the current one on the pages under that path too. */
export interface NavLink {
  href: string;
  label: string;
  prefix?: string;
}

/**
 * Which link is the current page: its own path, or a path under its prefix (a whole segment: "/konto/oplysninger"
 * covers "/konto/oplysninger/adgangskode", not "/konto/oplysningerX"). A plain module, not a client one, so the
 * customer frame (a server component) and the staff navigation (a client one) share it.
 */
export function isCurrent(link: NavLink, path: string): boolean {
  return path === link.href || (link.prefix !== undefined && (path === link.prefix || path.startsWith(`${link.prefix}/`)));
}
