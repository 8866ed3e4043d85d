// Runs once when the server starts. With RETENTION_DAILY=true the server runs the retention job
// (clause 5) shortly after start and then every 24 hours; otherwise the operator schedules `npm run retention`.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("@/lib/env");
  if (!env.RETENTION_DAILY) return;
  const { runRetention } = await import("@/lib/dal/retention");
  const { parseFinancialYearEnd } = await import("@/lib/policy");
  const { log, errorFields } = await import("@/lib/log");
  const run = async () => {
    try {
      const results = await runRetention({ now: new Date(), fy: parseFinancialYearEnd(env.FINANCIAL_YEAR_END), dryRun: false });
      log("info", "retention.completed", Object.fromEntries(results.map((r) => [r.rule, r.count])));
    } catch (e) {
      log("error", "retention.failed", errorFields(e));
    }
  };
  setTimeout(run, 60_000).unref();
  setInterval(run, 24 * 60 * 60_000).unref();
}
