import * as z from "zod/mini";
import "./zod";
import { emailField } from "./email";

// The login form's schema, kept apart from ./auth.ts's password rules: the login page's client JS carries only what
// it uses (issue 12).

export const loginSchema = z.strictObject({
  email: emailField,
  password: z.string({ error: "Skriv din adgangskode" }).check(z.minLength(1, "Skriv din adgangskode"), z.maxLength(1024, "Adgangskoden er for lang")),
});
export type LoginInput = z.input<typeof loginSchema>;
