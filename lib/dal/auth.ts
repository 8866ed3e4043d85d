import "server-only";
import { db, queryRows } from "./db";
import { Prisma } from "@/lib/generated/prisma/client";
import { bool, num, toDate } from "./raw";
import { recordAudit } from "./audit";
import { burnPasswordCheck, verifyPassword } from "@/lib/auth/password";
import { PasswordWorkBusy, withPasswordWork } from "@/lib/auth/work-limit";
import { issueKnownDevice, verifyKnownDevice } from "@/lib/auth/known-device";
import { log, pseudonym } from "@/lib/log";
import { SESSION_MAX_AGE_SECONDS } from "@/lib/policy";
import { env } from "@/lib/env";

// Login, password checks, throttling and server-side sessions. The JWT only carries the id of an AuthSession row;
// every request checks that row and the owner's credential version (ASVS 7.4), so revocation takes effect at once.

export type StaffRole = "support" | "dpo";
export type Principal =
  | { kind: "customer"; customerId: string; sessionId: string; name: string; customerNumber: number }
  | { kind: "staff"; staffId: string; sessionId: string; name: string; role: StaffRole };

/**
 * A member of staff who gave the right password but not yet the second factor (issue 8, ASVS 6.3.3). Not a
 * principal: `principalForSession` answers null for such a session, so every page, action and route handler treats
 * it as logged out. Only the code pages (/log-ind/kode, /log-ind/opsaet-kode) and their actions use it, through
 * `pendingSecondFactorForSession`.
 */
export interface PendingStaff {
  kind: "staff-pending";
  staffId: string;
  sessionId: string;
  name: string;
  role: StaffRole;
  email: string;
  /** false: the first login, the TOTP is set up now (/log-ind/opsaet-kode). */
  enrolled: boolean;
}

/** Who must give a second factor (issue 8): the dpo, who can carry out erasure, always; support when STAFF_TOTP_FOR_SUPPORT. */
export function secondFactorRequired(role: StaffRole, totpForSupport: boolean = env.STAFF_TOTP_FOR_SUPPORT): boolean {
  return role === "dpo" || (role === "support" && totpForSupport);
}

/**
 * ASVS 6.3.1 (v5; v4 2.2.1): a progressive delay instead of a lockout (issue 11 item 6). Per counter (an account,
 * a client address, a known device, a session), the first `free` failed attempts within `windowMs` are checked at
 * once; after that each further attempt must wait `baseDelayMs · 2^(n − free)` (at most `maxDelayMs`) after the
 * previous one. At most about 70 guesses an hour reach one account, an attacker cannot lock the owner out of a
 * known device, and the wait ends by itself.
 */
export interface ThrottleRule {
  free: number;
  baseDelayMs: number;
  maxDelayMs: number;
  windowMs: number;
}
export const THROTTLE = {
  account: { free: 5, baseDelayMs: 5_000, maxDelayMs: 60_000, windowMs: 60 * 60_000 },
  address: { free: 20, baseDelayMs: 5_000, maxDelayMs: 60_000, windowMs: 60 * 60_000 },
  device: { free: 5, baseDelayMs: 5_000, maxDelayMs: 60_000, windowMs: 60 * 60_000 },
} as const satisfies Record<string, ThrottleRule>;
/** A refused attempt because this instance's password work is full: try again in a few seconds. */
const BUSY_RETRY_MS = 5_000;

export type LoginResult =
  | {
      ok: true;
      principal: Principal;
      /** the known-device cookie value to set (issue 11 item 6) */ knownDevice: string;
      /** Issue 8: what the session still needs before it counts as a login: a code, or setting up the TOTP first. */
      secondFactor: "none" | "code" | "enrol";
    }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAt: Date };

export type PasswordCheck = { ok: true; credentialVersion: number } | { ok: false; reason: "invalid" } | { ok: false; reason: "throttled"; retryAt: Date };

export interface Counter {
  key: string;
  rule: ThrottleRule;
  /** false: the attempt is counted here, but this counter does not decide. */
  gate: boolean;
}

