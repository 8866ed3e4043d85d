import "server-only";
import { db } from "./db";
import { recordAudit } from "./audit";
import { burnPasswordCheck, verifyPassword } from "@/lib/auth/password";
import { log, pseudonym } from "@/lib/log";
import { SESSION_MAX_AGE_SECONDS } from "@/lib/policy";

// Login, throttling and server-side sessions. The JWT only carries the id of an AuthSession row;
// every request checks that row (ASVS 7.4), so revocation takes effect at once.

export type StaffRole = "support" | "dpo";
export type Principal =
  | { kind: "customer"; customerId: string; sessionId: string; name: string; customerNumber: number }
  | { kind: "staff"; staffId: string; sessionId: string; name: string; role: StaffRole };

/** ASVS 6.1.1 / 6.3.1: at most 10 failures per 3 minutes per account and per client address. */
export const THROTTLE = { maxFailures: 10, windowMs: 3 * 60_000 } as const;

export type LoginResult =
  | { ok: true; principal: Principal }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAt: Date };

function throttleKeys(email: string, clientAddress: string | null): string[] {
  const keys = [pseudonym("acct", email)];
  if (clientAddress) keys.push(pseudonym("ip", clientAddress));
  return keys;
}

async function throttledUntil(keys: string[], now: Date): Promise<Date | null> {
  const since = new Date(now.getTime() - THROTTLE.windowMs);
  let until: Date | null = null;
  for (const key of keys) {
    const failures = await db.loginFailure.findMany({
      where: { key, occurredAt: { gt: since, lte: now } },
      orderBy: { occurredAt: "desc" },
      take: THROTTLE.maxFailures,
      select: { occurredAt: true },
    });
    if (failures.length >= THROTTLE.maxFailures) {
      // Free again when the oldest of the last ten leaves the window.
      const retry = new Date(failures[failures.length - 1].occurredAt.getTime() + THROTTLE.windowMs);
      if (!until || retry > until) until = retry;
    }
  }
  return until;
}

export async function login(
  emailRaw: string,
  password: string,
  clientAddress: string | null,
  now: Date = new Date(),
): Promise<LoginResult> {
  const email = emailRaw.trim().toLowerCase();
  const keys = throttleKeys(email, clientAddress);
  const ref = keys[0];

  const until = await throttledUntil(keys, now);
  if (until) {
    log("warn", "login.throttled", { account: ref, retryAt: until.toISOString() });
    return { ok: false, reason: "throttled", retryAt: until };
  }

  const customer = await db.customer.findUnique({
    where: { email },
    select: { id: true, passwordHash: true, name: true, customerNumber: true },
  });
  const staff = customer
    ? null
    : await db.staffUser.findFirst({
        where: { email, active: true },
        select: { id: true, passwordHash: true, name: true, role: true },
      });
  const account = customer ?? staff;

  const valid = account ? await verifyPassword(account.passwordHash, password) : (await burnPasswordCheck(password), false);
  if (!account || !valid) {
    await db.loginFailure.createMany({ data: keys.map((key) => ({ key, occurredAt: now })) });
    log("warn", "login.failed", { account: ref });
    return { ok: false, reason: "invalid" };
  }

  const expiresAt = new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000);
  if (customer) {
    const session = await db.$transaction(async (tx) => {
      // 5.1: a login is activity.
      await tx.customer.update({ where: { id: customer.id }, data: { lastActivityAt: now } });
      return tx.authSession.create({ data: { customerId: customer.id, expiresAt, createdAt: now }, select: { id: true } });
    });
    await recordAudit({ actorType: "customer", actorRef: customer.id, subjectRef: customer.id, action: "login" });
    log("info", "login.succeeded", { actor: `customer:${customer.id}` });
    return {
      ok: true,
      principal: { kind: "customer", customerId: customer.id, sessionId: session.id, name: customer.name, customerNumber: customer.customerNumber },
    };
  }
  const s = staff!;
  const session = await db.authSession.create({ data: { staffUserId: s.id, expiresAt, createdAt: now }, select: { id: true } });
  await recordAudit({ actorType: "staff", actorRef: s.id, action: "login" });
  log("info", "login.succeeded", { actor: `staff:${s.id}` });
  return { ok: true, principal: { kind: "staff", staffId: s.id, sessionId: session.id, name: s.name, role: s.role } };
}

/** The principal behind a session id, or null when the session is unknown, revoked, expired or its owner is gone. */
export async function principalForSession(sessionId: string, now: Date = new Date()): Promise<Principal | null> {
  const s = await db.authSession.findUnique({
    where: { id: sessionId },
    select: {
      id: true,
      expiresAt: true,
      revokedAt: true,
      customer: { select: { id: true, name: true, customerNumber: true } },
      staffUser: { select: { id: true, name: true, role: true, active: true } },
    },
  });
  if (!s || s.revokedAt || s.expiresAt <= now) return null;
  if (s.customer) return { kind: "customer", customerId: s.customer.id, sessionId: s.id, name: s.customer.name, customerNumber: s.customer.customerNumber };
  if (s.staffUser?.active) return { kind: "staff", staffId: s.staffUser.id, sessionId: s.id, name: s.staffUser.name, role: s.staffUser.role };
  return null;
}

export async function revokeSession(sessionId: string, now: Date = new Date()): Promise<void> {
  await db.authSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: now } });
}

/** "Log ud på alle enheder", password change, erasure: every session of the principal stops at once (ASVS 7.4.3). */
export async function revokeAllSessions(principal: Principal, now: Date = new Date()): Promise<number> {
  const where = principal.kind === "customer" ? { customerId: principal.customerId } : { staffUserId: principal.staffId };
  const r = await db.authSession.updateMany({ where: { ...where, revokedAt: null }, data: { revokedAt: now } });
  return r.count;
}
