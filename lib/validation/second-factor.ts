import * as z from "zod/mini";
import "./zod";

// The second factor (issue 8, ASVS 6.3.3). Shared by the forms and the actions; the server normalises again
// (lib/auth/totp.ts) and checks the code itself.

const SIX_DIGITS = /^\d{6}$/;
const RECOVERY = /^[a-z2-7]{24}$/;
const squash = (v: string) => v.toLowerCase().replace(/[\s-]/g, "");

/** The login's second step: 6 digits from the app, or a recovery code. */
export const secondFactorSchema = z.strictObject({
  code: z.string({ error: "Skriv koden fra din godkendelsesapp" }).check(
    z.trim(),
    z.minLength(1, "Skriv koden fra din godkendelsesapp"),
    z.maxLength(64, "Koden er for lang"),
    z.refine((v) => SIX_DIGITS.test(squash(v)) || RECOVERY.test(squash(v)), "Skriv de 6 cifre fra din godkendelsesapp eller en gendannelseskode"),
  ),
});
export type SecondFactorInput = z.input<typeof secondFactorSchema>;

/** A fresh TOTP code only (set-up, new recovery codes): a recovery code is not accepted here. */
export const totpCodeSchema = z.strictObject({
  code: z.string({ error: "Skriv koden fra din godkendelsesapp" }).check(
    z.trim(),
    z.minLength(1, "Skriv koden fra din godkendelsesapp"),
    z.maxLength(64, "Koden er for lang"),
    z.refine((v) => SIX_DIGITS.test(squash(v)), "Skriv de 6 cifre fra din godkendelsesapp"),
  ),
});
export type TotpCodeInput = z.input<typeof totpCodeSchema>;
