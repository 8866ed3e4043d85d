// /konto for a customer with 10,000 orders and 50,000 website events against a trivial dynamic page of the
// same production build (issue 13.3). Needs a production build (`npm run build`, or BENCH_BUILD=1 here).
//   npx tsx bench/konto.bench.ts          (BENCH_PORT=3307, BENCH_SECONDS=10, BENCH_ORDERS, BENCH_EVENTS)
// Prints requests/s at 20 connections and p50/p99 latency at 1 connection for each page, and the ratios.
import { spawn, execFileSync } from "node:child_process";
import { existsSync, readFileSync, rmSync, mkdirSync } from "node:fs";
import os from "node:os";
import autocannon from "autocannon";
import { openPrisma } from "../prisma/client";
import { hashPassword } from "../lib/auth/password";
import { setupDatabase } from "../prisma/setup";
import { addManyOrdersCustomer } from "../e2e/fixtures";
import { DEPLOYMENT_ENV } from "./support/server";

const PORT = Number(process.env.BENCH_PORT ?? 3307);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ORDERS = Number(process.env.BENCH_ORDERS ?? 10_000);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 50_000);
const URL_ = `file:./data/bench-konto.db`;
const BASE = `http://127.0.0.1:${PORT}`;
const SECRET = "bench-secret-bench-secret-bench-secret-0123";
const PASSWORD = "bench-adgangskode-1";
const BIG = { email: "bench-stor@example.test", number: 990001, name: "Stor Kunde Ærø", orders: ORDERS, events: EVENTS };

async function prepare() {
  mkdirSync("data", { recursive: true });
  if (process.env.BENCH_REUSE === "1" && existsSync("data/bench-konto.db")) return console.log("data: reusing data/bench-konto.db");
  rmSync("data/bench-konto.db", { force: true });
  rmSync("data/bench-konto.db-wal", { force: true });
  rmSync("data/bench-konto.db-shm", { force: true });
  await setupDatabase(URL_, { seedDemo: true });
  const db = openPrisma(URL_);
  const t = Date.now();
  await addManyOrdersCustomer(db, BIG, await hashPassword(PASSWORD));
  await db.$disconnect();
  console.log(`data: ${ORDERS} orders (2 lines, 1 invoice each) + ${EVENTS} website events in ${((Date.now() - t) / 1000).toFixed(1)} s`);
}

