import type { Metadata, Viewport } from "next";
import localFont from "next/font/local";
import Link from "next/link";
import { CONTROLLER } from "@/lib/policy";
import "./globals.css";

const inter = localFont({
  src: "../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2",
  display: "swap",
  variable: "--font-inter",
});

export const metadata: Metadata = {
  title: { default: "Privatliv og persondata hos 123multiservice", template: "%s · 123multiservice" },
  description: "Se, ret, hent og slet de personoplysninger, 123multiservice har om dig.",
  robots: { index: false },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

// Every page is rendered per request: the CSP nonce (proxy.ts) and the configuration are read at run time.
export const dynamic = "force-dynamic";

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="da" className={inter.variable}>
      <body>
        <a className="skip-link" href="#indhold">
          Spring til indholdet
        </a>
        <header className="site-header">
          <Link href="/" className="brand">
            123multiservice <span>· Privatliv og persondata</span>
          </Link>
        </header>
        <div id="indhold">{children}</div>
        <footer className="site-footer">
          <Link href="/persondatapolitik">Persondatapolitik</Link>
          <span>
            {CONTROLLER.name} · {CONTROLLER.street} · {CONTROLLER.postalCode} {CONTROLLER.city}
          </span>
        </footer>
      </body>
    </html>
  );
}
