import * as z from "zod/mini";
import "./zod";
import { currentPasswordField, newPasswordField } from "./password-fields";

// The password change. The login's schema lives in ./login.ts, the e-mail change's in ./email-change.ts, the shared
// fields in ./email.ts and ./password-fields.ts: each page's schema bundle carries only what it uses (issue 12).

export const changePasswordSchema = z
  .strictObject({
    currentPassword: currentPasswordField,
    newPassword: newPasswordField,
    confirmPassword: z.string({ error: "Gentag den nye adgangskode" }),
  })
  .check(
    z.refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "De to adgangskoder er ikke ens" }),
    z.refine((v) => v.newPassword !== v.currentPassword, { path: ["newPassword"], message: "Den nye adgangskode skal være en anden end den nuværende" }),
  );
export type ChangePasswordInput = z.input<typeof changePasswordSchema>;
