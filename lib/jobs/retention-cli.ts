// `npm run retention [-- --dry-run] [--now=2031-01-01T00:00:00Z] [--batch=500]`
// Runs clause 5 / 5a.3 retention once, for cron or a systemd timer. The server runs the same pass by itself
// (RETENTION_DAILY, on by default); both take the same lease, so a pass never runs twice at once, and a pass
// from here counts as the day's pass for the server. --dry-run prints what it would do and why, and changes nothing.
import { runRetentionPass } from "@/lib/dal/retention";
import { withLease } from "@/lib/dal/lease";
import { parseFinancialYearEnd } from "@/lib/policy";
import { env } from "@/lib/env";
import { RETENTION_LEASE, runRetentionAndNotify } from "./retention";

const args = process.argv.slice(2);
const dryRun = args.includes("--dry-run");
const nowArg = args.find((a) => a.startsWith("--now="))?.slice(6);
const batchArg = args.find((a) => a.startsWith("--batch="))?.slice(8);
const now = nowArg ? new Date(nowArg) : new Date();
if (Number.isNaN(now.getTime())) {
  console.error(`Ugyldig --now: ${nowArg}`);
  process.exit(2);
}

const options = { now, fy: parseFinancialYearEnd(env.FINANCIAL_YEAR_END), dryRun, batchSize: batchArg ? Number(batchArg) : undefined };
let results;
if (dryRun) {
  results = (await runRetentionPass(options)).results;
} else {
  const r = await withLease(RETENTION_LEASE, 2 * 60 * 60_000, () => runRetentionAndNotify(options));
  if (!r.ran) {
    console.error("En anden proces kører sletningen lige nu; prøv igen senere.");
    process.exit(3);
  }
  results = r.result.results;
}
console.log(`${dryRun ? "Prøvekørsel (intet ændres)" : "Sletning efter pkt. 5"} pr. ${now.toISOString()}`);
for (const r of results) {
  console.log(
    `  pkt. ${r.clause.padEnd(7)} ${r.rule.padEnd(26)} ${String(r.count).padStart(7)}  ${r.why}${r.sample.length ? ` Fx: ${r.sample.join(", ")}` : ""}`,
  );
}
