import type { Metadata, Viewport } from "next";
import { SITE_DESCRIPTION, SITE_FOOTER, SITE_HEADER, SITE_TITLE, SKIP_LINK_TEXT, TITLE_TEMPLATE } from "@/components/site-shell";
import { innerHtml } from "@/lib/html";
// Inter from npm, every subset with its unicode-range (Latin Extended too: "Łukasz"); the browser fetches only the
// subsets a page uses. A stylesheet, not next/font: /konto (app/konto/route.ts) links the same stylesheets and has
// no React to receive next/font's class name. Nothing is downloaded at build time.
import "@fontsource-variable/inter/wght.css";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: SITE_TITLE, template: TITLE_TEMPLATE },
  description: SITE_DESCRIPTION,
  robots: { index: false },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

// Every page is rendered per request: the CSP nonce (proxy.ts) and the configuration are read at run time.
export const dynamic = "force-dynamic";

export default function RootLayout({ children }: { children: React.ReactNode }) {
  // The header and footer are components/site-shell.ts's markup, which /konto (app/konto/route.ts) writes too.
  return (
    <html lang="da">
      <body>
        <a className="skip-link" href="#indhold">
          {SKIP_LINK_TEXT}
        </a>
        <header className="site-header" dangerouslySetInnerHTML={innerHtml(SITE_HEADER)} />
        <div id="indhold">{children}</div>
        <footer className="site-footer" dangerouslySetInnerHTML={innerHtml(SITE_FOOTER)} />
      </body>
    </html>
  );
}
