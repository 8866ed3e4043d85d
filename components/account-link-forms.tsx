"use client";
import { useState } from "react";
import { useSchemaForm } from "./use-schema-form";
import { confirmEmailAction, requestPasswordLinkAction, setPasswordAction } from "@/lib/actions/account-links";
import { applyFieldErrors, FormStatus, TextField } from "./form";

// The schema is loaded when a field is first focused (components/use-schema-form.ts, issue 12).
const requestLinkSchema = () => import("@/lib/validation/client/links.bundle").then((m) => m.requestLinkSchema);
const setPasswordSchema = () => import("@/lib/validation/client/links.bundle").then((m) => m.setPasswordSchema);

type Status = { ok: boolean; message: string } | null;

/** "Glemt adgangskode?" / "Opret adgang": one field; the answer is the same whether or not the address has an account. */
export function RequestLinkForm({ submitLabel, formLabel }: { submitLabel: string; formLabel: string }) {
  const [status, setStatus] = useState<Status>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useSchemaForm(requestLinkSchema, { defaultValues: { email: "" } });
  const onSubmit = handleSubmit(async (values) => {
    setStatus(null);
    const r = await requestPasswordLinkAction(values);
    setStatus(r);
    if (!r.ok) applyFieldErrors(r.fieldErrors, setError, ["email"] as const);
  });
  return (
    <form method="post" className="stack" onSubmit={onSubmit} noValidate aria-label={formLabel}>
      <TextField id="link-email" label="E-mailadresse" type="email" autoComplete="email" error={errors.email} registration={register("email")} />
      <FormStatus status={status} />
      <div>
        <button type="submit" disabled={isSubmitting}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}

/** The page behind the e-mailed link: choose the password. */
export function SetPasswordForm({ token, submitLabel }: { token: string; submitLabel: string }) {
  const [status, setStatus] = useState<Status>(null);
  const [done, setDone] = useState(false);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useSchemaForm(setPasswordSchema, { defaultValues: { token, newPassword: "", confirmPassword: "" } });
  const onSubmit = handleSubmit(async (values) => {
    setStatus(null);
    const r = await setPasswordAction({ ...values, token });
    setStatus(r);
    if (r.ok) setDone(true);
    else applyFieldErrors(r.fieldErrors, setError, ["newPassword", "confirmPassword"] as const);
  });
  if (done) {
    return (
      <div className="stack">
        <FormStatus status={status} />
        <p>
          <a href="/log-ind">Gå til log ind</a>
        </p>
      </div>
    );
  }
  return (
    <form method="post" className="stack" onSubmit={onSubmit} noValidate aria-label="Vælg adgangskode">
      <input type="hidden" {...register("token")} value={token} />
      <TextField
        id="set-new"
        label="Ny adgangskode"
        type="password"
        autoComplete="new-password"
        hint="Mindst 8 tegn. Gerne en sætning; op til 128 tegn."
        error={errors.newPassword}
        registration={register("newPassword")}
      />
      <TextField
        id="set-confirm"
        label="Gentag adgangskoden"
        type="password"
        autoComplete="new-password"
        error={errors.confirmPassword}
        registration={register("confirmPassword")}
      />
      <FormStatus status={status} />
      <div>
        <button type="submit" disabled={isSubmitting}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}

/** The page behind an e-mail confirmation link: one click (mail scanners only open links, they do not click). */
export function ConfirmEmailButton({ token }: { token: string }) {
  const [status, setStatus] = useState<Status>(null);
  const [pending, setPending] = useState(false);
  return (
    <div className="stack">
      <div>
        <button
          type="button"
          disabled={pending || status?.ok === true}
          onClick={async () => {
            setPending(true);
            const r = await confirmEmailAction({ token });
            setStatus(r);
            setPending(false);
          }}
        >
          Bekræft e-mailadressen
        </button>
      </div>
      <FormStatus status={status} />
    </div>
  );
}
