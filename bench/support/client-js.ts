// Client JS of a page as the browser gets it, gzip -9 (issue 12): the scripts its HTML names (first load), and the
// chunks those scripts name for an import() (`lazy`: what the page can still load, e.g. a form's validation on the
// first focus of a field). Used by bench/web.bench.ts and bench/client-js.bench.ts.
import { spawnSync } from "node:child_process";
import { gzipSync } from "node:zlib";

/** The page with no client components the others are measured against. */
export const CLIENT_JS_BASELINE = "/persondatapolitik";

/**
 * Issue 12's pages: /log-ind and every form page a customer reaches (true: needs the demo customer's session), and
 * the two account pages without a form for comparison. `passwordLink` is a working link's path (passwordLinkPath):
 * with a used or unknown token /log-ind/ny-adgangskode shows no form. The staff pages (/personale/…) and the staff
 * second-factor pages under /log-ind need a staff login with a second factor and are not measured here.
 */
export function clientJsPages(passwordLink: string): readonly (readonly [page: string, loggedIn: boolean])[] {
  return [
    ["/log-ind", false],
    ["/log-ind/glemt-adgangskode", false],
    ["/log-ind/opret-adgang", false],
    [passwordLink, false],
    ["/konto/oplysninger", true],
    ["/konto/oplysninger/adgangskode", true],
    ["/konto/samtykke", true],
    ["/konto/sletning", true],
    ["/konto/data", true],
    ["/konto", true],
  ];
}

/** A page as the tables show it: a link's token is not printed. */
export function pageLabel(page: string): string {
  return page.replace(/token=[\w-]+/, "token=…");
}

/**
 * A fresh link to choose a password (/log-ind/ny-adgangskode?token=…, 30 minutes, single use) for the demo support
 * user, made by the staff CLI (`npm run staff -- reset-password`) on the benchmark's database; its path only.
 */
export function passwordLinkPath(databaseUrl: string, env: Record<string, string>): string {
  const r = spawnSync(process.execPath, ["--import", "tsx", "--conditions=react-server", "lib/jobs/staff-cli.ts", "reset-password", "support@example.dk"], {
    encoding: "utf8",
    env: { ...process.env, ...env, DATABASE_URL: databaseUrl, LOG_LEVEL: "silent" },
  });
  const link = /https?:\/\/\S+(\/log-ind\/ny-adgangskode\?token=[\w-]+)/.exec(r.stdout ?? "");
  if (r.status !== 0 || !link) throw new Error(`no password link from the staff CLI: ${r.stderr || r.stdout}`);
  return link[1];
}

export interface ClientJs {
  /** First load: every script the HTML names. */
  bytes: number;
  /** Every chunk those scripts name that the HTML does not (all of them: a page whose every form is used). */
  lazy: number;
  /** The lazy chunks one by one (path → gzip bytes). */
  lazyChunks: Record<string, number>;
}

const gzip = (b: Buffer | string) => gzipSync(typeof b === "string" ? Buffer.from(b) : b, { level: 9 }).byteLength;

export async function clientJsBytes(base: string, page: string, cookie?: string): Promise<ClientJs> {
  const r = await fetch(`${base}${page}`, { headers: cookie ? { cookie } : {}, redirect: "manual" });
  if (r.status !== 200) throw new Error(`${page} answered ${r.status}`);
  const html = await r.text();
  const srcs = new Set<string>();
  for (const m of html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)) srcs.add(new URL(m[1].replace(/&amp;/g, "&"), base).pathname);
  let bytes = 0;
  const named = new Set<string>();
  for (const src of srcs) {
    const js = await (await fetch(new URL(src, base))).text();
    bytes += gzip(js);
    for (const m of js.matchAll(/"(static\/chunks\/[\w-]+\.js)"/g)) named.add(`/_next/${m[1]}`);
  }
  let lazy = 0;
  const lazyChunks: Record<string, number> = {};
  for (const src of named) {
    if (srcs.has(src)) continue;
    const size = gzip(Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer()));
    lazyChunks[src] = size;
    lazy += size;
  }
  return { bytes, lazy, lazyChunks };
}
