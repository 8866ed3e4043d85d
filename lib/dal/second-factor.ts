import "server-only";
import { db } from "./db";
import { recordAudit } from "./audit";
import { THROTTLE, throttledCheck, type Counter, type PendingStaff } from "./auth";
import type { StaffPrincipal } from "./session";
import { env } from "@/lib/env";
import { SESSION_MAX_AGE_SECONDS } from "@/lib/policy";
import type { Tx } from "./db";
import { log, errorFields, pseudonym } from "@/lib/log";
import { openSecret, sealSecret } from "@/lib/webhooks/secret-box";
import {
  DEMO_DPO_EMAIL,
  DEMO_TOTP_MARKER,
  DEMO_TOTP_SECRET,
  RECOVERY_CODE_COUNT,
  hashRecoveryCode,
  matchTotp,
  newRecoveryCode,
  newTotpSecret,
  normaliseRecoveryCode,
  normaliseTotpCode,
  totpUri,
} from "@/lib/auth/totp";

// The staff second factor (issue 8, ASVS 6.3.3): TOTP (RFC 6238) set up at the first login, recovery codes shown
// once and stored hashed. Every code check is throttled like a password (ASVS 6.3.1) on counters in the database,
// per account and per session, and audited. A TOTP time step is accepted once per account (replay, RFC 6238 5.2).

const PURPOSE = "staff-totp-secret-v1" as const;

export function sealTotpSecret(secret: string, masterSecret: string = env.NEXTAUTH_SECRET): string {
  return sealSecret(masterSecret, secret, PURPOSE);
}

/**
 * The account's TOTP secret in clear, or null when it cannot be opened (NEXTAUTH_SECRET changed: the operator
 * resets the TOTP, `npm run staff -- reset-totp`). The demo seed's marker opens only for the demo dpo (README).
 */
export function openTotpSecret(account: { email: string; totpSecret: string | null }): string | null {
  if (!account.totpSecret) return null;
  if (account.totpSecret === DEMO_TOTP_MARKER) return account.email === DEMO_DPO_EMAIL ? DEMO_TOTP_SECRET : null;
  try {
    return openSecret(env.NEXTAUTH_SECRET, account.totpSecret, PURPOSE);
  } catch (e) {
    log("error", "totp.secret_unreadable", errorFields(e));
    return null;
  }
}

function counters(staffId: string, sessionId: string): Counter[] {
  // Both decide: a guesser with the password is slowed per session and, across sessions and instances, per account.
  return [
    { key: pseudonym("2fa-sess", sessionId), rule: THROTTLE.device, gate: true },
    { key: pseudonym("2fa", staffId), rule: THROTTLE.account, gate: true },
  ];
}

export type CodeCheck =
  | { ok: true }
  | { ok: false; error: "invalid" }
  | { ok: false; error: "throttled"; retryAt: Date }
  | { ok: false; error: "not-enrolled" | "already-enrolled" | "no-setup" };

/**
 * Accepts a TOTP code once: the account's last accepted time step moves on in the same conditional update that
 * accepts it, so the same code (or an older one) is refused afterwards, also by another instance at the same moment.
 */
async function acceptTotp(staffId: string, secret: string, code: string, lastStep: number | null, now: Date): Promise<boolean> {
  const step = matchTotp(secret, code, now, lastStep);
  if (step === null) return false;
  const r = await db.staffUser.updateMany({
    where: { id: staffId, totpEnrolledAt: { not: null }, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
    data: { totpLastStep: step },
  });
  return r.count === 1;
}

/**
 * ASVS 7.2.4: a login completed with the code gets a new session (and the action a new cookie): the
 * password-only session is revoked in the same transaction. A copy of the half-made session's cookie never becomes
 * a login. Returns the new session's id, or null when the pending one ended meanwhile.
 */
async function promoteSession(tx: Tx, pending: PendingStaff, now: Date): Promise<string | null> {
  const old = await tx.authSession.findUnique({ where: { id: pending.sessionId }, select: { credentialVersion: true } });
  const r = await tx.authSession.updateMany({
    where: { id: pending.sessionId, revokedAt: null, secondFactorAt: null },
    data: { revokedAt: now, pendingTotpSecret: null },
  });
  if (!old || r.count !== 1) return null;
  const created = await tx.authSession.create({
    data: {
      staffUserId: pending.staffId,
      createdAt: now,
      expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000),
      credentialVersion: old.credentialVersion,
      secondFactorAt: now,
    },
    select: { id: true },
  });
  return created.id;
}

