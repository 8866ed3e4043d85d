import * as z from "zod/mini";
import "./zod";

// The password fields several forms share (the password change ./auth.ts, the e-mail change ./email-change.ts, the
// e-mailed links ./account-links.ts), in a module that builds no schema: a schema bundle (lib/validation/client)
// carries every schema the modules it imports build, used or not, so the links' forms do not also get the password
// change's schema (issue 12); they do carry the current-password field they leave unused (~20 B gzip).

/** The current password, asked for before the password or the e-mail address changes (ASVS 6.2.3, issue 11). */
export const currentPasswordField = z
  .string({ error: "Skriv din nuværende adgangskode" })
  .check(z.minLength(1, "Skriv din nuværende adgangskode"), z.maxLength(1024, "Adgangskoden er for lang"));

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