async function waitUp() {
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

/** Logs in through next-auth's credentials flow and returns the Cookie header. */
async function login(email: string, password: string): Promise<string> {
  const csrf = await fetch(`${BASE}/api/auth/csrf`);
  const jar = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; "), origin: BASE },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const session = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .find((c) => c.includes("session-token"));
  if (!session) throw new Error(`login failed: ${res.status}`);
  return session;
}

/** CPU time (ms) the server process has used so far: user + system, from /proc (Linux). */
function serverCpuMs(pid: number): number {
  const f = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return ((Number(f[11]) + Number(f[12])) * 1000) / 100; // utime, stime in clock ticks (100 Hz)
}

let serverPid = 0;

async function run(path: string, cookie: string | null, connections: number) {
  const cpu0 = serverCpuMs(serverPid);
  const r = await autocannon({
    url: `${BASE}${path}`,
    connections,
    duration: SECONDS,
    headers: cookie ? { cookie } : {},
  });
  const non2xx = r.non2xx;
  const cpuPerRequest = (serverCpuMs(serverPid) - cpu0) / Math.max(1, r.requests.total);
  return {
    cpuPerRequest,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    non2xx,
    bytes: r.throughput.average / Math.max(1, r.requests.average),
  };
}

async function main() {
  if (process.env.BENCH_BUILD === "1")
    execFileSync("npx", ["next", "build"], { stdio: "inherit", env: { ...process.env, NODE_ENV: "production", NEXTAUTH_SECRET: SECRET } });
  await prepare();
  const server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(PORT)], {
    env: {
      ...process.env,
      ...DEPLOYMENT_ENV,
      NODE_ENV: "production",
      DATABASE_URL: URL_,
      NEXTAUTH_SECRET: SECRET,
      NEXTAUTH_URL: BASE,
      COOKIE_SECURE: "false",
      LOG_LEVEL: "warn",
      MAIL_OUTBOX_DIR: "data/bench-outbox",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  serverPid = server.pid!;
  try {
    await waitUp();
    const big = await login(BIG.email, PASSWORD);
    const demo = await login("kunde@example.dk", "demo-kunde-1");
    const pages: [string, string, string | null][] = [
      ["trivial dynamic page, anonymous (/)", "/", null],
      ["trivial dynamic page, logged in (/konto/klage)", "/konto/klage", big],
      ["/konto, demo customer", "/konto", demo],
      [`/konto, ${ORDERS} orders + ${EVENTS} events`, "/konto", big],
      [`/konto/detaljer/koeb (50 rows), same customer`, "/konto/detaljer/koeb", big],
    ];
    // Warm up every page (first renders compile nothing in production, but caches and JIT settle).
    for (const [, path, cookie] of pages) await autocannon({ url: `${BASE}${path}`, connections: 4, duration: 2, headers: cookie ? { cookie } : {} });
    // The machine is shared: each page is measured ROUNDS times, interleaved with the others, and the median kept.
    const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
    const samples: Record<string, { c20: number[]; cpu: number[]; p50: number[]; p99: number[]; bytes: number; non2xx: number }> = {};
    for (let round = 0; round < ROUNDS; round++) {
      for (const [name, path, cookie] of pages) {
        const c20 = await run(path, cookie, 20);
        const c1 = await run(path, cookie, 1);
        const s = (samples[name] ??= { c20: [], cpu: [], p50: [], p99: [], bytes: 0, non2xx: 0 });
        s.c20.push(c20.rps);
        s.cpu.push(c20.cpuPerRequest);
        s.p50.push(c1.p50);
        s.p99.push(c1.p99);
        s.bytes = c1.bytes;
        s.non2xx += c20.non2xx + c1.non2xx;
      }
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    for (const [name] of pages) {
      const s = samples[name];
      console.log(
        `${name.padEnd(52)} 20 conn: ${median(s.c20).toFixed(0).padStart(5)} req/s, server CPU ${median(s.cpu).toFixed(2)} ms/req   1 conn: p50 ${String(median(s.p50)).padStart(3)} ms, p99 ${String(median(s.p99)).padStart(3)} ms   ${(s.bytes / 1024).toFixed(1)} kB${s.non2xx ? `   NON-2XX ${s.non2xx}` : ""}`,
      );
    }
    const names = pages.map((p) => p[0]);
    const big20 = median(samples[names[3]].c20);
    console.log(`ratio /konto (big) : anonymous trivial = ${(big20 / median(samples[names[0]].c20)).toFixed(2)}`);
    console.log(`ratio /konto (big) : logged-in trivial = ${(big20 / median(samples[names[1]].c20)).toFixed(2)}`);
    const cpuOf = (i: number) => median(samples[names[i]].cpu);
    console.log(`CPU-based ratio (trivial CPU per request / /konto CPU per request; what throughput would be on an idle machine):`);
    console.log(
      `  /konto (big) vs anonymous trivial: ${(cpuOf(0) / cpuOf(3)).toFixed(2)}; vs logged-in trivial: ${(cpuOf(1) / cpuOf(3)).toFixed(2)}; demo vs logged-in trivial: ${(cpuOf(1) / cpuOf(2)).toFixed(2)}`,
    );
    console.log(
      `load average during the run: ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(" ")}`,
    );
    console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, Node ${process.version}, ${SECONDS} s per run, autocannon`);
  } finally {
    server.kill("SIGTERM");
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
