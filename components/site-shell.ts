import { CONTROLLER } from "@/lib/policy";
import { markup, type SafeHtml } from "@/lib/html";
import { isCurrent, type NavLink } from "./nav-current";

// What every page shares, written once as escaped markup (lib/html.ts): the titles, the header and the footer (the
// root layout, app/layout.tsx, renders them around every React page), and the bar under the header with the area's
// navigation, who is logged in and "Log ud" (components/account-frame.tsx and account-bar.tsx). /konto is the one
// page rendered without React (app/konto/route.ts, issue 13.3): it writes the same pieces into documentHtml below,
// so it looks and behaves as the pages beside it (e2e/overview.spec.ts compares them).

export const SITE_TITLE = "Privatliv og persondata hos 123multiservice";
export const SITE_DESCRIPTION = "Se, ret, hent og slet de personoplysninger, 123multiservice har om dig.";
/** A page's <title>: Next's template for the React pages' metadata, and pageTitle for /konto. */
export const TITLE_TEMPLATE = "%s · 123multiservice";
export const pageTitle = (title: string) => TITLE_TEMPLATE.replace("%s", title);

export const SKIP_LINK_TEXT = "Spring til indholdet";
/** Inside <header class="site-header">. Plain links: every page is rendered per request anyway. */
export const SITE_HEADER = markup`<a class="brand" href="/">123multiservice <span>· Privatliv og persondata</span></a>`;
/** Inside <footer class="site-footer">. */
export const SITE_FOOTER = markup`<a href="/persondatapolitik">Persondatapolitik</a><span>${CONTROLLER.name} · ${CONTROLLER.street} · ${CONTROLLER.postalCode} ${CONTROLLER.city}</span>`;

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
 * Who is logged in, in its own landmark (issue 13.7), and "Log ud": inside <section class="who">. `detail` follows
 * the name on the same line, kept whole ("· kundenr. 100123", "· kundeservice"). "Log ud" is a plain form posted to
 * /api/log-ud (app/api/log-ud/route.ts), so it works on every page, with or without JavaScript or React.
 */
export function whoHtml(name: string, detail: SafeHtml | string): SafeHtml {
  return markup`<span>${name} <span class="nowrap">· ${detail}</span></span><form action="/api/log-ud" method="post"><button type="submit" class="secondary">Log ud</button></form>`;
}

/**
 * The customer area's bar, inside <div class="account-nav">: its navigation with the page at `path` marked current
 * (on the server: no client JS), then who is logged in.
 */
export function customerBarHtml(customer: { name: string; customerNumber: number }, path: string): SafeHtml {
  const links = ACCOUNT_LINKS.map((l) => markup`<a href="${l.href}"${isCurrent(l, path) ? markup` aria-current="page"` : null}>${l.label}</a>`);
  const detail = markup`kundenr. <span data-testid="kundenummer">${customer.customerNumber}</span>`;
  return markup`<div class="inner"><nav aria-label="Din konto">${links}</nav><section class="who" aria-label="Logget ind">${whoHtml(customer.name, detail)}</section></div>`;
}

/**
 * A whole document around `body` as the root layout draws it for a React page (app/layout.tsx): the same head
 * (`stylesheets` are the root layout's, lib/build-assets.ts), the skip link, the header and the footer. No scripts:
 * such a page ships no JavaScript.
 */
export function documentHtml({ title, stylesheets, body }: { title: string; stylesheets: readonly string[]; body: SafeHtml }): string {
  return markup`<!DOCTYPE html><html lang="da"><head><meta charset="utf-8"/><meta name="viewport" content="width=device-width, initial-scale=1"/>${stylesheets.map(
    (href) => markup`<link rel="stylesheet" href="${href}"/>`,
  )}<title>${pageTitle(title)}</title><meta name="description" content="${SITE_DESCRIPTION}"/><meta name="robots" content="noindex"/><link rel="icon" href="/icon.svg" sizes="any" type="image/svg+xml"/></head><body><a class="skip-link" href="#indhold">${SKIP_LINK_TEXT}</a><header class="site-header">${SITE_HEADER}</header><div id="indhold">${body}</div><footer class="site-footer">${SITE_FOOTER}</footer></body></html>`
    .value;
}
