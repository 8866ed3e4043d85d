"use client";
import { useState } from "react";
import { useSchemaForm } from "./use-schema-form";
import { changeEmailAction } from "@/lib/actions/account";
import { applyFieldErrors, FormStatus, TextField } from "./form";

// The schema is loaded when a field is first focused (components/use-schema-form.ts, issue 12), from the page's one
// bundle, shared with the password form (components/password-form.tsx).
const changeEmailSchema = () => import("@/lib/validation/client/credentials.bundle").then((m) => m.changeEmailSchema);

/** A new e-mail address for the account (/konto/oplysninger/adgangskode), with the current password (4.4.2, issue 8). */
export function EmailForm() {
  const [status, setStatus] = useState<{ ok: boolean; message: string } | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useSchemaForm(changeEmailSchema, { defaultValues: { email: "", currentPassword: "" } });
  const onSubmit = handleSubmit(async (values) => {
    setStatus(null);
    const r = await changeEmailAction(values);
    setStatus(r);
    if (r.ok) reset();
    else applyFieldErrors(r.fieldErrors, setError, ["email", "currentPassword"] as const);
  });
  return (
    <form method="post" className="stack" onSubmit={onSubmit} noValidate aria-label="Skift e-mailadresse">
      <TextField id="email-new" label="Ny e-mailadresse" type="email" autoComplete="email" error={errors.email} registration={register("email")} />
      <TextField
        id="email-current"
        label="Nuværende adgangskode"
        type="password"
        autoComplete="current-password"
        error={errors.currentPassword}
        registration={register("currentPassword")}
      />
      <FormStatus status={status} />
      <div>
        <button type="submit" disabled={isSubmitting}>
          Skift e-mailadresse
        </button>
      </div>
    </form>
  );
}
