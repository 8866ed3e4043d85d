"use server";
import { staffAction } from "./safe-action";
import { changePasswordSchema } from "@/lib/validation/auth";
import { emptySchema } from "@/lib/validation/consent";
import { changeStaffPassword } from "@/lib/dal/staff-accounts";
import { revokeAllSessions } from "@/lib/dal/auth";
import { clearSessionCookies, tooManyAttempts } from "./session-cookies";

/** Issue 8 (staff accounts), ASVS 6.2.3: staff change their own password in /personale/konto; every session ends (7.4.3). */
export const changeStaffPasswordAction = staffAction("staff.password.change", ["support", "dpo"], changePasswordSchema, async (input, staff) => {
  const r = await changeStaffPassword(staff, input.currentPassword, input.newPassword);
  if (r.ok) {
    await clearSessionCookies();
    return { ok: true, message: "Din adgangskode er ændret. Du er logget ud alle steder og skal logge ind igen." };
  }
  const fieldErrors =
    r.error === "throttled"
      ? { currentPassword: [tooManyAttempts(r.retryAt)] }
      : r.error === "weak-password"
        ? { newPassword: [r.message] }
        : { currentPassword: ["Den nuværende adgangskode er forkert"] };
  return { ok: false, message: "Adgangskoden blev ikke ændret.", fieldErrors, audit: { details: { reason: r.error } } };
});

/** "Log ud på alle enheder" for staff (ASVS 7.4.3). */
export const logoutEverywhereStaffAction = staffAction("staff.sessions.revoke_all", ["support", "dpo"], emptySchema, async (_input, staff) => {
  const count = await revokeAllSessions(staff);
  await clearSessionCookies();
  return { ok: true, message: "Du er logget ud på alle enheder.", audit: { details: { sessions: count } } };
});
