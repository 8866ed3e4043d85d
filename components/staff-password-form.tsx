"use client";
import { ChangePasswordForm } from "./change-password-form";
import { changeStaffPasswordAction } from "@/lib/actions/staff-account";

const changePasswordSchema = () => import("@/lib/validation/client/password.bundle").then((m) => m.changePasswordSchema);

/** Issue 8 (staff accounts): the staff's own password change (/personale/konto). */
export function StaffPasswordForm() {
  return <ChangePasswordForm action={changeStaffPasswordAction} schema={changePasswordSchema} />;
}