// One in-process lock per counter key, so that reserving and deciding is one step for concurrent requests in this
// instance. Across instances the insert-then-count order below still holds (at worst one attempt more is refused).
const keyLocks = new Map<string, Promise<unknown>>();
async function withKeyLocks<T>(keys: string[], fn: () => Promise<T>): Promise<T> {
  const sorted = [...new Set(keys)].sort();
  const previous = sorted.map((k) => keyLocks.get(k) ?? Promise.resolve());
  let release!: () => void;
  const mine = new Promise<void>((r) => (release = r));
  for (const k of sorted) keyLocks.set(k, mine);
  try {
    await Promise.all(previous.map((p) => p.catch(() => undefined)));
    return await fn();
  } finally {
    release();
    for (const k of sorted) if (keyLocks.get(k) === mine) keyLocks.delete(k);
  }
}

/**
 * Issue 11 item 1: the attempt is recorded (as a failure) *before* the password is hashed, and then counted; when
 * a gating counter says wait, the record is taken back and nothing is hashed. So concurrent attempts cannot all
 * pass the check before any of them is counted. A successful attempt takes its record back afterwards.
 */
async function reserveAttempt(counters: Counter[], now: Date): Promise<{ ok: true; ids: string[] } | { ok: false; retryAt: Date }> {
  return withKeyLocks(
    counters.map((c) => c.key),
    async () => {
      const ids: string[] = [];
      for (const c of counters) ids.push((await db.loginFailure.create({ data: { key: c.key, occurredAt: now }, select: { id: true } })).id);
      let retryAt: Date | null = null;
      for (const [i, c] of counters.entries()) {
        if (!c.gate) continue;
        const rows = await db.loginFailure.findMany({
          where: { key: c.key, occurredAt: { gt: new Date(now.getTime() - c.rule.windowMs) } },
          orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
          select: { id: true, occurredAt: true },
        });
        // Every other attempt on the counter counts, whatever its time: a request that took its `now` earlier but
        // reached this lock later (held up in the connection pool) is no earlier attempt, and must not get one of
        // the free checks after they are used up. (Attempts on two instances at the same moment each count the
        // other's record, so both may be refused; neither gets an extra check.)
        const before = rows.filter((r) => r.id !== ids[i]);
        if (before.length < c.rule.free) continue;
        const delay = Math.min(c.rule.baseDelayMs * 2 ** (before.length - c.rule.free), c.rule.maxDelayMs);
        const earliest = new Date(before[before.length - 1].occurredAt.getTime() + delay);
        if (now >= earliest) continue;
        if (!retryAt || earliest > retryAt) retryAt = earliest;
      }
      if (!retryAt) return { ok: true, ids };
      await releaseAttempt(ids);
      return { ok: false, retryAt };
    },
  );
}

async function releaseAttempt(ids: string[]): Promise<void> {
  await db.loginFailure.deleteMany({ where: { id: { in: ids } } });
}

/**
 * Any other secret checked against guessing (the second factor, issue 8): the same reserve → check → keep on
 * failure / take back on success as passwords, on counters in the database (so every instance counts together).
 */
export async function throttledCheck(
  counters: Counter[],
  check: () => Promise<boolean>,
  now: Date,
): Promise<{ ok: true } | { ok: false; reason: "invalid" } | { ok: false; reason: "throttled"; retryAt: Date }> {
  const reserved = await reserveAttempt(counters, now);
  if (!reserved.ok) return { ok: false, reason: "throttled", retryAt: reserved.retryAt };
  let valid: boolean;
  try {
    valid = await check();
  } catch (e) {
    await releaseAttempt(reserved.ids);
    throw e;
  }
  if (!valid) return { ok: false, reason: "invalid" };
  await releaseAttempt(reserved.ids);
  return { ok: true };
}

/**
 * The one way a password is checked (login and every re-check in a session, issue 11 item 2): reserve the attempt
 * on the counters, hash under the work cap, keep the record on failure, take it back on success.
 */
async function throttledVerify(
  counters: Counter[],
  addressKey: string | null,
  passwordHash: string | null,
  password: string,
  now: Date,
): Promise<{ ok: true; release: () => Promise<void> } | { ok: false; reason: "invalid" } | { ok: false; reason: "throttled"; retryAt: Date }> {
  const reserved = await reserveAttempt(counters, now);
  if (!reserved.ok) return { ok: false, reason: "throttled", retryAt: reserved.retryAt };
  let valid: boolean;
  try {
    // An account without a portal password ("") gets the same answer and cost as a wrong password.
    valid = await withPasswordWork(addressKey, async () =>
      passwordHash ? verifyPassword(passwordHash, password) : (await burnPasswordCheck(password), false),
    );
  } catch (e) {
    await releaseAttempt(reserved.ids);
    if (e instanceof PasswordWorkBusy) return { ok: false, reason: "throttled", retryAt: new Date(now.getTime() + BUSY_RETRY_MS) };
    throw e;
  }
  if (!valid) return { ok: false, reason: "invalid" };
  return { ok: true, release: () => releaseAttempt(reserved.ids) };
}

