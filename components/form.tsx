"use client";
import type { InputHTMLAttributes, ReactNode } from "react";
import type { FieldError, Registration } from "./use-schema-form";

// Form pieces shared by every form: a label tied to its input, the hint and the error under it
// (announced through aria-describedby), and a status line that screen readers hear (aria-live).

export function TextField({
  id,
  label,
  hint,
  error,
  registration,
  ...input
}: {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: FieldError | string;
  registration: Registration;
} & Omit<InputHTMLAttributes<HTMLInputElement>, "id">) {
  const message = typeof error === "string" ? error : error?.message;
  const describedBy = [hint ? `${id}-hint` : null, message ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
      <input id={id} type="text" aria-invalid={message ? true : undefined} aria-describedby={describedBy} {...input} {...registration} />
      <FieldMessage id={id} message={message} />
    </div>
  );
}

export function FieldMessage({ id, message }: { id: string; message?: string }) {
  return message ? (
    <p className="field-error" id={`${id}-error`}>
      {message}
    </p>
  ) : null;
}

export function FormStatus({ status }: { status: { ok: boolean; message: string } | null }) {
  return (
    <div className={`status ${status?.ok ? "ok" : "error"}`} role="status" aria-live="polite" aria-atomic="true">
      {status?.message ?? ""}
    </div>
  );
}

/** Copies the action's field errors into the form, so server-side refusals appear under the inputs too (the first is focused). */
export function applyFieldErrors<T extends string>(
  fieldErrors: Partial<Record<string, string[]>>,
  setError: (name: T, error: { type: string; message: string }) => void,
  fields: readonly T[],
) {
  for (const [name, messages] of Object.entries(fieldErrors)) {
    if ((fields as readonly string[]).includes(name) && messages?.[0]) setError(name as T, { type: "server", message: messages.join(" ") });
  }
}
