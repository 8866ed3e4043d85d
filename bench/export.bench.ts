// The JSON export alone (issue 12: < 1 s and < 50 MB above idle for 10,000 orders + 50,000 website events):
// time to the last byte and the server's peak RSS above its idle level (sampled every 5 ms from /proc), over
// BENCH_RUNS downloads of the large customer's export, each after the server has settled.
// Rerun: `npm run bench:export` (SQLite), or with
// `BENCH_DATABASE_URL=postgresql://127.0.0.1:5432/bench_export`; BENCH_SKIP_BUILD=1 reuses the last build,
// BENCH_SKIP_PREPARE=1 the last database.
import os from "node:os";
import { BIG, DEMO, benchDatabaseUrl, build, databaseKind, fmtMiB, fmtMs, login, prepareDatabase, startServer } from "./support/server";
import { settle, timedExport } from "./web.bench";

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const url = benchDatabaseUrl();
if (process.env.BENCH_SKIP_PREPARE !== "1") prepareDatabase(url);
build();
const server = await startServer(url);
try {
  const demo = await login(DEMO.email, DEMO.password);
  const big = await login(BIG.email, BIG.password);
  await timedExport(server, demo);
  await timedExport(server, big); // warm-up: compiles the route and its statements
  const rows: { ms: number; cpuMs: number; above: number; idle: number; bytes: number }[] = [];
  for (let i = 0; i < RUNS; i++) {
    const idle = await settle(server);
    const r = await timedExport(server, big);
    rows.push({ ms: r.ms, cpuMs: r.cpuMs, above: r.peak - idle, idle, bytes: r.bytes });
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(
    `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, Node ${process.version}, load ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" / ")}`,
  );
  console.log(`Database: ${databaseKind(url)}; export of ${BIG.email} (10,000 orders + 50,000 website events), ${RUNS} runs`);
  for (const r of rows)
    console.log(`  ${fmtMs(r.ms)}, server CPU ${fmtMs(r.cpuMs)}, RSS +${fmtMiB(r.above)} above idle ${fmtMiB(r.idle)}, ${(r.bytes / 1e6).toFixed(1)} MB`);
  console.log(
    `median ${fmtMs(median(rows.map((r) => r.ms)))}; RSS above idle: median +${fmtMiB(median(rows.map((r) => r.above)))}, max +${fmtMiB(Math.max(...rows.map((r) => r.above)))} (goal < 1 s and < 50 MB)`,
  );
} finally {
  await server.stop();
}