function accountRef(email: string): string {
  return pseudonym("acct", email);
}

export async function login(
  emailRaw: string,
  password: string,
  clientAddress: string | null,
  now: Date = new Date(),
  device: { knownDevice?: string | null } = {},
): Promise<LoginResult> {
  const email = emailRaw.trim().toLowerCase();
  const ref = accountRef(email);
  const deviceId = verifyKnownDevice(device.knownDevice, ref, now);
  const addressKey = clientAddress ? pseudonym("ip", clientAddress) : null;
  // A known device of this account has its own counter (issue 11 item 6); its attempts still count on the account.
  const counters: Counter[] = deviceId
    ? [
        { key: pseudonym("dev", `${ref}\0${deviceId}`), rule: THROTTLE.device, gate: true },
        { key: ref, rule: THROTTLE.account, gate: false },
      ]
    : [{ key: ref, rule: THROTTLE.account, gate: true }, ...(addressKey ? [{ key: addressKey, rule: THROTTLE.address, gate: true }] : [])];

  const customer = await db.customer.findUnique({
    where: { email },
    select: { id: true, passwordHash: true, name: true, customerNumber: true, credentialVersion: true },
  });
  const staff = customer
    ? null
    : await db.staffUser.findFirst({
        where: { email, active: true },
        select: { id: true, passwordHash: true, name: true, role: true, credentialVersion: true, totpEnrolledAt: true },
      });
  const account = customer ?? staff;

  const checked = await throttledVerify(
    counters,
    addressKey,
    account?.passwordHash || null /* "" = no portal password yet (issue 8): like an unknown address */,
    password,
    now,
  );
  if (!checked.ok) {
    if (checked.reason === "throttled") {
      log("warn", "login.throttled", { account: ref, retryAt: checked.retryAt.toISOString(), knownDevice: Boolean(deviceId) });
      return checked;
    }
    log("warn", "login.failed", { account: ref });
    return { ok: false, reason: "invalid" };
  }
  await checked.release();

  // Issue 11 item 3: the session is created only if the credential version that was verified is still the
  // current one, in the same transaction (the conditional update locks the account row against a concurrent
  // password change or "Log ud på alle enheder", which bump the version and then revoke every session).
  const expiresAt = new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000);
  const knownDevice = issueKnownDevice(ref, deviceId, now).value;
  if (customer) {
    const session = await db.$transaction(async (tx) => {
      // 5.1: a login is activity.
      const r = await tx.customer.updateMany({ where: { id: customer.id, credentialVersion: customer.credentialVersion }, data: { lastActivityAt: now } });
      if (r.count !== 1) return null;
      return tx.authSession.create({
        data: { customerId: customer.id, expiresAt, createdAt: now, credentialVersion: customer.credentialVersion },
        select: { id: true },
      });
    });
    if (!session) {
      log("warn", "login.failed", { account: ref, reason: "credentials-changed" });
      return { ok: false, reason: "invalid" };
    }
    await recordAudit({ actorType: "customer", actorRef: customer.id, subjectRef: customer.id, action: "login" });
    log("info", "login.succeeded", { actor: `customer:${customer.id}` });
    return {
      ok: true,
      knownDevice,
      secondFactor: "none",
      principal: { kind: "customer", customerId: customer.id, sessionId: session.id, name: customer.name, customerNumber: customer.customerNumber },
    };
  }
  const s = staff!;
  const session = await db.$transaction(async (tx) => {
    const r = await tx.staffUser.updateMany({
      where: { id: s.id, active: true, credentialVersion: s.credentialVersion },
      data: { credentialVersion: s.credentialVersion },
    });
    if (r.count !== 1) return null;
    return tx.authSession.create({ data: { staffUserId: s.id, expiresAt, createdAt: now, credentialVersion: s.credentialVersion }, select: { id: true } });
  });
  if (!session) {
    log("warn", "login.failed", { account: ref, reason: "credentials-changed" });
    return { ok: false, reason: "invalid" };
  }
  // Issue 8: a session of staff who must give a second factor is not a login yet (secondFactorAt stays null).
  const secondFactor = !secondFactorRequired(s.role) ? "none" : s.totpEnrolledAt ? "code" : "enrol";
  await recordAudit({
    actorType: "staff",
    actorRef: s.id,
    action: secondFactor === "none" ? "login" : "login.password",
    details: secondFactor === "none" ? undefined : { secondFactor },
  });
  log("info", secondFactor === "none" ? "login.succeeded" : "login.password_ok", { actor: `staff:${s.id}` });
  return { ok: true, knownDevice, secondFactor, principal: { kind: "staff", staffId: s.id, sessionId: session.id, name: s.name, role: s.role } };
}

