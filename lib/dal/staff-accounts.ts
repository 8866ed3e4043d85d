import "server-only";
import { changeOwnPassword, type PasswordChangeResult } from "./password-change";
import { db } from "./db";
import { replacePassword, revokeAllSessions, type StaffRole } from "./auth";
import { hashPassword } from "@/lib/auth/password";
import { checkNewPassword } from "@/lib/auth/password-rules";
import type { StaffPrincipal } from "./session";
import { recordAudit } from "./audit";
import { createStaffPasswordLink } from "./account-links";

// Staff users managed by the operator from the command line (issue 8, `npm run staff`). Passwords are never
// given on the command line: a new user or a reset gets a one-time link (30 minutes) to choose one, or the operator
// types it at a hidden prompt / pipes it in (lib/jobs/password-input.ts).

export interface StaffListing {
  email: string;
  name: string;
  role: StaffRole;
  active: boolean;
  hasPassword: boolean;
  createdAt: Date;
  /** Issue 8: when the TOTP second factor was set up; null: not (yet). */
  totpEnrolledAt: Date | null;
  recoveryCodesLeft: number;
}

export async function listStaff(): Promise<StaffListing[]> {
  const rows = await db.staffUser.findMany({
    orderBy: { email: "asc" },
    select: {
      email: true,
      name: true,
      role: true,
      active: true,
      passwordHash: true,
      createdAt: true,
      totpEnrolledAt: true,
      _count: { select: { recoveryCodes: true } },
    },
  });
  return rows.map(({ passwordHash, _count, ...r }) => ({ ...r, hasPassword: passwordHash !== "", recoveryCodesLeft: _count.recoveryCodes }));
}

export type StaffChange =
  { ok: true; link?: string } | { ok: false; error: "exists" | "not-found" | "customer-email" } | { ok: false; error: "weak-password"; message: string };

/**
 * A new staff user. Without `password`: none yet, and the one-time link to choose one is returned. With `password`
 * (typed at the hidden prompt or piped, never from the command line: lib/jobs/password-input.ts): checked by the
 * same rules as everywhere (6.2.4) and stored as argon2id.
 */
export async function addStaff(email: string, name: string, role: StaffRole, password?: string, now: Date = new Date()): Promise<StaffChange> {
  const e = email.trim().toLowerCase();
  if (await db.customer.findUnique({ where: { email: e }, select: { id: true } })) return { ok: false, error: "customer-email" };
  if (await db.staffUser.findUnique({ where: { email: e }, select: { id: true } })) return { ok: false, error: "exists" };
  if (password !== undefined) {
    const weak = checkNewPassword(password, { email: e, name, now });
    if (weak) return { ok: false, error: "weak-password", message: weak };
  }
  const passwordHash = password !== undefined ? await hashPassword(password) : "";
  const s = await db.staffUser.create({ data: { email: e, name, role, passwordHash }, select: { id: true } });
  await recordAudit({
    actorType: "system",
    actorRef: "staff-cli",
    action: "staff.added",
    details: { role, password: password !== undefined ? "prompt" : "link" },
  });
  return password !== undefined ? { ok: true } : { ok: true, link: await createStaffPasswordLink(s.id) };
}

/**
 * `reset-password --prompt | --password-stdin`: the operator sets the new password directly (checked like every new
 * password); every session of the account ends and the credential version moves on (ASVS 6.2.3, 7.4.3).
 */
export async function setStaffPassword(email: string, password: string, now: Date = new Date()): Promise<StaffChange> {
  const s = await db.staffUser.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, email: true, name: true, credentialVersion: true },
  });
  if (!s) return { ok: false, error: "not-found" };
  const weak = checkNewPassword(password, { email: s.email, name: s.name, now });
  if (weak) return { ok: false, error: "weak-password", message: weak };
  if (!(await replacePassword({ kind: "staff", staffId: s.id }, await hashPassword(password), s.credentialVersion, now)))
    return { ok: false, error: "not-found" };
  await recordAudit({ actorType: "system", actorRef: "staff-cli", action: "staff.password_set" });
  return { ok: true };
}

/**
 * Issue 8: the operator resets a staff member's second factor (a lost phone and lost recovery codes): the secret,
 * the recovery codes and every session go; the next login sets a new TOTP up (/log-ind/opsaet-kode).
 */
export async function resetStaffTotp(email: string, now: Date = new Date()): Promise<StaffChange> {
  const s = await db.staffUser.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true } });
  if (!s) return { ok: false, error: "not-found" };
  await db.$transaction(async (tx) => {
    await tx.staffUser.update({
      where: { id: s.id },
      data: { totpSecret: null, totpEnrolledAt: null, totpLastStep: null, credentialVersion: { increment: 1 } },
    });
    await tx.staffRecoveryCode.deleteMany({ where: { staffUserId: s.id } });
    await tx.authSession.updateMany({ where: { staffUserId: s.id, revokedAt: null }, data: { revokedAt: now } });
  });
  await recordAudit({ actorType: "system", actorRef: "staff-cli", action: "staff.totp_reset", subjectRef: null, details: {} });
  return { ok: true };
}

/** disable: no login and every session ends at once; enable: may log in again. */
export async function setStaffActive(email: string, active: boolean): Promise<StaffChange> {
  const s = await db.staffUser.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true, name: true, role: true } });
  if (!s) return { ok: false, error: "not-found" };
  await db.staffUser.update({ where: { id: s.id }, data: { active } });
  if (!active) await revokeAllSessions({ kind: "staff", staffId: s.id, sessionId: "", name: s.name, role: s.role });
  await recordAudit({ actorType: "system", actorRef: "staff-cli", action: active ? "staff.enabled" : "staff.disabled" });
  return { ok: true };
}

/** A one-time link to choose a new password; the old one keeps working until the link is used (then every session ends). */
export async function resetStaffPassword(email: string): Promise<StaffChange> {
  const s = await db.staffUser.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true } });
  if (!s) return { ok: false, error: "not-found" };
  await recordAudit({ actorType: "system", actorRef: "staff-cli", action: "staff.password_link" });
  return { ok: true, link: await createStaffPasswordLink(s.id) };
}

/** Issue 8 ("Staff accounts"): a member of staff changes their own password in /personale/konto (ASVS 6.2.3): lib/dal/password-change.ts. */
export function changeStaffPassword(
  staff: StaffPrincipal,
  currentPassword: string,
  newPassword: string,
  now: Date = new Date(),
): Promise<PasswordChangeResult> {
  return changeOwnPassword(staff, currentPassword, newPassword, now);
}
