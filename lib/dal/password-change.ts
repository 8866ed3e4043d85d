import "server-only";
import { db } from "./db";
import { checkCurrentPassword, replacePassword, type Principal } from "./auth";
import { hashPassword } from "@/lib/auth/password";
import { checkNewPassword } from "@/lib/auth/password-rules";

export type PasswordChangeResult =
  | { ok: true }
  | { ok: false; error: "wrong-password" }
  | { ok: false; error: "throttled"; retryAt: Date }
  | { ok: false; error: "weak-password"; message: string };

/**
 * A customer (/konto/oplysninger/adgangskode) or a member of staff (/personale/konto) changes their own password (ASVS 6.2.3).
 * The new one is checked against the breached list and the account's own words (6.2.4, issue 11 item 7), the
 * current one through the login throttle (issue 11 item 2); every session of the account ends afterwards and the
 * credential version moves on, so logins still in flight with the old password create no session (7.4.3, item 3).
 */
export async function changeOwnPassword(
  principal: Principal,
  currentPassword: string,
  newPassword: string,
  now: Date = new Date(),
): Promise<PasswordChangeResult> {
  const row =
    principal.kind === "customer"
      ? await db.customer.findUnique({ where: { id: principal.customerId }, select: { email: true, name: true } })
      : await db.staffUser.findUnique({ where: { id: principal.staffId }, select: { email: true, name: true } });
  if (row) {
    const weak = checkNewPassword(newPassword, { email: row.email, name: row.name, now });
    if (weak) return { ok: false, error: "weak-password", message: weak };
  }
  const checked = await checkCurrentPassword(principal, currentPassword, now);
  if (!checked.ok) return checked.reason === "throttled" ? { ok: false, error: "throttled", retryAt: checked.retryAt } : { ok: false, error: "wrong-password" };
  const passwordHash = await hashPassword(newPassword);
  if (!(await replacePassword(principal, passwordHash, checked.credentialVersion, now))) return { ok: false, error: "wrong-password" };
  return { ok: true };
}
