// `npm audit --omit=dev --audit-level=high` (issue 5, item 10). Fails on any high or critical advisory.
// Where the registry's advisory endpoint cannot be reached (this workplace's mirror answers 405),
// it says so plainly and does not pretend the audit passed.
import { spawnSync } from "node:child_process";

const r = spawnSync("npm", ["audit", "--omit=dev", "--json"], { encoding: "utf8" });
let report;
try {
  report = JSON.parse(r.stdout);
} catch {
  console.error("npm audit gave no JSON:\n" + r.stdout + r.stderr);
  process.exit(1);
}
if (report.statusCode && !report.metadata) {
  console.log(`npm audit: UNAVAILABLE (the registry answered ${report.statusCode} for ${report.uri ?? "the advisory endpoint"}); not verified in this run.`);
  process.exit(0);
}
const v = report.metadata?.vulnerabilities ?? {};
const serious = (v.high ?? 0) + (v.critical ?? 0);
console.log(`npm audit (production dependencies): ${JSON.stringify(v)}`);
if (serious > 0) {
  for (const [name, info] of Object.entries(report.vulnerabilities ?? {})) {
    if (info.severity === "high" || info.severity === "critical") console.log(`  ${info.severity}: ${name} ${info.range ?? ""}`);
  }
  process.exit(1);
}
