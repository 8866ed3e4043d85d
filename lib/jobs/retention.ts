import "server-only";
import { runRetentionPass, type RetentionOptions, type RetentionRun } from "@/lib/dal/retention";
import { lastRunOf, withLease } from "@/lib/dal/lease";
import { sendMailAfterChange } from "@/lib/mail";
import { COMPLAINT_LINE } from "@/lib/policy";
import { formatDate } from "@/lib/format";
import { env } from "@/lib/env";

// The retention pass (clause 5) with what follows from it: the customers whose unsigned erasure request expired
// are told (art. 12(3)-(4)). Used by the server's daily job and by `npm run retention` (cron).

/** Lease (and last-run record) of the retention pass itself: one instance at a time, and "is a pass due?". */
export const RETENTION_LEASE = "retention-pass";
export const RETENTION_EVERY_MS = 24 * 60 * 60_000;

export async function runRetentionAndNotify(o: RetentionOptions): Promise<RetentionRun & { mailed: number }> {
  const run = await runRetentionPass(o);
  let mailed = 0;
  for (const n of run.notices) {
    const ok = await sendMailAfterChange({
      to: n.email,
      subject: `Din anmodning om sletning ${n.requestNumber} er udløbet`,
      text: [
        `Kære ${n.name}`,
        "",
        `Du bad ${formatDate(n.createdAt)} om at få dine personoplysninger slettet (anmodning ${n.requestNumber}). Vi har ikke modtaget den underskrevne anmodning inden for en måned, så anmodningen er udløbet, og intet er slettet (Persondatapolitik pkt. 4.2.2).`,
        "",
        `Du kan altid starte en ny anmodning under "Slet dine data", når du er logget ind, eller skrive til ${env.PRIVACY_CONTACT_EMAIL}.`,
        "",
        COMPLAINT_LINE,
        "",
        "Venlig hilsen",
        "123multiservice",
      ].join("\n"),
    });
    if (ok) mailed++;
  }
  return { ...run, mailed };
}

/** True when no pass has finished within the last day (or never): then one is due now. */
export async function retentionPassDue(now: Date): Promise<boolean> {
  const last = await lastRunOf(RETENTION_LEASE);
  return !last || now.getTime() - last.getTime() >= RETENTION_EVERY_MS - 5 * 60_000;
}

/**
 * One tick of the server's retention job: runs a pass when one is due, under its own lease so that only one
 * instance runs it and the lease's lastRunAt records when a pass (not a tick) last finished. Whether a pass is due
 * is asked again under the lease, so an instance that waited for another's pass does not run a second one.
 */
export async function retentionTick(
  o: Omit<RetentionOptions, "dryRun">,
  holder?: string,
): Promise<{ ran: false } | { ran: true; result: RetentionRun & { mailed: number } }> {
  if (!(await retentionPassDue(o.now))) return { ran: false };
  const r = await withLease(
    RETENTION_LEASE,
    2 * 60 * 60_000,
    async () => ((await retentionPassDue(o.now)) ? runRetentionAndNotify({ ...o, dryRun: false }) : null),
    holder,
  );
  return r.ran && r.result ? { ran: true, result: r.result } : { ran: false };
}
