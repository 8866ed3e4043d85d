import { z } from "zod";
import { COMMON_PASSWORDS } from "@/lib/auth/common-passwords";

export const emailField = z
  .string({ error: "Skriv din e-mailadresse" })
  .trim()
  .min(1, "Skriv din e-mailadresse")
  .max(254, "E-mailadressen er for lang")
  .pipe(z.email({ error: "Skriv en gyldig e-mailadresse, fx navn@eksempel.dk" }))
  .transform((v) => v.toLowerCase());

export const loginSchema = z.strictObject({
  email: emailField,
  password: z.string({ error: "Skriv din adgangskode" }).min(1, "Skriv din adgangskode").max(1024, "Adgangskoden er for lang"),
});
export type LoginInput = z.input<typeof loginSchema>;

/**
 * ASVS 6.2.1–6.2.4: at least 8 characters, at least 64 accepted, the most common passwords refused. This runs in
 * the browser too, so it has only a short list; the server also runs `checkNewPassword` (lib/auth/password-rules.ts:
 * 20,000 breached passwords and the account's own words) wherever a password is set.
 */
export const newPasswordField = z
  .string({ error: "Skriv en ny adgangskode" })
  .min(8, "Adgangskoden skal være mindst 8 tegn")
  .max(128, "Adgangskoden må højst være 128 tegn")
  .refine((v) => !COMMON_PASSWORDS.has(v.normalize("NFKC").toLowerCase()), "Adgangskoden er for almindelig. Vælg en, der er sværere at gætte");

export const changePasswordSchema = z
  .strictObject({
    currentPassword: z.string({ error: "Skriv din nuværende adgangskode" }).min(1, "Skriv din nuværende adgangskode").max(1024),
    newPassword: newPasswordField,
    confirmPassword: z.string({ error: "Gentag den nye adgangskode" }),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "De to adgangskoder er ikke ens" })
  .refine((v) => v.newPassword !== v.currentPassword, { path: ["newPassword"], message: "Den nye adgangskode skal være en anden end den nuværende" });
export type ChangePasswordInput = z.input<typeof changePasswordSchema>;
