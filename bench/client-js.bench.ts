// `npm run bench:client-js`: issue 12's client-JS row alone. Client JS (gzip -9) of /log-ind and the form pages
// above a page with no client components (/persondatapolitik), first load and first use (the chunks a page's
// scripts load later, e.g. a form's validation on the first focus of a field) counted together: goal ≤ +20 kB
// (20,480 bytes) per page. Same method as bench/web.bench.ts (bench/support/client-js.ts).
//
//   npm run bench:client-js                 # builds first when the build is missing or older than the sources
//   BENCH_BUILD=1 npm run bench:client-js   # always build;  BENCH_SKIP_BUILD=1: never
// The database is a fresh SQLite file with the demo data only (data/bench/client-js.db); the server is
// `next start` of this tree's build on 127.0.0.1:$BENCH_PORT (3316).
import os from "node:os";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { CLIENT_JS_BASELINE, clientJsBytes, clientJsPages, pageLabel, passwordLinkPath } from "./support/client-js";
import { BASE, DEMO, DEPLOYMENT_ENV, build, fmtKB, login, startServer } from "./support/server";

const GOAL = 20 * 1024;
const BASELINE = CLIENT_JS_BASELINE;

/** The newest modification time under the sources a client build depends on. */
function newestSource(): number {
  let newest = 0;
  const walk = (p: string) => {
    const st = statSync(p);
    if (st.isDirectory()) for (const e of readdirSync(p)) walk(path.join(p, e));
    else newest = Math.max(newest, st.mtimeMs);
  };
  for (const p of ["app", "components", "lib", "next.config.mjs", "package-lock.json", "tsconfig.json"]) if (existsSync(p)) walk(p);
  return newest;
}

if (process.env.BENCH_SKIP_BUILD !== "1") {
  const stale = process.env.BENCH_BUILD === "1" || !existsSync(".next/BUILD_ID") || statSync(".next/BUILD_ID").mtimeMs < newestSource();
  if (stale) build();
  else console.error("the build is newer than the sources: not rebuilding (BENCH_BUILD=1 forces a build)");
}

const url = "file:./data/bench/client-js.db";
mkdirSync("data/bench", { recursive: true });
for (const s of ["", "-wal", "-shm"]) rmSync(`data/bench/client-js.db${s}`, { force: true });
const seed = spawnSync(process.execPath, ["--import", "tsx", "prisma/demo-seed.ts"], {
  stdio: ["ignore", "ignore", "inherit"],
  env: { ...process.env, ...DEPLOYMENT_ENV, DATABASE_URL: url, LOG_LEVEL: "silent" },
});
if (seed.status !== 0) throw new Error("could not prepare the demo database");
const pages = clientJsPages(passwordLinkPath(url, DEPLOYMENT_ENV));

const load0 = os.loadavg();
const server = await startServer(url);
const rows: string[] = [];
let met = true;
try {
  const demo = await login(DEMO.email, DEMO.password);
  const base = await clientJsBytes(BASE, BASELINE);
  rows.push(`| ${BASELINE} (baseline, no client components) | ${fmtKB(base.bytes)} | | | |`);
  for (const [page, auth] of pages) {
    const p = await clientJsBytes(BASE, page, auth ? demo : undefined);
    if (p.bytes === 0) {
      // A page without React (/konto, app/konto/route.ts): not even the baseline's framework.
      rows.push(`| ${pageLabel(page)} | no script at all (0 B, ${fmtKB(base.bytes)} below the baseline) | 0 | **0 B** | met |`);
      continue;
    }
    const above = p.bytes - base.bytes;
    const total = above + p.lazy;
    met &&= total <= GOAL;
    const chunks = Object.values(p.lazyChunks).map(fmtKB).join(" + ");
    rows.push(
      `| ${pageLabel(page)} | +${fmtKB(above)} (${fmtKB(p.bytes)}) | ${p.lazy ? `+${fmtKB(p.lazy)}${Object.keys(p.lazyChunks).length > 1 ? ` (${chunks})` : ""}` : "0"} | **+${fmtKB(total)}** (${total} B) | ${total <= GOAL ? "met" : "NOT met"} |`,
    );
  }
} finally {
  await server.stop();
}

let commit = "";
try {
  commit = spawnSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).stdout.trim();
  if (spawnSync("git", ["status", "--porcelain", "--", "app", "components", "lib", "next.config.mjs"], { encoding: "utf8" }).stdout.trim())
    commit += " + uncommitted changes";
} catch {
  /* not a git checkout */
}
console.log(`# Client JS (gzip -9) above ${BASELINE}, ${new Date().toISOString()}`);
console.log("");
console.log(
  `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${os.type()} ${os.release()}, Node ${process.version}; load average ${load0.map((l) => l.toFixed(1)).join(" / ")}. Commit ${commit || "?"}.`,
);
console.log(`Rerun: \`npm run bench:client-js\` (BENCH_BUILD=1 forces a build, BENCH_SKIP_BUILD=1 reuses the last one). kB = 1,000 bytes.`);
console.log("");
console.log("| page | first load, above the baseline | first use (loaded later) | total above the baseline | goal ≤ +20 kB (20,480 B) |");
console.log("|---|---|---|---|---|");
for (const r of rows) console.log(r);
process.exitCode = met ? 0 : 1;
