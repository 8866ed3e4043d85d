// Where a page's server CPU goes, against the anonymous not-found page (issue 13.3: /konto at ≥ 0.8 of it). Each
// page is served by its own `next start --cpu-prof` of this build, warmed for 3 s and loaded for BENCH_SECONDS
// (10) at 20 connections; only the samples of the measured seconds count. Prints the busy CPU per request by
// module (next-server: Next's and React's render; app-chunks: the portal's own compiled code and what it bundles,
// with better-sqlite3's statements counted in the function that calls them), then the functions that cost a page
// most above the first page. Samples, not counts: figures move by some percent between runs, as in konto.bench.ts.
//
//   npm run bench:profile                              (npx tsx --conditions=react-server bench/profile.bench.ts)
//   BENCH_PAGES=/bench-findes-ikke,/konto/klage,/konto  the first is the reference; logged in as the large customer
//   BENCH_DATABASE_URL   default file:<this tree>/data/bench-konto.db as bench/konto.bench.ts leaves it (run that
//                        first); BENCH_SECONDS=10, BENCH_TOP=25 (functions listed per page)
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { BASE, BIG, login, startServer } from "./support/server";

const DB = process.env.BENCH_DATABASE_URL ?? `file:${path.resolve("data/bench-konto.db")}`;
const PAGES = (process.env.BENCH_PAGES ?? "/bench-findes-ikke,/konto/klage,/konto").split(",");
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const TOP = Number(process.env.BENCH_TOP ?? 25);

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** The module a sample's code belongs to: a package (Next split by its compiled bundle), a Node subsystem, the build's chunks. */
function moduleOf(url: string, fn: string): string {
  if (fn === "(garbage collector)" || fn === "(program)") return fn;
  if (!url) return "(native)";
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?:dist\/)?(?:compiled\/)?([^/]+)?/.exec(url);
  if (pkg) return pkg[1] === "next" && pkg[2] ? `next/${pkg[2]}` : pkg[1];
  if (url.startsWith("node:")) return `node:${url.slice(5).split("/")[0]}`;
  if (url.includes("/.next/server/")) return "app-chunks";
  return url.split("/").slice(-2).join("/");
}

/**
 * Busy microseconds per request, by module and by function, over the samples taken in [from, to] (µs of the
 * monotonic clock, which the profile's timestamps use too).
 */
function aggregate(profile: CpuProfile, requests: number, from: number, to: number) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const byModule = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let busy = 0;
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i];
    const dt = profile.timeDeltas[i + 1] ?? 0;
    const cf = nodes.get(profile.samples[i])!;
    if (t < from || t > to || cf.functionName === "(idle)") continue;
    const m = moduleOf(cf.url, cf.functionName);
    const f = `${m} ${cf.functionName || "(anonymous)"} ${cf.url.split("/").pop() ?? ""}:${cf.lineNumber}:${cf.columnNumber}`;
    busy += dt;
    byModule.set(m, (byModule.get(m) ?? 0) + dt);
    byFunction.set(f, (byFunction.get(f) ?? 0) + dt);
  }
  const per = (m: Map<string, number>) => new Map([...m].map(([k, v]) => [k, v / requests]));
  return { busy: busy / requests, byModule: per(byModule), byFunction: per(byFunction) };
}

const results: { page: string; requests: number; rps: number; agg: ReturnType<typeof aggregate> }[] = [];
for (const page of PAGES) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "portal-prof-"));
  const server = await startServer(DB, ["--cpu-prof", `--cpu-prof-dir=${dir}`]);
  let requests = 0;
  let rps = 0;
  let from = 0;
  let to = 0;
  let profile: CpuProfile;
  try {
    const cookie = page.startsWith("/konto") || page.startsWith("/api/konto") ? await login(BIG.email, BIG.password) : undefined;
    const run = (duration: number) => autocannon({ url: BASE + page, connections: 20, duration, headers: cookie ? { cookie } : {} });
    await run(3);
    from = Number(process.hrtime.bigint() / 1000n);
    const r = await run(SECONDS);
    to = Number(process.hrtime.bigint() / 1000n);
    requests = r.requests.total;
    rps = r.requests.average;
    // The not-found page answers 404 by design; every other page must answer 2xx.
    const wrong = page.includes("findes-ikke") ? requests - r.non2xx : r.non2xx;
    if (!requests || r.errors || r.timeouts || wrong) {
      throw new Error(`${page}: ${requests} requests, ${r.errors} errors, ${r.timeouts} timeouts, ${wrong} with another status than expected`);
    }
    await server.stop(); // Node writes the profile as the process exits
    const file = readdirSync(dir).find((f) => f.endsWith(".cpuprofile"));
    if (!file) throw new Error(`${page}: no profile was written`);
    profile = JSON.parse(readFileSync(path.join(dir, file), "utf8")) as CpuProfile;
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  results.push({ page, requests, rps, agg: aggregate(profile, requests, from, to) });
}

const ms = (us: number) => (us / 1000).toFixed(3);
console.log(`# Server CPU per request by module, ${new Date().toISOString()}, ${SECONDS} s at 20 connections, under the profiler`);
console.log(
  `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, Node ${process.version}, load ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" / ")}; database ${DB.split(":")[0]}`,
);
console.log("Rerun: `npm run bench:profile` (BENCH_PAGES, BENCH_SECONDS, BENCH_TOP, BENCH_DATABASE_URL)\n");
const modules = [...results[0].agg.byModule]
  .sort((a, b) => b[1] - a[1])
  .slice(0, 10)
  .map(([m]) => m);
for (const r of results) for (const m of r.agg.byModule.keys()) if (!modules.includes(m) && (r.agg.byModule.get(m) ?? 0) > 100) modules.push(m);
console.log(`| ms per request | ${results.map((r) => `${r.page} (${r.rps.toFixed(0)} req/s)`).join(" | ")} |`);
console.log(`|---|${results.map(() => "---:").join("|")}|`);
console.log(`| **busy** | ${results.map((r) => `**${ms(r.agg.busy)}**`).join(" | ")} |`);
for (const m of modules) console.log(`| ${m} | ${results.map((r) => ms(r.agg.byModule.get(m) ?? 0)).join(" | ")} |`);
for (const r of results.slice(1)) {
  const ref = results[0].agg.byFunction;
  const keys = new Set([...ref.keys(), ...r.agg.byFunction.keys()]);
  const diff = [...keys].map((k) => [k, (r.agg.byFunction.get(k) ?? 0) - (ref.get(k) ?? 0)] as const).sort((a, b) => b[1] - a[1]);
  console.log(`\n${r.page} above ${results[0].page}: ${ms(r.agg.busy - results[0].agg.busy)} ms per request; the ${TOP} functions that add most (µs):`);
  for (const [k, v] of diff.slice(0, TOP)) console.log(`  ${v.toFixed(0).padStart(5)}  ${k}`);
}
