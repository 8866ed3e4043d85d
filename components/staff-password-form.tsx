"use client";
import { ChangePasswordForm } from "./change-password-form";
import { changeStaffPasswordAction } from "@/lib/actions/staff-account";

/** Issue 8 (staff accounts): the staff's own password change (/personale/konto). */
export function StaffPasswordForm() {
  return <ChangePasswordForm action={changeStaffPasswordAction} />;
}
