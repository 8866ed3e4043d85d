"use client";
import { useState } from "react";
import { useSchemaForm } from "./use-schema-form";
import {
  announceRestrictionLiftAction,
  recordSignatureAction,
  refuseErasureAction,
  resolveRequestAction,
  registerMailedRequestAction,
  sendExportAction,
} from "@/lib/actions/staff";
import { applyFieldErrors, FieldMessage, FormStatus, TextField } from "./form";

type Status = { ok: boolean; message: string } | null;

// The schemas are loaded when a field is first focused (components/use-schema-form.ts, issue 12).
const schemas = () => import("@/lib/validation/client/staff.bundle");
const recordSignatureSchema = () => schemas().then((m) => m.recordSignatureSchema);
const resolveRequestSchema = () => schemas().then((m) => m.resolveRequestSchema);
const refuseErasureSchema = () => schemas().then((m) => m.refuseErasureSchema);
const announceRestrictionLiftSchema = () => schemas().then((m) => m.announceRestrictionLiftSchema);
const registerMailedRequestSchema = () => schemas().then((m) => m.registerMailedRequestSchema);

export function RecordSignatureForm({ requestId, recordedAt }: { requestId: string; recordedAt?: string }) {
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
  if (recordedAt) {
    // The signature is recorded: a confirmation in place of the form; the status line keeps the action's message.
    return (
      <div className="stack">
        <p className="notice ok" data-testid="signature-recorded">
          Underskriften blev registreret {recordedAt}. Sletningen kan nu gennemføres.
        </p>
        <FormStatus status={status} />
      </div>
    );
  }
  return (
    <form method="post" className="stack" onSubmit={onSubmit} noValidate aria-label="Registrér underskrevet dokument">
      <input type="hidden" {...register("requestId")} />
      <TextField
        id="code"
        label="Verifikationskode fra dokumentet"
        hint="Står på den underskrevne PDF, fx ABCD-EF23"
        error={errors.code}
        registration={register("code")}
        autoComplete="off"
      />
      <div className="field">
        <label>
          <input
            type="checkbox"
            {...register("confirmSigned")}
            aria-invalid={errors.confirmSigned ? true : undefined}
            aria-describedby={errors.confirmSigned ? "confirmSigned-error" : undefined}
          />{" "}
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
        <textarea
          id="resolution"
          rows={3}
          aria-invalid={errors.resolution ? true : undefined}
          aria-describedby={errors.resolution ? "resolution-error" : undefined}
          {...register("resolution")}
        />
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
  sentAt,
}: {
  requestId: string;
  kind: "refuse-erasure" | "announce-lift";
  /** Set once the notice is sent: the page's refresh then keeps this component mounted, so its status line stays. */
  sentAt?: string;
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
  if (sentAt) {
    // Art. 18(3): the notice is sent; the persisted state replaces the form, and the status line keeps the action's message.
    return (
      <div className="stack">
        <p data-testid="lift-notice-sent">Kunden er underrettet: varslet er sendt {sentAt}.</p>
        <FormStatus status={status} />
      </div>
    );
  }
  return (
    <form
      method="post"
      className="stack"
      onSubmit={onSubmit}
      noValidate
      aria-label={kind === "refuse-erasure" ? "Afvis sletning" : "Varsl ophævelse af begrænsning"}
    >
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

export function AnnounceRestrictionLiftForm({ requestId, sentAt }: { requestId: string; sentAt?: string }) {
  return <ReasonsForm requestId={requestId} kind="announce-lift" sentAt={sentAt} />;
}

const MAILED_TYPES = [
  { value: "access", label: "Indsigt (4.3)" },
  { value: "portability", label: "Dataportabilitet (4.7)" },
  { value: "rectification", label: "Berigtigelse (4.4)" },
  { value: "erasure", label: "Sletning (4.5) – kræver underskrevet dokument (4.2.2)" },
  { value: "restriction", label: "Begrænsning (4.6)" },
  { value: "objection", label: "Indsigelse (4.8)" },
] as const;

/** Issue 10.9 (4.2.3, 4.5.2): register a request that came by e-mail or letter. */
export function RegisterMailedRequestForm({ today }: { today: string }) {
  const [status, setStatus] = useState<Status>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useSchemaForm(registerMailedRequestSchema, {
    defaultValues: { customer: "", type: "access", channel: "email", receivedOn: today, note: "" },
  });
  const onSubmit = handleSubmit(async (values) => {
    const r = await registerMailedRequestAction(values);
    setStatus(r);
    if (r.ok) reset();
    else applyFieldErrors(r.fieldErrors, setError, ["customer", "type", "channel", "receivedOn", "note"] as const);
  });
  return (
    <form method="post" className="stack" onSubmit={onSubmit} noValidate aria-label="Registrér anmodning fra e-mail eller brev">
      <TextField
        id="mailed-customer"
        label="Kundenummer eller e-mailadresse"
        hint="Fx 100001 eller navn@eksempel.dk"
        error={errors.customer}
        registration={register("customer")}
        autoComplete="off"
      />
      <div className="field">
        <label htmlFor="mailed-type">Hvilken ret</label>
        <select
          id="mailed-type"
          aria-invalid={errors.type ? true : undefined}
          aria-describedby={errors.type ? "mailed-type-error" : undefined}
          {...register("type")}
        >
          {MAILED_TYPES.map((t) => (
            <option key={t.value} value={t.value}>
              {t.label}
            </option>
          ))}
        </select>
        <FieldMessage id="mailed-type" message={errors.type?.message} />
      </div>
      <div className="field">
        <label htmlFor="mailed-channel">Kom med</label>
        <select id="mailed-channel" {...register("channel")}>
          <option value="email">E-mail</option>
          <option value="letter">Brev</option>
        </select>
        <FieldMessage id="mailed-channel" message={errors.channel?.message} />
      </div>
      <TextField
        id="mailed-receivedOn"
        label="Modtaget den"
        type="date"
        hint="Fristen er én måned herfra (GDPR art. 12, stk. 3)"
        error={errors.receivedOn}
        registration={register("receivedOn")}
      />
      <div className="field">
        <label htmlFor="mailed-note">Hvad kunden skriver</label>
        <textarea
          id="mailed-note"
          rows={3}
          aria-invalid={errors.note ? true : undefined}
          aria-describedby={errors.note ? "mailed-note-error" : undefined}
          {...register("note")}
        />
        <FieldMessage id="mailed-note" message={errors.note?.message} />
      </div>
      <FormStatus status={status} />
      <div>
        <button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Registrerer …" : "Registrér anmodningen"}
        </button>
      </div>
    </form>
  );
}

/** 4.3, 4.7: the dpo sends the export to the customer's e-mail address (6.2). */
export function SendExportButton({ requestId }: { requestId: string }) {
  const [status, setStatus] = useState<Status>(null);
  const [pending, setPending] = useState(false);
  return (
    <div>
      <button
        type="button"
        disabled={pending}
        onClick={async () => {
          setPending(true);
          setStatus(await sendExportAction({ requestId }));
          setPending(false);
        }}
      >
        {pending ? "Sender …" : "Send eksporten til kunden"}
      </button>
      <FormStatus status={status} />
    </div>
  );
}
