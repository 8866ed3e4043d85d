import "server-only";
import { db } from "./db";

// A rate limiter whose state is in the database, so that several instances count together (issue 12).
// `consume` records the use first and then counts, so concurrent callers can never be let through beyond the
// limit (at worst one more is refused than strictly necessary); a refused use is taken back.
// Keys are opaque: pass a keyed hash (lib/log.ts `pseudonym`), never an e-mail or IP address in clear.

export interface Limit {
  max: number;
  windowMs: number;
}

export type RateResult = { ok: true; remaining: number } | { ok: false; retryAt: Date };

export async function consumeRate(key: string, limit: Limit, now: Date = new Date()): Promise<RateResult> {
  const since = new Date(now.getTime() - limit.windowMs);
  const mine = await db.rateLimitHit.create({ data: { key, at: now }, select: { id: true } });
  const recent = await db.rateLimitHit.findMany({
    where: { key, at: { gt: since } },
    orderBy: [{ at: "asc" }, { id: "asc" }],
    select: { id: true, at: true },
  });
  const position = recent.findIndex((r) => r.id === mine.id);
  // Admit when this use is among the first `max` of the window (ties on the same instant by id).
  if (position >= 0 && position < limit.max) return { ok: true, remaining: limit.max - recent.length };
  await db.rateLimitHit.delete({ where: { id: mine.id } }).catch(() => undefined);
  const oldest = recent[0]?.at ?? now;
  return { ok: false, retryAt: new Date(oldest.getTime() + limit.windowMs) };
}

/** Counts without using: for showing "you can try again at …" before a form is sent. */
export async function peekRate(key: string, limit: Limit, now: Date = new Date()): Promise<RateResult> {
  const recent = await db.rateLimitHit.findMany({
    where: { key, at: { gt: new Date(now.getTime() - limit.windowMs) } },
    orderBy: { at: "asc" },
    select: { at: true },
    take: limit.max,
  });
  if (recent.length < limit.max) return { ok: true, remaining: limit.max - recent.length };
  return { ok: false, retryAt: new Date(recent[0].at.getTime() + limit.windowMs) };
}

/** Retention of the counters: everything older than the longest window in use. */
export async function purgeRateHits(olderThan: Date): Promise<number> {
  return (await db.rateLimitHit.deleteMany({ where: { at: { lt: olderThan } } })).count;
}