/**
 * Issue 11 item 2: a re-check of the current password inside a session (password change, e-mail change, …) goes
 * through the same throttle as a login: counted on the account, gated by this session's own counter (so a stranger's
 * failed logins do not block the owner's change). Returns the credential version that was verified.
 */
export async function checkCurrentPassword(principal: Principal, password: string, now: Date = new Date()): Promise<PasswordCheck> {
  const row =
    principal.kind === "customer"
      ? await db.customer.findUnique({ where: { id: principal.customerId }, select: { email: true, passwordHash: true, credentialVersion: true } })
      : await db.staffUser.findUnique({ where: { id: principal.staffId }, select: { email: true, passwordHash: true, credentialVersion: true } });
  const counters: Counter[] = [
    { key: pseudonym("sess", principal.sessionId), rule: THROTTLE.device, gate: true },
    ...(row ? [{ key: accountRef(row.email), rule: THROTTLE.account, gate: false }] : []),
  ];
  const checked = await throttledVerify(counters, null, row?.passwordHash ?? null, password, now);
  if (!checked.ok) {
    log("warn", checked.reason === "throttled" ? "password.check.throttled" : "password.check.failed", {
      actor: `${principal.kind}:${principal.sessionId.slice(-6)}`,
    });
    return checked;
  }
  await checked.release();
  return { ok: true, credentialVersion: row!.credentialVersion };
}

/**
 * Issue 11 item 3: sets a new password hash only if the credential version is still the one that was verified,
 * bumps the version and revokes every session of the account, in one transaction (ASVS 6.2.3, 7.4.3).
 * For customers the change is activity (5.1) and a new profile version. Returns false when the version moved on.
 */
export async function replacePassword(
  account: { kind: "customer"; customerId: string } | { kind: "staff"; staffId: string },
  passwordHash: string,
  expectedCredentialVersion: number,
  now: Date = new Date(),
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    if (account.kind === "customer") {
      const r = await tx.customer.updateMany({
        where: { id: account.customerId, credentialVersion: expectedCredentialVersion },
        data: { passwordHash, credentialVersion: { increment: 1 }, lastActivityAt: now, version: { increment: 1 } },
      });
      if (r.count !== 1) return false;
      await tx.authSession.updateMany({ where: { customerId: account.customerId, revokedAt: null }, data: { revokedAt: now } });
      return true;
    }
    const r = await tx.staffUser.updateMany({
      where: { id: account.staffId, credentialVersion: expectedCredentialVersion },
      data: { passwordHash, credentialVersion: { increment: 1 } },
    });
    if (r.count !== 1) return false;
    await tx.authSession.updateMany({ where: { staffUserId: account.staffId, revokedAt: null }, data: { revokedAt: now } });
    return true;
  });
}

export type SessionState = { state: "full"; principal: Principal } | { state: "second-factor"; pending: PendingStaff } | null;

interface SessionRow {
  expiresAt: unknown;
  revokedAt: unknown;
  credentialVersion: unknown;
  secondFactorAt: unknown;
  customerId: string | null;
  customerName: string | null;
  customerNumber: unknown;
  customerCredentialVersion: unknown;
  staffId: string | null;
  staffEmail: string | null;
  staffName: string | null;
  staffRole: string | null;
  staffActive: unknown;
  staffCredentialVersion: unknown;
  staffTotpEnrolledAt: unknown;
}

/**
 * A session and what it allows: null when the session is unknown, revoked, expired, its owner is gone, or the
 * owner's credentials changed after the login that created it (issue 11 item 3); "second-factor" when it is a
 * staff session that has not given the second factor its owner's role requires (issue 8, ASVS 6.3.3).
 * Checked on every request (ASVS 7.4: revocation, expiry, a changed password and a deactivated staff account take
 * effect at once, on every instance). One plain SQL statement: this runs for every page, and a Prisma `findUnique`
 * with two relations cost more CPU in query planning than the rest of the lookup (issue 13.3).
 */