/** The secret to show at the first-login set-up: made once per session and kept (sealed) on the session row. */
export async function totpSetup(pending: PendingStaff): Promise<{ secret: string; uri: string } | null> {
  if (pending.enrolled) return null;
  let row = await db.authSession.findUnique({ where: { id: pending.sessionId }, select: { pendingTotpSecret: true } });
  if (!row?.pendingTotpSecret) {
    await db.authSession.updateMany({
      where: { id: pending.sessionId, pendingTotpSecret: null },
      data: { pendingTotpSecret: sealTotpSecret(newTotpSecret()) },
    });
    row = await db.authSession.findUnique({ where: { id: pending.sessionId }, select: { pendingTotpSecret: true } });
  }
  const secret = row?.pendingTotpSecret ? openTotpSecret({ email: pending.email, totpSecret: row.pendingTotpSecret }) : null;
  if (!secret) return null;
  return { secret, uri: totpUri(secret, pending.email) };
}

async function newRecoveryCodes(staffId: string, tx: Pick<typeof db, "staffRecoveryCode"> = db): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await tx.staffRecoveryCode.deleteMany({ where: { staffUserId: staffId } });
  await tx.staffRecoveryCode.createMany({ data: codes.map((c) => ({ staffUserId: staffId, codeHash: hashRecoveryCode(normaliseRecoveryCode(c)!) })) });
  return codes;
}

/**
 * First login: the code from the app confirms the secret shown to this session. Then the secret is the account's,
 * the session has given its second factor, and a set of recovery codes is made (returned once, stored hashed).
 */
export async function confirmTotpEnrolment(
  pending: PendingStaff,
  codeInput: string,
  now: Date = new Date(),
): Promise<{ ok: true; recoveryCodes: string[]; sessionId: string } | Exclude<CodeCheck, { ok: true }>> {
  if (pending.enrolled) return { ok: false, error: "already-enrolled" };
  const row = await db.authSession.findUnique({ where: { id: pending.sessionId }, select: { pendingTotpSecret: true } });
  const sealed = row?.pendingTotpSecret ?? null;
  const secret = sealed ? openTotpSecret({ email: pending.email, totpSecret: sealed }) : null;
  if (!sealed || !secret) return { ok: false, error: "no-setup" };
  const code = normaliseTotpCode(codeInput);
  let step: number | null = null;
  const checked = await throttledCheck(
    counters(pending.staffId, pending.sessionId),
    async () => (step = code ? matchTotp(secret, code, now, null) : null) !== null,
    now,
  );
  if (!checked.ok) {
    await audit(pending.staffId, "second_factor.failed", { method: "totp", step: "enrol", reason: checked.reason });
    return checked.reason === "throttled" ? { ok: false, error: "throttled", retryAt: checked.retryAt } : { ok: false, error: "invalid" };
  }
  const done = await db.$transaction(async (tx) => {
    const r = await tx.staffUser.updateMany({
      where: { id: pending.staffId, totpEnrolledAt: null },
      data: { totpSecret: sealed, totpEnrolledAt: now, totpLastStep: step },
    });
    if (r.count !== 1) return null;
    // This session's token is already new for this login (made at the password step); it is not replaced here, so
    // the page can show the recovery codes (a new cookie would make Next.js re-render the set-up page away).
    const s = await tx.authSession.updateMany({
      where: { id: pending.sessionId, revokedAt: null, secondFactorAt: null },
      data: { secondFactorAt: now, pendingTotpSecret: null },
    });
    if (s.count !== 1) throw new Error("session ended during TOTP set-up");
    return { sessionId: pending.sessionId, codes: await newRecoveryCodes(pending.staffId, tx) };
  });
  if (!done) return { ok: false, error: "already-enrolled" };
  await audit(pending.staffId, "second_factor.enrolled", { recoveryCodes: done.codes.length });
  await audit(pending.staffId, "login", { secondFactor: "totp" });
  log("info", "login.succeeded", { actor: `staff:${pending.staffId}`, secondFactor: "enrolled" });
  return { ok: true, recoveryCodes: done.codes, sessionId: done.sessionId };
}

/**
 * The second step of a login: a 6-digit TOTP code (once per time step) or a recovery code (used up). On success the
 * login gets a new session in place of the password-only one (ASVS 7.2.4); its id is returned for the cookie.
 */
