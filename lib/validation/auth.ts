import * as z from "zod/mini";
import "./zod";

// The login's schema lives in ./login.ts: the login page ships only what it uses (issue 12).
export { emailField, loginSchema, type LoginInput } from "./login";

/**
 * ASVS 6.2.1–6.2.3: at least 8 characters, at least 64 accepted. Which passwords are refused (6.2.4: 20,000
 * breached passwords, the most common ones and the account's own words) is the server's single answer,
 * `checkNewPassword` (lib/auth/password-rules.ts), run by every action that sets a password; its message appears
 * under the field like this schema's. The browser no longer carries a short copy of the list
 * (issue 12: ~560 B gzip on every password page, and it refused fewer passwords than the server does, so the two
 * could disagree about one password). Never import either list here.
 */
export const newPasswordField = z
  .string({ error: "Skriv en ny adgangskode" })
  .check(z.minLength(8, "Adgangskoden skal være mindst 8 tegn"), z.maxLength(128, "Adgangskoden må højst være 128 tegn"));

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
