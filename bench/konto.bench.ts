// /konto for a customer with 10,000 orders and 50,000 website events against a trivial dynamic page of the
// same production build (issue 13.3). Needs a production build (`npm run build`, or BENCH_BUILD=1 here).
//   npx tsx --conditions=react-server bench/konto.bench.ts   (BENCH_PORT=3307, BENCH_SECONDS=5, BENCH_ROUNDS=3,
//   BENCH_ORDERS, BENCH_EVENTS, BENCH_REUSE=1 keeps the SQLite file, BENCH_DETAILS=1 adds /konto/detaljer/koeb)
// BENCH_DATABASE_URL=postgresql://…/bench_… runs it on PostgreSQL (that database is dropped and made again).
// BENCH_COMPARE_DIR=/tmp/other: a copy of another commit with its own production build (`git archive <commit> | tar
// -x -C /tmp/other`, its .next, node_modules as a link to this tree's) served beside this build on the same
// database; each page is measured on both, interleaved, for a before/after under the same load.
// Prints requests/s and server CPU per request at 20 connections and p50/p99 latency at 1 connection for each
// page, and the ratios against the trivial dynamic page (the not-found page, anonymous, as in bench/web.bench.ts).
import { spawn, execFileSync } from "node:child_process";
import { existsSync, rmSync, mkdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { openPrisma } from "../prisma/client";
import { hashPassword } from "../lib/auth/password";
import { setupDatabase } from "../prisma/setup";
import { addManyOrdersCustomer } from "../e2e/fixtures";
import { DEMO, DEPLOYMENT_ENV, login, prepareDatabase, treeCpu } from "./support/server";

const PORT = Number(process.env.BENCH_PORT ?? 3307);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ORDERS = Number(process.env.BENCH_ORDERS ?? 10_000);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 50_000);
const SQLITE_FILE = path.resolve("data/bench-konto.db");
// Absolute: the compare build runs in another directory on the same database.
const DB_URL = process.env.BENCH_DATABASE_URL ?? `file:${SQLITE_FILE}`;
const SECRET = "bench-secret-bench-secret-bench-secret-0123";
const PASSWORD = "bench-adgangskode-1";
const BIG = { email: "bench-stor@example.test", number: 990001, name: "Stor Kunde Ærø", orders: ORDERS, events: EVENTS };

async function prepare() {
  mkdirSync("data", { recursive: true });
  if (!DB_URL.startsWith("file:")) {
    if (process.env.BENCH_REUSE === "1") return console.log(`data: reusing ${DB_URL}`);
    // PostgreSQL: bench/support's preparation (drops and makes the benchmark's own database, same large customer).
    return prepareDatabase(DB_URL);
  }
  if (process.env.BENCH_REUSE === "1" && existsSync(SQLITE_FILE)) return console.log(`data: reusing ${SQLITE_FILE}`);
  for (const suffix of ["", "-wal", "-shm"]) rmSync(SQLITE_FILE + suffix, { force: true });
  await setupDatabase(DB_URL, { seedDemo: true });
  const db = openPrisma(DB_URL);
  const t = Date.now();
  await addManyOrdersCustomer(db, BIG, await hashPassword(PASSWORD));
  await db.$disconnect();
  console.log(`data: ${ORDERS} orders (2 lines, 1 invoice each) + ${EVENTS} website events in ${((Date.now() - t) / 1000).toFixed(1)} s`);
}

