"use client";
import { useState, useTransition } from "react";
import { useSchemaForm } from "./use-schema-form";
import {
  setNewsletterAction,
  unsubscribeNotificationAction,
  objectAction,
  restrictAction,
  objectToMarketingAction,
  withdrawMarketingObjectionAction,
} from "@/lib/actions/consent";
import { applyFieldErrors, FieldMessage, FormStatus } from "./form";

// The schema is loaded when a field is first focused (components/use-schema-form.ts, issue 12).
const reasonSchema = () => import("@/lib/validation/client/consent.bundle").then((m) => m.reasonSchema);

type Status = { ok: boolean; message: string } | null;

export function NewsletterToggle({ subscribed }: { subscribed: boolean }) {
  const [status, setStatus] = useState<Status>(null);
  const [pending, start] = useTransition();
  const run = (subscribe: boolean) =>
    start(async () => {
      const r = await setNewsletterAction({ subscribe });
      setStatus(r);
    });
  return (
    <div>
      {subscribed ? (
        <button type="button" className="secondary" disabled={pending} onClick={() => run(false)}>
          {pending ? "Afmelder …" : "Afmeld nyhedsbrevet"}
        </button>
      ) : (
        <button type="button" disabled={pending} onClick={() => run(true)}>
          {pending ? "Tilmelder …" : "Tilmeld nyhedsbrevet"}
        </button>
      )}
      <FormStatus status={status} />
    </div>
  );
}

/**
 * The customer's "Modtag notifikation" subscriptions, each with "Afmeld". The status line belongs to the
 * list, not the row, so the confirmation stays when the server re-renders the list without the row.
 */
export function NotificationList({ items }: { items: { id: string; productName: string; createdLabel: string }[] }) {
  const [status, setStatus] = useState<Status>(null);
  const [pending, start] = useTransition();
  return (
    <>
      {items.length === 0 ? (
        <p>Du er ikke tilmeldt nogen notifikationer.</p>
      ) : (
        <ul aria-label="Dine notifikationer">
          {items.map((n) => (
            <li key={n.id} className="actions">
              <span>
                {n.productName} <span className="muted small">(tilmeldt {n.createdLabel})</span>
              </span>
              <button
                type="button"
                className="secondary"
                aria-label={`Afmeld ${n.productName}`}
                disabled={pending}
                onClick={() => start(async () => setStatus(await unsubscribeNotificationAction({ id: n.id })))}
              >
                Afmeld
              </button>
            </li>
          ))}
        </ul>
      )}
      <FormStatus status={status} />
    </>
  );
}

/** 4.8 objection and 4.6 restriction share one form: a reason, sent to the staff queue. */
export function ReasonForm({ kind, submitLabel }: { kind: "objection" | "restriction"; submitLabel: string }) {
  const [status, setStatus] = useState<Status>(null);
  const id = `${kind}-reason`;
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useSchemaForm(reasonSchema, { defaultValues: { reason: "" } });
  const onSubmit = handleSubmit(async (values) => {
    const r = await (kind === "objection" ? objectAction(values) : restrictAction(values));
    setStatus(r);
    if (r.ok) reset();
    else applyFieldErrors(r.fieldErrors, setError, ["reason"] as const);
  });
  return (
    <form method="post" className="stack" onSubmit={onSubmit} noValidate aria-label={submitLabel}>
      <div className="field">
        <label htmlFor={id}>Begrundelse</label>
        <textarea
          id={id}
          rows={3}
          aria-invalid={errors.reason ? true : undefined}
          aria-describedby={errors.reason ? `${id}-error` : undefined}
          {...register("reason")}
        />
        <FieldMessage id={id} message={errors.reason?.message} />
      </div>
      <FormStatus status={status} />
      <div>
        <button type="submit" disabled={isSubmitting}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}

/**
 * Art. 21(2)-(3): the objection to direct marketing is one click, with no reason asked. The status line lives
 * here, above the button that changes, so the confirmation stays when the page re-renders.
 */
export function MarketingObjection({ objects }: { objects: boolean }) {
  const [status, setStatus] = useState<Status>(null);
  const [pending, start] = useTransition();
  const run = (object: boolean) =>
    start(async () => {
      const r = await (object ? objectToMarketingAction({}) : withdrawMarketingObjectionAction({}));
      setStatus(r);
    });
  return (
    <div>
      {objects ? (
        <button type="button" className="secondary" disabled={pending} onClick={() => run(false)}>
          {pending ? "Tilbagekalder …" : "Tilbagekald min indsigelse"}
        </button>
      ) : (
        <button type="button" disabled={pending} onClick={() => run(true)}>
          {pending ? "Registrerer …" : "Gør indsigelse mod direkte markedsføring"}
        </button>
      )}
      <FormStatus status={status} />
    </div>
  );
}
