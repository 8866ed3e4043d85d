"use client";
import { ChangePasswordForm } from "./change-password-form";
import { changePasswordAction } from "@/lib/actions/account";

/** The customer's password change (/konto/oplysninger/adgangskode). */
export function PasswordForm() {
  return <ChangePasswordForm action={changePasswordAction} />;
}
