"use client";
import { useState } from "react";
import { useSchemaForm } from "./use-schema-form";
import {
  announceRestrictionLiftSchema,
  recordSignatureSchema,
  refuseErasureSchema,
  resolveRequestSchema,
} from "@/lib/validation/staff";
import { announceRestrictionLiftAction, recordSignatureAction, refuseErasureAction, resolveRequestAction } from "@/lib/actions/staff";
import { applyFieldErrors, FieldMessage, FormStatus, TextField } from "./form";

type Status = { ok: boolean; message: string } | null;

export function RecordSignatureForm({ requestId }: { requestId: string }) {
  const [status, setStatus] = useState<Status>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useSchemaForm(recordSignatureSchema, { defaultValues: { requestId, code: "" } });
  const onSubmit = handleSubmit(async (values) => {
    const r = await recordSignatureAction(values);
    setStatus(r);
    if (!r.ok) applyFieldErrors(r.fieldErrors, setError, ["code", "confirmSigned"] as const);
  });
  return (
    <form method="post" className="stack" onSubmit={onSubmit} noValidate aria-label="Registrér underskrevet dokument">
      <input type="hidden" {...register("requestId")} />
      <TextField id="code" label="Verifikationskode fra dokumentet" hint="Står på den underskrevne PDF, fx ABCD-EF23" error={errors.code} registration={register("code")} autoComplete="off" />
      <div className="field">
        <label>
          <input type="checkbox" {...register("confirmSigned")} aria-invalid={errors.confirmSigned ? true : undefined} aria-describedby={errors.confirmSigned ? "confirmSigned-error" : undefined} />{" "}
          Dokumentet er modtaget og personligt underskrevet (pkt. 4.2.2)
        </label>
        <FieldMessage id="confirmSigned" message={errors.confirmSigned?.message} />
      </div>
      <FormStatus status={status} />
      <div>
        <button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Registrerer …" : "Registrér underskrift"}
        </button>
      </div>
    </form>
  );
}

/** `liftBlocked`: a restriction whose lifting has not been announced to the customer yet (art. 18(3)). */
export function ResolveRequestForm({ requestId, liftBlocked = false }: { requestId: string; liftBlocked?: boolean }) {
  const [status, setStatus] = useState<Status>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useSchemaForm(resolveRequestSchema, { defaultValues: { requestId, decision: "completed", resolution: "" } });
  const onSubmit = handleSubmit(async (values) => {
    const r = await resolveRequestAction(values);
    setStatus(r);
    if (!r.ok) applyFieldErrors(r.fieldErrors, setError, ["decision", "resolution"] as const);
  });
  return (
    <form method="post" className="stack" onSubmit={onSubmit} noValidate aria-label="Afgør anmodningen">
      <input type="hidden" {...register("requestId")} />
      <fieldset className="field">
        <legend className="label">Afgørelse</legend>
        <label>
          <input type="radio" value="completed" {...register("decision")} /> Imødekom (markeringen på kontoen bevares)
        </label>
        <label>
          <input type="radio" value="rejected" disabled={liftBlocked} {...register("decision")} /> Afvis (markeringen fjernes)
          {liftBlocked ? <span className="small muted"> – kræver først varsel til kunden (art. 18, stk. 3)</span> : null}
        </label>
        <FieldMessage id="decision" message={errors.decision?.message} />
      </fieldset>
      <div className="field">
        <label htmlFor="resolution">Begrundelse til kunden</label>
        <textarea id="resolution" rows={3} aria-invalid={errors.resolution ? true : undefined} aria-describedby={errors.resolution ? "resolution-error" : undefined} {...register("resolution")} />
        <FieldMessage id="resolution" message={errors.resolution?.message} />
      </div>
      <FormStatus status={status} />
      <div>
        <button type="submit" disabled={isSubmitting}>
          Gem afgørelse
        </button>
      </div>
    </form>
  );
}

/** A reasons text sent to the customer: refusing an erasure (art. 12(4)) or announcing that a restriction is lifted (art. 18(3)). */
function ReasonsForm({
  requestId,
  kind,
}: {
  requestId: string;
  kind: "refuse-erasure" | "announce-lift";
}) {
  const [status, setStatus] = useState<Status>(null);
  const schema = kind === "refuse-erasure" ? refuseErasureSchema : announceRestrictionLiftSchema;
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useSchemaForm(schema, { defaultValues: { requestId, reasons: "" } });
  const onSubmit = handleSubmit(async (values) => {
    const r = kind === "refuse-erasure" ? await refuseErasureAction(values) : await announceRestrictionLiftAction(values);
    setStatus(r);
    if (!r.ok) applyFieldErrors(r.fieldErrors, setError, ["reasons"] as const);
  });
  const fieldId = `${kind}-reasons`;
  return (
    <form method="post" className="stack" onSubmit={onSubmit} noValidate aria-label={kind === "refuse-erasure" ? "Afvis sletning" : "Varsl ophævelse af begrænsning"}>
      <input type="hidden" {...register("requestId")} />
      <div className="field">
        <label htmlFor={fieldId}>Begrundelse til kunden</label>
        <textarea
          id={fieldId}
          rows={3}
          aria-invalid={errors.reasons ? true : undefined}
          aria-describedby={errors.reasons ? `${fieldId}-error` : undefined}
          {...register("reasons")}
        />
        <FieldMessage id={fieldId} message={errors.reasons?.message} />
      </div>
      <FormStatus status={status} />
      <div>
        <button type="submit" disabled={isSubmitting || status?.ok === true}>
          {kind === "refuse-erasure" ? "Afvis sletningen" : "Send varsel til kunden"}
        </button>
      </div>
    </form>
  );
}

export function RefuseErasureForm({ requestId }: { requestId: string }) {
  return <ReasonsForm requestId={requestId} kind="refuse-erasure" />;
}

export function AnnounceRestrictionLiftForm({ requestId }: { requestId: string }) {
  return <ReasonsForm requestId={requestId} kind="announce-lift" />;
}
