"use client";
import { useState } from "react";
import { useSchemaForm } from "./use-schema-form";
import { confirmTotpEnrolmentAction, regenerateRecoveryCodesAction, verifySecondFactorAction } from "@/lib/actions/second-factor";
import { applyFieldErrors, FormStatus, TextField } from "./form";
import { safeCallbackUrl } from "@/lib/auth/callback-url";

// Issue 8, ASVS 6.3.3: the staff second factor's forms (the code at login, the first-login set-up, new recovery codes).

// The schemas are loaded when a field is first focused (components/use-schema-form.ts, issue 12).
const secondFactorSchema = () => import("@/lib/validation/client/second-factor.bundle").then((m) => m.secondFactorSchema);
const totpCodeSchema = () => import("@/lib/validation/client/second-factor.bundle").then((m) => m.totpCodeSchema);

function destination(callbackUrl?: string): string {
  return callbackUrl ? safeCallbackUrl(callbackUrl) : "/personale";
}

/** /log-ind/kode: the 6 digits from the app, or a recovery code. */
export function SecondFactorForm({ callbackUrl }: { callbackUrl?: string }) {
  const [status, setStatus] = useState<{ ok: boolean; message: string } | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useSchemaForm(secondFactorSchema, { defaultValues: { code: "" } });
  const onSubmit = handleSubmit(async (values) => {
    setStatus(null);
    const r = await verifySecondFactorAction(values);
    setStatus(r);
    if (r.ok) window.location.assign(destination(callbackUrl));
    else applyFieldErrors(r.fieldErrors, setError, ["code"] as const);
  });
  return (
    <form method="post" className="stack" onSubmit={onSubmit} noValidate aria-label="Kode til log ind">
      <TextField
        id="code"
        label="Kode"
        hint="De 6 cifre fra din godkendelsesapp, eller en af dine gendannelseskoder."
        autoComplete="one-time-code"
        spellCheck={false}
        autoCapitalize="off"
        error={errors.code}
        registration={register("code")}
      />
      <FormStatus status={status} />
      <div>
        <button type="submit" disabled={isSubmitting}>
          Bekræft
        </button>
      </div>
    </form>
  );
}

/** The recovery codes, shown once (set-up and /personale/konto), with a way to copy or print them. */
export function RecoveryCodes({ codes, continueHref }: { codes: string[]; continueHref?: string }) {
  const [copied, setCopied] = useState<string | null>(null);
  return (
    <section className="recovery-codes" aria-labelledby="gendannelseskoder">
      <h2 id="gendannelseskoder">Dine gendannelseskoder</h2>
      <p>
        Gem dem et sikkert sted, fx udskrevet eller i en adgangskodeboks. Hver kode kan bruges én gang i stedet for koden fra appen, hvis du mister telefonen.{" "}
        <strong>De vises kun nu.</strong>
      </p>
      <ol className="codes" aria-label="Gendannelseskoder">
        {codes.map((c) => (
          <li key={c}>
            <code>{c}</code>
          </li>
        ))}
      </ol>
      <p className="actions">
        <button
          type="button"
          className="secondary"
          onClick={() =>
            navigator.clipboard.writeText(codes.join("\n")).then(
              () => setCopied("Koderne er kopieret."),
              () => setCopied("Kunne ikke kopiere. Markér koderne og kopiér dem selv."),
            )
          }
        >
          Kopiér koderne
        </button>
        <button type="button" className="secondary" onClick={() => window.print()}>
          Udskriv
        </button>
        {continueHref ? (
          <a className="button" href={continueHref}>
            Fortsæt
          </a>
        ) : null}
      </p>
      <p role="status" aria-live="polite">
        {copied ?? ""}
      </p>
    </section>
  );
}

function TotpCodeForm({
  label,
  submit,
  action,
  onCodes,
}: {
  label: string;
  submit: string;
  action: typeof confirmTotpEnrolmentAction;
  onCodes: (codes: string[]) => void;
}) {
  const [status, setStatus] = useState<{ ok: boolean; message: string } | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useSchemaForm(totpCodeSchema, { defaultValues: { code: "" } });
  const onSubmit = handleSubmit(async (values) => {
    setStatus(null);
    const r = await action(values);
    setStatus(r);
    if (r.ok && r.data) {
      reset();
      onCodes(r.data.recoveryCodes);
    } else if (!r.ok) applyFieldErrors(r.fieldErrors, setError, ["code"] as const);
  });
  return (
    <form method="post" className="stack" onSubmit={onSubmit} noValidate aria-label={label}>
      <TextField
        id="totp-code"
        label="Kode fra appen"
        hint="De 6 cifre, som appen viser nu."
        inputMode="numeric"
        autoComplete="one-time-code"
        error={errors.code}
        registration={register("code")}
      />
      <FormStatus status={status} />
      <div>
        <button type="submit" disabled={isSubmitting}>
          {submit}
        </button>
      </div>
    </form>
  );
}

/** /log-ind/opsaet-kode: the first code confirms the set-up; then the recovery codes, once. */
export function TotpEnrolForm({ callbackUrl }: { callbackUrl?: string }) {
  const [codes, setCodes] = useState<string[] | null>(null);
  if (codes) return <RecoveryCodes codes={codes} continueHref={destination(callbackUrl)} />;
  return <TotpCodeForm label="Bekræft opsætning" submit="Bekræft og log ind" action={confirmTotpEnrolmentAction} onCodes={setCodes} />;
}

/** /personale/konto: new recovery codes (the old stop working), with a fresh code from the app. */
export function RegenerateRecoveryCodesForm() {
  const [codes, setCodes] = useState<string[] | null>(null);
  return (
    <div className="stack">
      <TotpCodeForm label="Nye gendannelseskoder" submit="Lav nye gendannelseskoder" action={regenerateRecoveryCodesAction} onCodes={setCodes} />
      {codes ? <RecoveryCodes codes={codes} /> : null}
    </div>
  );
}
