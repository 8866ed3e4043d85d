import * as z from "zod/mini";
import "./zod";

// The login form's schema (and the e-mail field the other forms share). Kept apart from ./auth.ts, which imports
// the common-password list for new passwords: the login page's client JS does not need it (issue 12).

export const emailField = z.pipe(
  z.string({ error: "Skriv din e-mailadresse" }).check(z.trim(), z.minLength(1, "Skriv din e-mailadresse"), z.maxLength(254, "E-mailadressen er for lang")),
  z.email({ error: "Skriv en gyldig e-mailadresse, fx navn@eksempel.dk" }).check(z.toLowerCase()),
);

export const loginSchema = z.strictObject({
  email: emailField,
  password: z.string({ error: "Skriv din adgangskode" }).check(z.minLength(1, "Skriv din adgangskode"), z.maxLength(1024, "Adgangskoden er for lang")),
});
export type LoginInput = z.input<typeof loginSchema>;
