"use client";
import { useState } from "react";
import { useSchemaForm } from "./use-schema-form";
import type { ChangePasswordInput, changePasswordSchema } from "@/lib/validation/auth";
import type { ActionResult } from "@/lib/actions/safe-action";
import { applyFieldErrors, FormStatus, TextField } from "./form";

/**
 * The password-change form. The wrapper passes the action (customer: lib/actions/account.ts, staff:
 * lib/actions/staff-account.ts) and the loader of its page's schema bundle, which the form loads when a field is
 * first focused (components/use-schema-form.ts, issue 12): the customer's page has one bundle for both its forms.
 */
export function ChangePasswordForm({
  action,
  schema,
}: {
  action: (input: ChangePasswordInput) => Promise<ActionResult>;
  schema: () => Promise<typeof changePasswordSchema>;
}) {
  const [status, setStatus] = useState<{ ok: boolean; message: string } | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useSchemaForm(schema, {
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
