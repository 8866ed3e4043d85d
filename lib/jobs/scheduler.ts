import "server-only";
import { withLease, INSTANCE_ID } from "@/lib/dal/lease";
import { log, errorFields } from "@/lib/log";

// Background jobs inside the server process (started from instrumentation.ts). Each job ticks on its own
// interval; a tick runs only in the instance that holds the job's lease (lib/dal/lease.ts), so with several
// instances on one database every job still runs in one place at a time. A tick that is still running is
// never started again in the same process. Jobs register in lib/jobs/workers.ts.

export interface Job {
  /** Lease name and log name, e.g. "retention", "mail", "webhooks". */
  name: string;
  /** Time between ticks. */
  everyMs: number;
  /** Delay before the first tick (default: everyMs). */
  firstAfterMs?: number;
  /** Lease length; longer than one tick can take (default 10 × everyMs, at least a minute). */
  leaseMs?: number;
  /** One tick. Decide inside whether there is work (e.g. whether a daily pass is due). */
  run: (now: Date) => Promise<void>;
}

export function startJobs(jobs: Job[]): () => void {
  const timers: NodeJS.Timeout[] = [];
  for (const job of jobs) {
    let busy = false;
    const tick = async () => {
      if (busy) return;
      busy = true;
      try {
        // started/ended are taken while the lease is held (not around acquiring or releasing it).
        let started: Date | undefined;
        let ended: Date | undefined;
        const r = await withLease(`job:${job.name}`, job.leaseMs ?? Math.max(60_000, job.everyMs * 10), async () => {
          started = new Date();
          try {
            return await job.run(started);
          } finally {
            ended = new Date();
          }
        });
        // Which instance ran which tick (the two-instance test reads these at LOG_LEVEL=debug).
        log("debug", "job.tick", { job: job.name, instance: INSTANCE_ID, ran: r.ran, started: started?.toISOString(), ended: ended?.toISOString() });
      } catch (e) {
        log("error", "job.failed", { job: job.name, ...errorFields(e) });
      } finally {
        busy = false;
      }
    };
    const first = setTimeout(() => {
      void tick();
      const t = setInterval(() => void tick(), job.everyMs);
      t.unref();
      timers.push(t);
    }, job.firstAfterMs ?? job.everyMs);
    first.unref();
    timers.push(first);
  }
  return () => timers.forEach((t) => clearTimeout(t));
}
