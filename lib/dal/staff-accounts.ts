import "server-only";
import { changeOwnPassword, type PasswordChangeResult } from "./password-change";
import { db } from "./db";
import { revokeAllSessions, type StaffRole } from "./auth";
import type { StaffPrincipal } from "./session";
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

/** Issue 8 ("Staff accounts"): a member of staff changes their own password in /personale/konto (ASVS 6.2.3): lib/dal/password-change.ts. */
export function changeStaffPassword(staff: StaffPrincipal, currentPassword: string, newPassword: string, now: Date = new Date()): Promise<PasswordChangeResult> {
  return changeOwnPassword(staff, currentPassword, newPassword, now);
}
