import "server-only";
import { env } from "@/lib/env";
import { parseFinancialYearEnd } from "@/lib/policy";
import { log } from "@/lib/log";
import { runWebhookTick } from "@/lib/webhooks/worker";
import { retentionTick } from "./retention";
import { processMailQueue } from "@/lib/dal/mail-queue";
import { purgeIngestRequests } from "@/lib/dal/integration-ingest";
import type { Job } from "./scheduler";

// Every background job of the server, in one list. Each runs in one instance at a time (lib/jobs/scheduler.ts).
export function serverJobs(): Job[] {
  const jobs: Job[] = [];
  if (env.RETENTION_DAILY) {
    // Clause 5 / art. 5(1)(e), issue 10 item 1: on by default. Ticks hourly from a few seconds after start;
    // a tick runs a pass only when none finished in the last day (lastRunOf the pass's lease), so a restart
    // neither skips a day nor runs twice, and `npm run retention` from cron counts as a pass too.
    jobs.push({
      name: "retention",
      everyMs: 60 * 60_000,
      firstAfterMs: 3_000,
      leaseMs: 2 * 60 * 60_000,
      run: async (now) => {
        const r = await retentionTick({ now, fy: parseFinancialYearEnd(env.FINANCIAL_YEAR_END) });
        if (r.ran) log("info", "retention.completed", { ...Object.fromEntries(r.result.results.map((x) => [x.rule, x.count])), mailed: r.result.mailed });
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
      await purgeIngestRequests(now); // idempotency answers are kept for a day
      // Drain in rounds while there is work, within one lease.
      for (let round = 0; round < 10; round++) {
        const r = await runWebhookTick(now);
        if (r.delivered + r.retrying + r.failed + r.manual === 0) break;
        now = new Date();
      }
    },
  });
  // Issue 8: the mail queue. Messages are tried once at once by the request that queued them; this delivers what
  // failed (with backoff, lib/policy/mail.ts), what a restart interrupted, and applies the queue's retention.
  jobs.push({
    name: "mail",
    everyMs: 10_000,
    firstAfterMs: 5_000,
    leaseMs: 5 * 60_000,
    run: async (now) => {
      const r = await processMailQueue(now);
      if (r.sent + r.retried + r.failed + r.purged > 0) log("info", "mail.queue", r);
    },
  });
  return jobs;
}
