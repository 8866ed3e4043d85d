import "server-only";
import { env } from "@/lib/env";
import { runRetention } from "@/lib/dal/retention";
import { parseFinancialYearEnd } from "@/lib/policy";
import { log } from "@/lib/log";
import { runWebhookTick } from "@/lib/webhooks/worker";
import type { Job } from "./scheduler";

// Every background job of the server, in one list. Each runs in one instance at a time (lib/jobs/scheduler.ts).
export function serverJobs(): Job[] {
  const jobs: Job[] = [];
  if (env.RETENTION_DAILY) {
    jobs.push({
      name: "retention",
      everyMs: 24 * 60 * 60_000,
      firstAfterMs: 60_000,
      leaseMs: 60 * 60_000,
      run: async (now) => {
        const results = await runRetention({ now, fy: parseFinancialYearEnd(env.FINANCIAL_YEAR_END), dryRun: false });
        log("info", "retention.completed", Object.fromEntries(results.map((r) => [r.rule, r.count])));
      },
    });
  }
  // Issue 9: the outbox's deliveries to the recipients of clause 3 (GDPR art. 19), every few seconds.
  jobs.push({
    name: "webhooks",
    everyMs: 5_000,
    firstAfterMs: 5_000,
    leaseMs: 5 * 60_000,
    run: async (now) => {
      // Drain in rounds while there is work, within one lease.
      for (let round = 0; round < 10; round++) {
        const r = await runWebhookTick(now);
        if (r.delivered + r.retrying + r.failed + r.manual === 0) break;
        now = new Date();
      }
    },
  });
  return jobs;
}