async function waitUp(BASE: string) {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${BASE}/log-ind`)).ok) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("server did not start");
}

interface Build {
  label: string;
  dir: string;
  base: string;
  pid: number;
  proc: ReturnType<typeof spawn>;
}

async function run(b: Build, path: string, cookie: string | null, connections: number) {
  const cpu0 = treeCpu(b.pid) * 1000;
  const r = await autocannon({
    url: `${b.base}${path}`,
    connections,
    duration: SECONDS,
    headers: cookie ? { cookie } : {},
  });
  const cpuPerRequest = (treeCpu(b.pid) * 1000 - cpu0) / Math.max(1, r.requests.total);
  return {
    cpuPerRequest,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    non2xx: r.non2xx,
    bytes: r.throughput.average / Math.max(1, r.requests.average),
  };
}

function startBuild(label: string, dir: string, port: number): Build {
  const base = `http://127.0.0.1:${port}`;
  const proc = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: dir,
    env: {
      ...process.env,
      ...DEPLOYMENT_ENV,
      NODE_ENV: "production",
      DATABASE_URL: DB_URL,
      NEXTAUTH_SECRET: SECRET,
      NEXTAUTH_URL: base,
      COOKIE_SECURE: "false",
      LOG_LEVEL: "warn",
      RETENTION_DAILY: "false",
      NEXT_TELEMETRY_DISABLED: "1",
      MAIL_OUTBOX_DIR: path.resolve("data/bench-outbox"),
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  return { label, dir, base, pid: proc.pid!, proc };
}

async function main() {
  if (process.env.BENCH_BUILD === "1")
    execFileSync("npx", ["next", "build"], { stdio: "inherit", env: { ...process.env, NODE_ENV: "production", NEXTAUTH_SECRET: SECRET } });
  await prepare();
  // BENCH_COMPARE_DIR: a second production build (a copy of another commit with its own .next, node_modules linked)
  // served beside this one on the same database; every page is measured on both, interleaved, so both share the load.
  const compare = process.env.BENCH_COMPARE_DIR;
  const builds = [startBuild("this build", ".", PORT), ...(compare ? [startBuild(`compare (${compare})`, compare, PORT + 1)] : [])];
  try {
    for (const b of builds) await waitUp(b.base);
    const cookies = new Map<Build, { big: string; demo: string }>();
    for (const b of builds) cookies.set(b, { big: await login(BIG.email, PASSWORD, b.base), demo: await login(DEMO.email, DEMO.password, b.base) });
    const pages: [string, string, "big" | "demo" | null][] = [
      ["trivial dynamic page, anonymous (/bench-findes-ikke, 404)", "/bench-findes-ikke", null],
      ["trivial dynamic page, logged in (/konto/klage)", "/konto/klage", "big"],
      ["/konto, demo customer", "/konto", "demo"],
      [`/konto, ${ORDERS} orders + ${EVENTS} events`, "/konto", "big"],
    ];
    if (process.env.BENCH_DETAILS === "1") pages.push([`/konto/detaljer/koeb (50 rows), same customer`, "/konto/detaljer/koeb", "big"]);
    const cookieOf = (b: Build, who: "big" | "demo" | null) => (who ? cookies.get(b)![who] : null);
    // Warm up every page (first renders compile nothing in production, but caches and JIT settle).
    for (const b of builds)
      for (const [, path, who] of pages) {
        const c = cookieOf(b, who);
        await autocannon({ url: `${b.base}${path}`, connections: 4, duration: 2, headers: c ? { cookie: c } : {} });
      }
    // The machine is shared: each page is measured ROUNDS times, interleaved with the others (and the builds, in an
    // order swapped every round), and the median kept.
    const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
    type Samples = { c20: number[]; cpu: number[]; p50: number[]; p99: number[]; bytes: number; non2xx: number };
    const samples = new Map<Build, Record<string, Samples>>(builds.map((b) => [b, {}]));
    for (let round = 0; round < ROUNDS; round++) {
      for (const [name, path, who] of pages) {
        for (const b of round % 2 ? [...builds].reverse() : builds) {
          const c20 = await run(b, path, cookieOf(b, who), 20);
          const c1 = await run(b, path, cookieOf(b, who), 1);
          const s = (samples.get(b)![name] ??= { c20: [], cpu: [], p50: [], p99: [], bytes: 0, non2xx: 0 });
          s.c20.push(c20.rps);
          s.cpu.push(c20.cpuPerRequest);
          s.p50.push(c1.p50);
          s.p99.push(c1.p99);
          s.bytes = c1.bytes;
          s.non2xx += c20.non2xx + c1.non2xx;
        }
      }
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const names = pages.map((p) => p[0]);
    for (const b of builds) {
      const all = samples.get(b)!;
      console.log(`\n== ${b.label}`);
      for (const [name, , who] of pages) {
        const s = all[name];
        // The not-found page answers 404 by design; any other non-2xx is a failure of the run.
        const bad = who === null ? 0 : s.non2xx;
        console.log(
          `${name.padEnd(58)} 20 conn: ${median(s.c20).toFixed(0).padStart(5)} req/s, server CPU ${median(s.cpu).toFixed(2)} ms/req   1 conn: p50 ${String(median(s.p50)).padStart(3)} ms, p99 ${String(median(s.p99)).padStart(3)} ms   ${(s.bytes / 1024).toFixed(1)} kB${bad ? `   NON-2XX ${bad}` : ""}`,
        );
      }
      const rps = (i: number) => median(all[names[i]].c20);
      const cpuOf = (i: number) => median(all[names[i]].cpu);
      console.log(
        `ratio /konto (big) : anonymous trivial, by req/s = ${(rps(3) / rps(0)).toFixed(2)}; by CPU per request = ${(cpuOf(0) / cpuOf(3)).toFixed(2)}`,
      );
      console.log(
        `ratio /konto (big) : logged-in trivial, by req/s = ${(rps(3) / rps(1)).toFixed(2)}; by CPU per request = ${(cpuOf(1) / cpuOf(3)).toFixed(2)}`,
      );
      console.log(
        `ratio /konto (demo) : anonymous trivial, by req/s = ${(rps(2) / rps(0)).toFixed(2)}; by CPU per request = ${(cpuOf(0) / cpuOf(2)).toFixed(2)}`,
      );
    }
    console.log(
      `\nload average at the end: ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(" ")}; database ${DB_URL.startsWith("file:") ? "SQLite" : "PostgreSQL"}`,
    );
    console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, Node ${process.version}, ${SECONDS} s per run, ${ROUNDS} rounds, autocannon`);
  } finally {
    for (const b of builds) b.proc.kill("SIGTERM");
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
