"use client";
import { useState, useTransition } from "react";
import { useSchemaForm } from "./use-schema-form";
import { cancelErasureAction, startErasureAction } from "@/lib/actions/erasure";
import { FieldMessage, FormStatus } from "./form";

// The schema is loaded when a field is first focused (components/use-schema-form.ts, issue 12).
const startErasureSchema = () => import("@/lib/validation/client/erasure.bundle").then((m) => m.startErasureSchema);

type Status = { ok: boolean; message: string } | null;

export function StartErasureForm() {
  const [status, setStatus] = useState<Status>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useSchemaForm(startErasureSchema);
  const onSubmit = handleSubmit(async (values) => {
    const r = await startErasureAction(values);
    setStatus(r);
  });
  return (
    <form method="post" className="stack" onSubmit={onSubmit} noValidate aria-label="Start sletning">
      <div className="field">
        <label>
          <input
            type="checkbox"
            {...register("understood")}
            aria-invalid={errors.understood ? true : undefined}
            aria-describedby={errors.understood ? "understood-error" : undefined}
          />{" "}
          Jeg har læst, hvad der slettes, og hvad der gemmes
        </label>
        <FieldMessage id="understood" message={errors.understood?.message} />
      </div>
      <FormStatus status={status} />
      <div>
        <button type="submit" className="danger" disabled={isSubmitting}>
          {isSubmitting ? "Opretter …" : "Start sletning"}
        </button>
      </div>
    </form>
  );
}

export function CancelErasureButton({ id }: { id: string }) {
  const [status, setStatus] = useState<Status>(null);
  const [pending, start] = useTransition();
  return (
    <div>
      <button
        type="button"
        className="secondary"
        disabled={pending}
        onClick={() =>
          start(async () => {
            setStatus(await cancelErasureAction({ id }));
          })
        }
      >
        Annullér anmodningen
      </button>
      <FormStatus status={status} />
    </div>
  );
}
