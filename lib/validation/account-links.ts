import * as z from "zod/mini";
import "./zod";
import { emailField } from "./email";
import { newPasswordField } from "./password-fields";

// Issue 8: the forms behind "Glemt adgangskode?", "Opret adgang", the e-mailed links, and "Bekræft din e-mailadresse".

export const requestLinkSchema = z.strictObject({ email: emailField });
export type RequestLinkInput = z.input<typeof requestLinkSchema>;

const tokenField = z
  .string({ error: "Linket er ugyldigt" })
  .check(z.minLength(20, "Linket er ugyldigt"), z.maxLength(100, "Linket er ugyldigt"), z.regex(/^[A-Za-z0-9_-]+$/, "Linket er ugyldigt"));

export const setPasswordSchema = z
  .strictObject({
    token: tokenField,
    newPassword: newPasswordField,
    confirmPassword: z.string({ error: "Gentag adgangskoden" }).check(z.maxLength(1024, "Adgangskoden er for lang")),
  })
  .check(z.refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "De to adgangskoder er ikke ens" }));
export type SetPasswordInput = z.input<typeof setPasswordSchema>;

export const confirmEmailSchema = z.strictObject({ token: tokenField });