export async function sessionState(sessionId: string, now: Date = new Date(), opts: { totpForSupport?: boolean } = {}): Promise<SessionState> {
  const rows = await queryRows<SessionRow>(Prisma.sql`
      SELECT s."expiresAt" AS "expiresAt", s."revokedAt" AS "revokedAt", s."credentialVersion" AS "credentialVersion",
        s."secondFactorAt" AS "secondFactorAt",
        c."id" AS "customerId", c."name" AS "customerName", c."customerNumber" AS "customerNumber",
        c."credentialVersion" AS "customerCredentialVersion",
        u."id" AS "staffId", u."email" AS "staffEmail", u."name" AS "staffName", u."role" AS "staffRole", u."active" AS "staffActive",
        u."credentialVersion" AS "staffCredentialVersion", u."totpEnrolledAt" AS "staffTotpEnrolledAt"
      FROM "AuthSession" s
      LEFT JOIN "Customer" c ON c."id" = s."customerId"
      LEFT JOIN "StaffUser" u ON u."id" = s."staffUserId"
      WHERE s."id" = ${sessionId}`);
  const s = rows[0];
  if (!s || s.revokedAt !== null) return null;
  const expiresAt = toDate(s.expiresAt);
  if (!expiresAt || expiresAt <= now) return null;
  const version = num(s.credentialVersion);
  if (s.customerId) {
    if (num(s.customerCredentialVersion) !== version) return null;
    return {
      state: "full",
      principal: { kind: "customer", customerId: s.customerId, sessionId, name: s.customerName ?? "", customerNumber: num(s.customerNumber) },
    };
  }
  if (!s.staffId || !bool(s.staffActive) || num(s.staffCredentialVersion) !== version || (s.staffRole !== "support" && s.staffRole !== "dpo")) return null;
  const role: StaffRole = s.staffRole;
  // The requirement is decided now, not at login: turning STAFF_TOTP_FOR_SUPPORT on asks open support sessions too.
  if (s.secondFactorAt === null && secondFactorRequired(role, opts.totpForSupport ?? env.STAFF_TOTP_FOR_SUPPORT)) {
    return {
      state: "second-factor",
      pending: {
        kind: "staff-pending",
        staffId: s.staffId,
        sessionId,
        name: s.staffName ?? "",
        role,
        email: s.staffEmail ?? "",
        enrolled: s.staffTotpEnrolledAt !== null,
      },
    };
  }
  return { state: "full", principal: { kind: "staff", staffId: s.staffId, sessionId, name: s.staffName ?? "", role } };
}

/**
 * The principal behind a session id, or null (see `sessionState`). A session that still owes the second factor is
 * null here: every page, action and route handler goes through this (lib/dal/session.ts), so it is logged out.
 */
export async function principalForSession(sessionId: string, now: Date = new Date(), opts: { totpForSupport?: boolean } = {}): Promise<Principal | null> {
  const s = await sessionState(sessionId, now, opts);
  return s?.state === "full" ? s.principal : null;
}

/** Only for the code pages and their actions (issue 8): the staff member whose session still owes the second factor. */
export async function pendingSecondFactorForSession(
  sessionId: string,
  now: Date = new Date(),
  opts: { totpForSupport?: boolean } = {},
): Promise<PendingStaff | null> {
  const s = await sessionState(sessionId, now, opts);
  return s?.state === "second-factor" ? s.pending : null;
}

export async function revokeSession(sessionId: string, now: Date = new Date()): Promise<void> {
  await db.authSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: now } });
}

/**
 * "Log ud på alle enheder", erasure: every session of the principal stops at once (ASVS 7.4.3), and the credential
 * version moves on, so a login whose password check was still running cannot create a session afterwards (item 3).
 */
export async function revokeAllSessions(principal: Principal, now: Date = new Date()): Promise<number> {
  return db.$transaction(async (tx) => {
    if (principal.kind === "customer") {
      await tx.customer.updateMany({ where: { id: principal.customerId }, data: { credentialVersion: { increment: 1 } } });
      return (await tx.authSession.updateMany({ where: { customerId: principal.customerId, revokedAt: null }, data: { revokedAt: now } })).count;
    }
    await tx.staffUser.updateMany({ where: { id: principal.staffId }, data: { credentialVersion: { increment: 1 } } });
    return (await tx.authSession.updateMany({ where: { staffUserId: principal.staffId, revokedAt: null }, data: { revokedAt: now } })).count;
  });
}
