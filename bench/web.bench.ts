// The web figures of issue 12 and 13 against a production build of this tree:
//   JSON export of a customer with 10,000 orders + 50,000 website events (time, server RSS above idle),
//   the erasure PDF route (p50 at 1 connection), client JS (gzip) per page above a page with no client
//   components, /konto against a trivial dynamic page at 20 connections and /konto p50 at 1 connection.
// Run through `npm run bench` (bench/run.ts), or alone: `npx tsx bench/web.bench.ts`.
import autocannon from "autocannon";
import { CLIENT_JS_BASELINE, clientJsBytes, clientJsPages, pageLabel, passwordLinkPath } from "./support/client-js";
import {
  BASE,
  BIG,
  DEMO,
  DEPLOYMENT_ENV,
  benchDatabaseUrl,
  build,
  fmtKB,
  fmtMiB,
  fmtMs,
  login,
  prepareDatabase,
  startServer,
  type Server,
} from "./support/server";

const DURATION = Number(process.env.BENCH_DURATION ?? 10);

export interface WebFigures {
  export: { ms: number; msRuns: number[]; cpuRuns: number[]; bytes: number; rssAboveIdle: number; idleRss: number };
  pdf: { p50: number; p99: number; rps: number; p50Unicode: number };
  clientJs: { baseline: { page: string; bytes: number }; pages: { page: string; bytes: number; above: number; lazy: number }[] };
  konto: { rps20: number; trivialRps20: number; ratio: number; p50Demo: number; p50Big: number };
}

async function cannon(url: string, cookie: string | undefined, connections: number): Promise<{ p50: number; p99: number; rps: number; errors: number }> {
  const r = await autocannon({ url, connections, duration: DURATION, headers: cookie ? { cookie } : {} });
  return { p50: r.latency.p50, p99: r.latency.p99, rps: r.requests.average, errors: r.errors + r.timeouts };
}

async function statusOk(url: string, cookie: string | undefined, expect: number) {
  const r = await fetch(url, { headers: cookie ? { cookie } : {}, redirect: "manual" });
  await r.arrayBuffer();
  if (r.status !== expect) throw new Error(`${url} answered ${r.status}, expected ${expect}`);
}

/** Downloads the export once; returns the time to the last byte, the size and the peak server RSS meanwhile. */
export async function timedExport(server: Server, cookie: string): Promise<{ ms: number; bytes: number; peak: number; cpuMs: number }> {
  let peak = server.rss();
  const sampler = setInterval(() => (peak = Math.max(peak, server.rss())), 5);
  const c0 = server.cpu();
  const t0 = performance.now();
  const r = await fetch(`${BASE}/api/konto/eksport`, { headers: { cookie } });
  if (r.status !== 200) throw new Error(`export answered ${r.status}`);
  let bytes = 0;
  const reader = r.body!.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
  }
  const ms = performance.now() - t0;
  const cpuMs = (server.cpu() - c0) * 1000;
  clearInterval(sampler);
  peak = Math.max(peak, server.rss());
  return { ms, bytes, peak, cpuMs };
}

export async function settle(server: Server): Promise<number> {
  // Let the collector catch up after the warm-up so "idle" is what a quiet server holds.
  await new Promise((r) => setTimeout(r, 1500));
  return server.rss();
}

