// `npm run retention [-- --dry-run] [--now=2031-01-01T00:00:00Z] [--batch=500]`
// Runs clause 5 / 5a.3 retention once. Schedule it daily (cron, systemd timer), or set RETENTION_DAILY=true
// to let the server run it. --dry-run prints what it would do and why, and changes nothing.
import { runRetention } from "@/lib/dal/retention";
import { parseFinancialYearEnd } from "@/lib/policy";
import { env } from "@/lib/env";

const args = process.argv.slice(2);
const dryRun = args.includes("--dry-run");
const nowArg = args.find((a) => a.startsWith("--now="))?.slice(6);
const batchArg = args.find((a) => a.startsWith("--batch="))?.slice(8);
const now = nowArg ? new Date(nowArg) : new Date();
if (Number.isNaN(now.getTime())) {
  console.error(`Ugyldig --now: ${nowArg}`);
  process.exit(2);
}

const results = await runRetention({ now, fy: parseFinancialYearEnd(env.FINANCIAL_YEAR_END), dryRun, batchSize: batchArg ? Number(batchArg) : undefined });
console.log(`${dryRun ? "Prøvekørsel (intet ændres)" : "Sletning efter pkt. 5"} pr. ${now.toISOString()}`);
for (const r of results) {
  console.log(`  pkt. ${r.clause.padEnd(5)} ${r.rule.padEnd(26)} ${String(r.count).padStart(7)}  ${r.why}${r.sample.length ? ` Fx: ${r.sample.join(", ")}` : ""}`);
}
