// A paired before/after of two production builds (issue 13.3): both servers run at once on one database, and short
// slices of requests rotate over (build, page), so whatever else the machine does in a minute falls on every pair
// alike. On this shared 2-core machine the server CPU per request of one page moves ±25 % between runs of
// bench/konto.bench.ts, more than most changes. Paired, it moves less, but two processes of the very same code
// still differ by up to ~8 % (the not-found page, unchanged between the builds: 5.56 vs 6.02 ms on 2026-12-04):
// compare the ratios, swap A and B, and repeat before believing a change of less than ~10 %.
//
//   npm run bench:pair -- <dir A> <dir B>      (npx tsx --conditions=react-server bench/pair.bench.ts …)
//     each dir a checkout with its own production build (`git worktree add /tmp/a <commit>`, `cp -al
//     node_modules` from this tree: Turbopack refuses a symlink out of its root, `npx next build`)
//   BENCH_DATABASE_URL   default file:<this tree>/data/bench-konto.db, as bench/konto.bench.ts leaves it (run that
//                        first; on PostgreSQL give its database); BENCH_SLICES=40, BENCH_SLICE_REQUESTS=80,
//                        BENCH_PAGES=/bench-findes-ikke,/konto/klage,/konto (the first is the ratios' reference)
// Prints, per build, the server's CPU per request (user + system from /proc, Linux) of each page over all its
// slices, and each page's ratio to the first page (the anonymous not-found page: issue 13.3's goal is ≥ 0.8).
import { spawn } from "node:child_process";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { DEPLOYMENT_ENV, login, treeCpu } from "./support/server";

const dirs = process.argv.slice(2, 4).map((d) => path.resolve(d));
if (dirs.length !== 2) throw new Error("usage: bench/pair.bench.ts <dir A> <dir B>");
const DB = process.env.BENCH_DATABASE_URL ?? `file:${path.resolve("data/bench-konto.db")}`;
const SLICES = Number(process.env.BENCH_SLICES ?? 40);
const N = Number(process.env.BENCH_SLICE_REQUESTS ?? 80);
const PAGES = (process.env.BENCH_PAGES ?? "/bench-findes-ikke,/konto/klage,/konto").split(",");
const BIG = { email: "bench-stor@example.test", password: "bench-adgangskode-1" };

// Both servers are spawned first, so the finally below stops them whatever fails after (start-up, login, a run).
const spawned = dirs.map((dir, i) => {
  const port = Number(process.env.BENCH_PORT ?? 3390) + i;
  const base = `http://127.0.0.1:${port}`;
  const proc = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: dir,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      ...DEPLOYMENT_ENV,
      NODE_ENV: "production",
      DATABASE_URL: DB,
      NEXTAUTH_URL: base,
      COOKIE_SECURE: "false",
      LOG_LEVEL: "warn",
      RETENTION_DAILY: "false",
      MAIL_OUTBOX_DIR: path.resolve("data/bench-outbox"),
    },
  });
  return { dir, base, proc };
});

async function ready({ dir, base, proc }: (typeof spawned)[number]) {
  for (let k = 0; ; k++) {
    if (proc.exitCode !== null || proc.signalCode !== null) throw new Error(`${dir}: the server exited (${proc.exitCode ?? proc.signalCode})`);
    try {
      if ((await fetch(`${base}/log-ind`)).ok) break;
    } catch {
      if (k > 120) throw new Error(`${dir}: the server did not start`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return { dir, base, proc, cookie: await login(BIG.email, BIG.password, base) };
}

type S = Awaited<ReturnType<typeof ready>>;
const hit = (s: S, page: string, amount: number) =>
  autocannon({ url: s.base + page, connections: 10, amount, headers: page.startsWith("/konto") ? { cookie: s.cookie } : {} });

const load0 = os.loadavg();
const totals = new Map<string, { cpu: number; n: number; bad: number }>();
let servers: S[] = [];
try {
  servers = await Promise.all(spawned.map(ready));
  for (const s of servers) for (const p of PAGES) await hit(s, p, 600); // warm-up: JIT, caches, heap
  for (let k = 0; k < SLICES; k++) {
    const order = servers.flatMap((s) => PAGES.map((p) => [s, p] as const));
    if (k % 2) order.reverse();
    for (const [s, p] of order) {
      const c0 = treeCpu(s.proc.pid!) * 1000;
      const r = await hit(s, p, N);
      const t = totals.get(s.dir + p) ?? { cpu: 0, n: 0, bad: 0 };
      t.cpu += treeCpu(s.proc.pid!) * 1000 - c0;
      t.n += r.requests.total;
      t.bad += p === "/bench-findes-ikke" ? 0 : r.non2xx;
      totals.set(s.dir + p, t);
    }
  }
} finally {
  for (const s of spawned) s.proc.kill("SIGTERM");
}

console.log(`# Paired CPU per request, ${new Date().toISOString()}; database ${DB.startsWith("file:") ? "SQLite" : "PostgreSQL"}`);
console.log(
  `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, Node ${process.version}; load ${load0.map((l) => l.toFixed(1)).join(" / ")} → ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" / ")}. ${SLICES} slices × ${N} requests per (build, page), 10 connections.`,
);
console.log(`Rerun: npx tsx --conditions=react-server bench/pair.bench.ts ${process.argv.slice(2, 4).join(" ")}`);
console.log("");
console.log(
  `| build | ${PAGES.map((p) => `${p} ms CPU/req`).join(" | ")} | ${PAGES.slice(1)
    .map((p) => `${PAGES[0]} : ${p}`)
    .join(" | ")} |`,
);
console.log(
  `|---|${PAGES.map(() => "---").join("|")}|${PAGES.slice(1)
    .map(() => "---")
    .join("|")}|`,
);
for (const s of servers) {
  const v = (p: string) => totals.get(s.dir + p)!.cpu / totals.get(s.dir + p)!.n;
  const bad = PAGES.reduce((a, p) => a + totals.get(s.dir + p)!.bad, 0);
  console.log(
    `| ${s.dir}${bad ? ` (NON-2XX ${bad})` : ""} | ${PAGES.map((p) => v(p).toFixed(2)).join(" | ")} | ${PAGES.slice(1)
      .map((p) => (v(PAGES[0]) / v(p)).toFixed(2))
      .join(" | ")} |`,
  );
}
