"use client";
import { ChangePasswordForm } from "./change-password-form";
import { changePasswordAction } from "@/lib/actions/account";

// The page's one schema bundle, shared with the e-mail form (components/email-form.tsx).
const changePasswordSchema = () => import("@/lib/validation/client/credentials.bundle").then((m) => m.changePasswordSchema);

/** The customer's password change (/konto/oplysninger/adgangskode). */
export function PasswordForm() {
  return <ChangePasswordForm action={changePasswordAction} schema={changePasswordSchema} />;
}