export async function verifySecondFactor(
  pending: PendingStaff,
  input: string,
  now: Date = new Date(),
): Promise<{ ok: true; method: "totp" | "recovery"; recoveryCodesLeft: number; sessionId: string } | Exclude<CodeCheck, { ok: true }>> {
  if (!pending.enrolled) return { ok: false, error: "not-enrolled" };
  const account = await db.staffUser.findUnique({ where: { id: pending.staffId }, select: { email: true, totpSecret: true, totpLastStep: true } });
  if (!account) return { ok: false, error: "invalid" };
  const totp = normaliseTotpCode(input);
  const recovery = totp ? null : normaliseRecoveryCode(input);
  const method = totp ? "totp" : "recovery";
  const checked = await throttledCheck(
    counters(pending.staffId, pending.sessionId),
    async () => {
      if (totp) {
        const secret = openTotpSecret(account);
        return secret !== null && (await acceptTotp(pending.staffId, secret, totp, account.totpLastStep, now));
      }
      if (!recovery) return false;
      // Single use: the code is deleted by the statement that accepts it.
      return (await db.staffRecoveryCode.deleteMany({ where: { staffUserId: pending.staffId, codeHash: hashRecoveryCode(recovery) } })).count === 1;
    },
    now,
  );
  if (!checked.ok) {
    await audit(pending.staffId, "second_factor.failed", { method, step: "login", reason: checked.reason });
    log("warn", checked.reason === "throttled" ? "login.second_factor.throttled" : "login.second_factor.failed", { actor: `staff:${pending.staffId}` });
    return checked.reason === "throttled" ? { ok: false, error: "throttled", retryAt: checked.retryAt } : { ok: false, error: "invalid" };
  }
  const sessionId = await db.$transaction((tx) => promoteSession(tx, pending, now));
  if (!sessionId) return { ok: false, error: "invalid" };
  const recoveryCodesLeft = await db.staffRecoveryCode.count({ where: { staffUserId: pending.staffId } });
  await audit(pending.staffId, "login", { secondFactor: method, ...(method === "recovery" ? { recoveryCodesLeft } : {}) });
  log("info", "login.succeeded", { actor: `staff:${pending.staffId}`, secondFactor: method });
  return { ok: true, method, recoveryCodesLeft, sessionId };
}

export async function secondFactorStatus(staffId: string): Promise<{ enrolledAt: Date | null; recoveryCodesLeft: number }> {
  const u = await db.staffUser.findUnique({ where: { id: staffId }, select: { totpEnrolledAt: true, _count: { select: { recoveryCodes: true } } } });
  return { enrolledAt: u?.totpEnrolledAt ?? null, recoveryCodesLeft: u?._count.recoveryCodes ?? 0 };
}

/**
 * /personale/konto: a new set of recovery codes (the old ones stop working), shown once. Needs a fresh TOTP code
 * (not a recovery code), checked and throttled like the login's.
 */
export async function regenerateRecoveryCodes(
  staff: StaffPrincipal,
  codeInput: string,
  now: Date = new Date(),
): Promise<{ ok: true; recoveryCodes: string[] } | Exclude<CodeCheck, { ok: true }>> {
  const account = await db.staffUser.findUnique({
    where: { id: staff.staffId },
    select: { email: true, totpSecret: true, totpLastStep: true, totpEnrolledAt: true },
  });
  if (!account?.totpEnrolledAt) return { ok: false, error: "not-enrolled" };
  const code = normaliseTotpCode(codeInput);
  const checked = await throttledCheck(
    counters(staff.staffId, staff.sessionId),
    async () => {
      const secret = openTotpSecret(account);
      return code !== null && secret !== null && (await acceptTotp(staff.staffId, secret, code, account.totpLastStep, now));
    },
    now,
  );
  if (!checked.ok) {
    await audit(staff.staffId, "second_factor.failed", { method: "totp", step: "recovery-codes", reason: checked.reason });
    return checked.reason === "throttled" ? { ok: false, error: "throttled", retryAt: checked.retryAt } : { ok: false, error: "invalid" };
  }
  const codes = await db.$transaction((tx) => newRecoveryCodes(staff.staffId, tx));
  return { ok: true, recoveryCodes: codes };
}

async function audit(staffId: string, action: string, details: Record<string, string | number>): Promise<void> {
  await recordAudit({ actorType: "staff", actorRef: staffId, action, details });
}
