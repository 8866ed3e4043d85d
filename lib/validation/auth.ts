import * as z from "zod/mini";
import "./zod";
import { COMMON_PASSWORDS } from "@/lib/auth/common-passwords";

// The login's schema lives in ./login.ts, without the password list below: the login page ships only what it uses (issue 12).
export { emailField, loginSchema, type LoginInput } from "./login";

/**
 * ASVS 6.2.1–6.2.4: at least 8 characters, at least 64 accepted, the most common passwords refused. This runs in
 * the browser too, so it has only a short list (~1 kB); the server also runs `checkNewPassword` (lib/auth/password-rules.ts:
 * 20,000 breached passwords and the account's own words) wherever a password is set. Never import that list here.
 */
export const newPasswordField = z.string({ error: "Skriv en ny adgangskode" }).check(
  z.minLength(8, "Adgangskoden skal være mindst 8 tegn"),
  z.maxLength(128, "Adgangskoden må højst være 128 tegn"),
  z.refine((v) => !COMMON_PASSWORDS.has(v.normalize("NFKC").toLowerCase()), "Adgangskoden er for almindelig. Vælg en, der er sværere at gætte"),
);

export const changePasswordSchema = z
  .strictObject({
    currentPassword: z
      .string({ error: "Skriv din nuværende adgangskode" })
      .check(z.minLength(1, "Skriv din nuværende adgangskode"), z.maxLength(1024, "Adgangskoden er for lang")),
    newPassword: newPasswordField,
    confirmPassword: z.string({ error: "Gentag den nye adgangskode" }),
  })
  .check(
    z.refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "De to adgangskoder er ikke ens" }),
    z.refine((v) => v.newPassword !== v.currentPassword, { path: ["newPassword"], message: "Den nye adgangskode skal være en anden end den nuværende" }),
  );
export type ChangePasswordInput = z.input<typeof changePasswordSchema>;
