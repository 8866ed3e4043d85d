// Client JS of a page as the browser gets it, gzip -9 (issue 12): the scripts its HTML names (first load), and the
// chunks those scripts name for an import() (`lazy`: what the page can still load, e.g. a form's validation on the
// first focus of a field). Used by bench/web.bench.ts and bench/client-js.bench.ts.
import { gzipSync } from "node:zlib";

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
