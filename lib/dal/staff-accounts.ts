import "server-only";
import { db } from "./db";
import { checkCurrentPassword, replacePassword, revokeAllSessions, type StaffRole } from "./auth";
import type { StaffPrincipal } from "./session";
import { hashPassword } from "@/lib/auth/password";
import { checkNewPassword } from "@/lib/auth/password-rules";
import { recordAudit } from "./audit";
import { createStaffPasswordLink } from "./account-links";

// Staff users managed by the operator from the command line (issue 8, `npm run staff`). Passwords are never
// given on the command line: a new user or a reset gets a one-time link (30 minutes) to choose one.

export interface StaffListing {
  email: string;
  name: string;
  role: StaffRole;
  active: boolean;
  hasPassword: boolean;
  createdAt: Date;
}

export async function listStaff(): Promise<StaffListing[]> {
  const rows = await db.staffUser.findMany({ orderBy: { email: "asc" }, select: { email: true, name: true, role: true, active: true, passwordHash: true, createdAt: true } });
  return rows.map(({ passwordHash, ...r }) => ({ ...r, hasPassword: passwordHash !== "" }));
}

export type StaffChange = { ok: true; link?: string } | { ok: false; error: "exists" | "not-found" | "customer-email" };

/** A new staff user without a password; returns the one-time link to set one. */
export async function addStaff(email: string, name: string, role: StaffRole): Promise<StaffChange> {
  const e = email.trim().toLowerCase();
  if (await db.customer.findUnique({ where: { email: e }, select: { id: true } })) return { ok: false, error: "customer-email" };
  if (await db.staffUser.findUnique({ where: { email: e }, select: { id: true } })) return { ok: false, error: "exists" };
  const s = await db.staffUser.create({ data: { email: e, name, role, passwordHash: "" }, select: { id: true } });
  await recordAudit({ actorType: "system", actorRef: "staff-cli", action: "staff.added", details: { role } });
  return { ok: true, link: await createStaffPasswordLink(s.id) };
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

/**
 * Issue 8 ("Staff accounts"), ASVS 6.2.3: a member of staff changes their own password in /personale/konto. The new
 * one is checked against the breached list and the account's own words (6.2.4), the current one through the login
 * throttle (issue 11 item 2); every session of the account ends and the credential version moves on (7.4.3).
 */
export async function changeStaffPassword(
  staff: StaffPrincipal,
  currentPassword: string,
  newPassword: string,
  now: Date = new Date(),
): Promise<
  | { ok: true }
  | { ok: false; error: "wrong-password" }
  | { ok: false; error: "throttled"; retryAt: Date }
  | { ok: false; error: "weak-password"; message: string }
> {
  const row = await db.staffUser.findUnique({ where: { id: staff.staffId }, select: { email: true, name: true } });
  if (row) {
    const weak = checkNewPassword(newPassword, { email: row.email, name: row.name, now });
    if (weak) return { ok: false, error: "weak-password", message: weak };
  }
  const checked = await checkCurrentPassword(staff, currentPassword, now);
  if (!checked.ok) return checked.reason === "throttled" ? { ok: false, error: "throttled", retryAt: checked.retryAt } : { ok: false, error: "wrong-password" };
  const passwordHash = await hashPassword(newPassword);
  if (!(await replacePassword(staff, passwordHash, checked.credentialVersion, now))) return { ok: false, error: "wrong-password" };
  return { ok: true };
}
