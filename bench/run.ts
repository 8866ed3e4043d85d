// `npm run bench`: every figure of the speed table of issue 12 and of issue 13 point 3, with the machine and how
// to rerun. SQLite by default; `DATABASE_URL=postgresql://…/speed_bench npm run bench` measures the web figures and
// the retention pass on PostgreSQL (the retention pass in a database of its own, speed_bench_retention).
//
//   npm run bench                          # everything (retention at 10,000 and 100,000 customers)
//   BENCH_QUICK=1 npm run bench            # retention at 10,000 customers only, 5 s load runs
//   BENCH_SKIP_BUILD=1 npm run bench       # reuse the last `next build`
//   npm run bench:web / bench:retention / bench:import   # one part
import os from "node:os";
import { spawnSync } from "node:child_process";
import { printWeb, webBench } from "./web.bench";
import { BENCH_PORT, DEPLOYMENT_ENV, benchDatabaseUrl, databaseKind } from "./support/server";
import { cpuReferenceMs } from "./support/cpu-reference";

const quick = process.env.BENCH_QUICK === "1";
if (quick) process.env.BENCH_DURATION ??= "5";
const url = benchDatabaseUrl();
const kind = databaseKind(url);
const started = new Date();
const load0 = os.loadavg();
const cpuRef0 = cpuReferenceMs();

interface RetentionFigure {
  customers: number;
  seconds: number | null;
  cpu: number | null;
  rssAbove: number | null;
  peak: number | null;
  output: string;
}

function retention(customers: number): RetentionFigure {
  const r = spawnSync(process.execPath, ["--import", "tsx", "--conditions=react-server", "bench/retention.bench.ts"], {
    env: { ...process.env, ...DEPLOYMENT_ENV, BENCH_CUSTOMERS: String(customers) },
    encoding: "utf8",
    maxBuffer: 16 * 1024 * 1024,
  });
  const output = (r.stdout ?? "") + (r.status === 0 ? "" : `\n(exit ${r.status}) ${r.stderr?.slice(-2000) ?? ""}`);
  const num = (re: RegExp) => {
    const m = re.exec(output);
    return m ? Number(m[1]) : null;
  };
  return {
    customers,
    seconds: num(/real run:\s+([\d.]+) s/),
    cpu: num(/real run:\s+[\d.]+ s wall, ([\d.]+) s CPU/),
    peak: num(/peak RSS:\s+(\d+) MiB/),
    rssAbove: num(/(\d+) MiB above/),
    output,
  };
}

const out: string[] = [];
out.push(`# Benchmark ${started.toISOString()}`);
out.push("");
out.push(
  `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${os.type()} ${os.release()}, Node ${process.version}; ` +
    `load average at start ${load0.map((l) => l.toFixed(1)).join(" / ")}; CPU reference ${cpuRef0} ms (bench/support/cpu-reference.ts: other work on the machine, or a slower host, slows every figure).`,
);
out.push(
  `Database: ${kind}${kind === "SQLite" ? ` (${url})` : ""}; server: \`next start\` of this tree's production build on 127.0.0.1:${BENCH_PORT}; load by autocannon.`,
);
out.push("");
out.push("| what | measured | goal |");
out.push("|---|---|---|");

const web = await webBench();
const retentionRuns: RetentionFigure[] = [];
// Retention on the same kind of database as the rest (PostgreSQL: its own database <name>_retention).
for (const n of quick ? [10_000] : [10_000, 100_000]) retentionRuns.push(retention(n));
for (const r of retentionRuns) {
  out.push(
    `| retention pass, ${r.customers.toLocaleString("en")} customers / ${(r.customers * 10).toLocaleString("en")} orders / ${(r.customers * 10).toLocaleString("en")} invoices | ` +
      `${r.seconds ?? "?"} s (CPU ${r.cpu ?? "?"} s${kind === "PostgreSQL" ? ", Node + PostgreSQL backends" : ""}), peak RSS ${r.peak ?? "?"} MiB${r.rssAbove != null ? ` (+${r.rssAbove} MiB over the RSS before the pass)` : ""} | ${r.customers === 100_000 ? "< 15 s; memory flat from 10k to 100k" : "memory flat"} |`,
  );
}
out.push(...printWeb(web));
// The render alone runs in a process of its own: react-pdf needs React's client build, this script runs with
// the react-server condition (for the DAL's server-only imports).
const renderRun = spawnSync(process.execPath, ["--import", "tsx", "bench/pdf-render.bench.ts"], {
  env: { ...process.env, NODE_ENV: "production" },
  encoding: "utf8",
});
const renderLine = /first (\d+) ms .*p50 ([\d.]+) ms; (\d+) bytes/.exec(renderRun.stdout ?? "");
out.push(
  renderLine
    ? `| erasure PDF, render alone in process (what a first download costs; a repeated download of an unchanged document comes from the render cache) | p50 ${renderLine[2]} ms (first render, fonts parsed: ${renderLine[1]} ms; ${(Number(renderLine[3]) / 1000).toFixed(1)} kB) | |`
    : `| erasure PDF, render alone | failed: ${(renderRun.stderr ?? "").slice(-300).replace(/\n/g, " ")} | |`,
);
out.push("");
out.push(
  `Finished in ${((Date.now() - started.getTime()) / 1000).toFixed(0)} s; load average at the end ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" / ")}; CPU reference ${cpuReferenceMs()} ms.`,
);
out.push(
  `Rerun: \`npm run bench\` (SQLite) or \`DATABASE_URL=postgresql://127.0.0.1:5432/speed_bench npm run bench\`; \`BENCH_QUICK=1\` for a shorter run. Latest figures: bench/RESULTS.md.`,
);
// Issue 9's bulk import (bench/import.bench.ts, SQLite): its own output, verbatim.
let importOutput: string | null = null;
if (kind === "SQLite" && process.env.BENCH_IMPORT !== "0") {
  const r = spawnSync(process.execPath, ["--import", "tsx", "--conditions=react-server", "bench/import.bench.ts"], {
    env: { ...process.env, ...DEPLOYMENT_ENV, ...(quick ? { BENCH_IMPORT_RECORDS: process.env.BENCH_IMPORT_RECORDS ?? "100000" } : {}) },
    encoding: "utf8",
    maxBuffer: 16 * 1024 * 1024,
  });
  importOutput = (r.stdout ?? "").trim() + (r.status === 0 ? "" : `\n(exit ${r.status}) ${r.stderr?.slice(-2000) ?? ""}`);
}
for (const r of retentionRuns) {
  out.push("");
  out.push(`Retention benchmark output (${r.customers.toLocaleString("en")} customers):`);
  out.push("```");
  out.push(r.output.trim());
  out.push("```");
}
if (importOutput) {
  out.push("");
  out.push("Import benchmark output (issue 9, bench/import.bench.ts):");
  out.push("```");
  out.push(importOutput);
  out.push("```");
}
console.log(out.join("\n"));
