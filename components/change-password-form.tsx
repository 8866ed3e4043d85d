"use client";
import { useState } from "react";
import { useSchemaForm } from "./use-schema-form";
import type { ChangePasswordInput } from "@/lib/validation/auth";
import type { ActionResult } from "@/lib/actions/safe-action";
import { applyFieldErrors, FormStatus, TextField } from "./form";

// The schema is loaded when a field is first focused (components/use-schema-form.ts, issue 12).
const changePasswordSchema = () => import("@/lib/validation/client/password.bundle").then((m) => m.changePasswordSchema);

/** The password-change form; the page passes the action (customer: lib/actions/account.ts, staff: lib/actions/staff-account.ts). */
export function ChangePasswordForm({ action }: { action: (input: ChangePasswordInput) => Promise<ActionResult> }) {
  const [status, setStatus] = useState<{ ok: boolean; message: string } | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useSchemaForm(changePasswordSchema, {
    defaultValues: { currentPassword: "", newPassword: "", confirmPassword: "" },
  });
  const onSubmit = handleSubmit(async (values) => {
    setStatus(null);
    const r = await action(values);
    setStatus(r);
    if (r.ok) window.location.assign("/log-ind?adgangskode=aendret");
    else applyFieldErrors(r.fieldErrors, setError, ["currentPassword", "newPassword", "confirmPassword"] as const);
  });
  return (
    <form method="post" className="stack" onSubmit={onSubmit} noValidate aria-label="Skift adgangskode">
      <TextField
        id="pw-current"
        label="Nuværende adgangskode"
        type="password"
        autoComplete="current-password"
        error={errors.currentPassword}
        registration={register("currentPassword")}
      />
      <TextField
        id="pw-new"
        label="Ny adgangskode"
        type="password"
        autoComplete="new-password"
        hint="Mindst 8 tegn. Gerne en sætning; op til 128 tegn."
        error={errors.newPassword}
        registration={register("newPassword")}
      />
      <TextField
        id="pw-confirm"
        label="Gentag ny adgangskode"
        type="password"
        autoComplete="new-password"
        error={errors.confirmPassword}
        registration={register("confirmPassword")}
      />
      <FormStatus status={status} />
      <div>
        <button type="submit" disabled={isSubmitting}>
          Skift adgangskode
        </button>
      </div>
    </form>
  );
}