export async function webBench(): Promise<WebFigures> {
  const url = benchDatabaseUrl();
  prepareDatabase(url);
  build();
  const server = await startServer(url);
  try {
    const demo = await login(DEMO.email, DEMO.password);
    const big = await login(BIG.email, BIG.password);

    // ---- client JS
    const baselinePage = CLIENT_JS_BASELINE;
    const { bytes: baseline } = await clientJsBytes(BASE, baselinePage);
    const pages: WebFigures["clientJs"]["pages"] = [];
    for (const [page, loggedIn] of clientJsPages(passwordLinkPath(url, DEPLOYMENT_ENV))) {
      const { bytes, lazy } = await clientJsBytes(BASE, page, loggedIn ? demo : undefined);
      pages.push({ page: pageLabel(page), bytes, above: bytes - baseline, lazy });
    }

    // ---- export
    await timedExport(server, demo); // warm-up: compiles the route
    await timedExport(server, demo);
    const runs: number[] = [];
    const cpuRuns: number[] = [];
    let rssAboveIdle = 0;
    let idleRss = 0;
    let bytes = 0;
    for (let i = 0; i < 3; i++) {
      const idle = await settle(server);
      const r = await timedExport(server, big);
      runs.push(r.ms);
      cpuRuns.push(r.cpuMs);
      bytes = r.bytes;
      idleRss = idle;
      rssAboveIdle = Math.max(rssAboveIdle, r.peak - idle);
    }
    const sorted = [...runs].sort((a, b) => a - b);

    // ---- erasure PDF (demo customer; and the large customer, whose name needs Latin Extended letters)
    const pdfUrl = `${BASE}/api/konto/sletning/bench-pdf-0/pdf`;
    await statusOk(pdfUrl, demo, 200);
    await statusOk(`${BASE}/api/konto/sletning/bench-pdf-1/pdf`, big, 200);
    const pdf = await cannon(pdfUrl, demo, 1);
    const pdfUnicode = await cannon(`${BASE}/api/konto/sletning/bench-pdf-1/pdf`, big, 1);

    // ---- /konto against a trivial dynamic page of the same build (the not-found page, rendered per request)
    const trivialUrl = `${BASE}/bench-findes-ikke`;
    await statusOk(trivialUrl, undefined, 404);
    await statusOk(`${BASE}/konto`, demo, 200);
    const trivial = await cannon(trivialUrl, undefined, 20);
    const konto = await cannon(`${BASE}/konto`, demo, 20);
    const kontoDemo1 = await cannon(`${BASE}/konto`, demo, 1);
    const kontoBig1 = await cannon(`${BASE}/konto`, big, 1);

    return {
      export: { ms: sorted[1], msRuns: runs, cpuRuns, bytes, rssAboveIdle, idleRss },
      pdf: { p50: pdf.p50, p99: pdf.p99, rps: pdf.rps, p50Unicode: pdfUnicode.p50 },
      clientJs: { baseline: { page: baselinePage, bytes: baseline }, pages },
      konto: { rps20: konto.rps, trivialRps20: trivial.rps, ratio: konto.rps / trivial.rps, p50Demo: kontoDemo1.p50, p50Big: kontoBig1.p50 },
    };
  } finally {
    await server.stop();
  }
}

export function printWeb(f: WebFigures): string[] {
  const out: string[] = [];
  out.push(
    `| JSON export, ${BIG.email}: 10,000 orders + 50,000 website events (median of 3) | ${fmtMs(f.export.ms)} (runs ${f.export.msRuns.map(fmtMs).join(", ")}; server CPU ${f.export.cpuRuns.map(fmtMs).join(", ")}, incl. the framework's gzip; ${(f.export.bytes / 1e6).toFixed(1)} MB) | < 1 s |`,
  );
  out.push(`| JSON export, server RSS above idle (idle ${fmtMiB(f.export.idleRss)}) | +${fmtMiB(f.export.rssAboveIdle)} | < 50 MB |`);
  out.push(`| erasure PDF route, 1 connection, p50 (p99) | ${fmtMs(f.pdf.p50)} (${fmtMs(f.pdf.p99)}), ${f.pdf.rps.toFixed(0)} req/s | < 10 ms |`);
  out.push(`| erasure PDF route, name in Latin Extended (${BIG.name}), p50 | ${fmtMs(f.pdf.p50Unicode)} | < 10 ms |`);
  out.push(`| client JS (gzip) of ${f.clientJs.baseline.page}, no client components (baseline) | ${fmtKB(f.clientJs.baseline.bytes)} | |`);
  for (const p of f.clientJs.pages) {
    const later = p.lazy ? `; +${fmtKB(p.lazy)} more on first use (form validation, loaded when a field is first focused)` : "";
    // A page without React (/konto, app/konto/route.ts) loads no script at all, not even the baseline's framework.
    const size = p.bytes ? `+${fmtKB(p.above)} (${fmtKB(p.bytes)})` : "no script at all (0 B)";
    out.push(`| client JS (gzip) of ${p.page}, above the baseline | ${size}${later} | ≤ +20 kB |`);
  }
  out.push(
    `| /konto at 20 connections vs the trivial dynamic page | ${f.konto.rps20.toFixed(0)} vs ${f.konto.trivialRps20.toFixed(0)} req/s, ratio ${f.konto.ratio.toFixed(2)} | ≥ 0.8 |`,
  );
  out.push(`| /konto, 1 connection, p50, demo customer | ${fmtMs(f.konto.p50Demo)} | |`);
  out.push(`| /konto, 1 connection, p50, 10,000 orders + 50,000 events | ${fmtMs(f.konto.p50Big)} | < 15 ms |`);
  return out;
}

if (process.argv[1]?.endsWith("web.bench.ts")) {
  const f = await webBench();
  console.log(printWeb(f).join("\n"));
}
