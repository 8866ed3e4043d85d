"use server";
import { pendingStaffAction, staffAction, type Outcome } from "./safe-action";
import { secondFactorSchema, totpCodeSchema } from "@/lib/validation/second-factor";
import { confirmTotpEnrolment, regenerateRecoveryCodes, verifySecondFactor, type CodeCheck } from "@/lib/dal/second-factor";
import { issueSessionCookie, tooManyAttempts } from "./session-cookies";

// Issue 8, ASVS 6.3.3: the staff second factor. The first two run only for a session that has given the password
// and still owes the code (pendingStaffAction); the third for a logged-in member of staff.

const WRONG_CODE = "Koden er forkert eller allerede brugt. Vent på den næste kode i appen, og prøv igen.";

function refused<D>(r: Exclude<CodeCheck, { ok: true }>, message: string): Outcome<D> {
  const field =
    r.error === "throttled"
      ? tooManyAttempts(r.retryAt)
      : r.error === "not-enrolled"
        ? "Totrinsbekræftelse er ikke sat op for din konto."
        : r.error === "already-enrolled"
          ? "Totrinsbekræftelse er allerede sat op. Log ind med koden fra din app."
          : r.error === "no-setup"
            ? "Opsætningen er ikke startet. Åbn siden igen."
            : WRONG_CODE;
  return { ok: false, message, fieldErrors: { code: [field] }, audit: { details: { reason: r.error } } };
}

/** /log-ind/kode: the 6-digit code from the app or a recovery code; then the session is a login. */
export const verifySecondFactorAction = pendingStaffAction<typeof secondFactorSchema, { recoveryCodesLeft: number }>(
  "login.second_factor",
  secondFactorSchema,
  async (input, pending) => {
    const r = await verifySecondFactor(pending, input.code);
    if (!r.ok) return refused(r, "Du er ikke logget ind endnu.");
    await issueSessionCookie({ sub: pending.staffId, sid: r.sessionId, kind: "staff" }); // a new session (ASVS 7.2.4)
    const message =
      r.method === "recovery"
        ? `Du er logget ind med en gendannelseskode. Den kan ikke bruges igen; du har ${r.recoveryCodesLeft} tilbage.`
        : "Du er logget ind.";
    return { ok: true, message, data: { recoveryCodesLeft: r.recoveryCodesLeft }, audit: { details: { method: r.method } } };
  },
);

/** /log-ind/opsaet-kode: the first code from the app confirms the set-up; the recovery codes are returned once. */
export const confirmTotpEnrolmentAction = pendingStaffAction<typeof totpCodeSchema, { recoveryCodes: string[] }>(
  "second_factor.enrol",
  totpCodeSchema,
  async (input, pending) => {
    const r = await confirmTotpEnrolment(pending, input.code);
    if (!r.ok) return refused(r, "Totrinsbekræftelse er ikke sat op endnu.");
    return { ok: true, message: "Totrinsbekræftelse er sat op, og du er logget ind.", data: { recoveryCodes: r.recoveryCodes } };
  },
);

/** /personale/konto: new recovery codes (the old stop working), shown once; needs a fresh code from the app. */
export const regenerateRecoveryCodesAction = staffAction<typeof totpCodeSchema, { recoveryCodes: string[] }>(
  "second_factor.recovery_codes.regenerate",
  ["support", "dpo"],
  totpCodeSchema,
  async (input, staff) => {
    const r = await regenerateRecoveryCodes(staff, input.code);
    if (!r.ok) return refused(r, "Der er ikke lavet nye gendannelseskoder.");
    return { ok: true, message: "Her er dine nye gendannelseskoder. De gamle virker ikke længere.", data: { recoveryCodes: r.recoveryCodes } };
  },
);
