import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "./db";

// One instance at a time (issue 12): a background job runs only while its instance holds the job's lease.
// A lease is a row per job name with a holder and an expiry; taking it is one conditional UPDATE (atomic on
// SQLite and PostgreSQL alike), or an INSERT when the job has never run. A crashed holder's lease simply
// expires, so another instance takes over after at most `ttlMs`.

/** This process's identity as a lease holder. */
export const INSTANCE_ID = `${process.pid}-${randomUUID().slice(0, 8)}`;

/** Takes (or renews) the lease on `name` for `ttlMs`. True when this holder has it now. */
export async function tryAcquireLease(name: string, ttlMs: number, holder = INSTANCE_ID, now = new Date()): Promise<boolean> {
  const expiresAt = new Date(now.getTime() + ttlMs);
  const taken = await db.jobLease.updateMany({
    where: { name, OR: [{ expiresAt: { lt: now } }, { holder }] },
    data: { holder, expiresAt },
  });
  if (taken.count === 1) return true;
  try {
    await db.jobLease.create({ data: { name, holder, expiresAt } });
    return true;
  } catch {
    return false; // another holder has it (unique name)
  }
}

/** Gives the lease back so another instance need not wait for it to expire; records when the run finished. */
export async function releaseLease(name: string, holder = INSTANCE_ID, finishedAt?: Date): Promise<void> {
  await db.jobLease.updateMany({
    where: { name, holder },
    data: { expiresAt: new Date(0), ...(finishedAt ? { lastRunAt: finishedAt } : {}) },
  });
}

/** When the job last finished a run (null: never). */
export async function lastRunOf(name: string): Promise<Date | null> {
  const row = await db.jobLease.findUnique({ where: { name }, select: { lastRunAt: true } });
  return row?.lastRunAt ?? null;
}

/**
 * Runs `fn` under the lease, or returns `{ ran: false }` at once when another instance holds it.
 * The lease should outlive a run: pass a ttl longer than the job's worst case.
 */
export async function withLease<T>(
  name: string,
  ttlMs: number,
  fn: () => Promise<T>,
  holder = INSTANCE_ID,
): Promise<{ ran: true; result: T } | { ran: false }> {
  if (!(await tryAcquireLease(name, ttlMs, holder))) return { ran: false };
  let finished: Date | undefined;
  try {
    const result = await fn();
    finished = new Date();
    return { ran: true, result };
  } finally {
    await releaseLease(name, holder, finished);
  }
}
