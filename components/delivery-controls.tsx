"use client";
import { useState } from "react";
import { useSchemaForm } from "./use-schema-form";
import { markDeliveryHandledAction, retryDeliveryAction } from "@/lib/actions/integration";
import { applyFieldErrors, FormStatus, TextField } from "./form";

type Status = { ok: boolean; message: string } | null;

// The schema is loaded when a field is first focused (components/use-schema-form.ts, issue 12).
const markDeliveryHandledSchema = () => import("@/lib/validation/client/staff.bundle").then((m) => m.markDeliveryHandledSchema);

/** The dpo's handling of one delivery to a recipient (GDPR art. 19): send again, or record how it was told. */
export function DeliveryControls({ deliveryId, label, done }: { deliveryId: string; label: string; done: boolean }) {
  const [status, setStatus] = useState<Status>(null);
  const [retrying, setRetrying] = useState(false);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useSchemaForm(markDeliveryHandledSchema, { defaultValues: { deliveryId, note: "" } });
  const onSubmit = handleSubmit(async (values) => {
    const r = await markDeliveryHandledAction(values);
    setStatus(r);
    if (!r.ok) applyFieldErrors(r.fieldErrors, setError, ["note"] as const);
  });
  const fieldId = `note-${deliveryId}`;
  if (done) return <FormStatus status={status} />;
  return (
    <div className="stack">
      <button
        type="button"
        disabled={retrying}
        onClick={async () => {
          setRetrying(true);
          setStatus(await retryDeliveryAction({ deliveryId }));
          setRetrying(false);
        }}
      >
        {retrying ? "Sender …" : "Send igen"}
      </button>
      <form method="post" className="stack" onSubmit={onSubmit} noValidate aria-label={`Markér som håndteret: ${label}`}>
        <input type="hidden" {...register("deliveryId")} />
        <TextField
          id={fieldId}
          label="Håndteret på anden måde"
          hint='Fx "Sendt pr. e-mail 25/11"'
          error={errors.note}
          registration={register("note")}
          autoComplete="off"
        />
        <div>
          <button type="submit" disabled={isSubmitting}>
            Markér som håndteret
          </button>
        </div>
      </form>
      <FormStatus status={status} />
    </div>
  );
}
