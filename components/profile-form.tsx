"use client";
import { useState } from "react";
import { useSchemaForm } from "./use-schema-form";
import { COUNTRY_CODES, COUNTRY_NAMES } from "@/lib/validation/countries";
import type { ProfileFormValues } from "@/lib/validation/profile";
import { updateProfileAction } from "@/lib/actions/account";
import { applyFieldErrors, FieldMessage, FormStatus, TextField } from "./form";

// The schema is loaded when a field is first focused (components/use-schema-form.ts, issue 12).
const profileSchema = () => import("@/lib/validation/client/profile.bundle").then((m) => m.profileSchema);

/** The visible fields in the form's order, as the status line names them. */
const LABELS = {
  name: "Navn",
  street: "Vej og husnummer",
  postalCode: "Postnummer",
  city: "By",
  country: "Land",
  phone: "Telefonnummer",
} as const;
const LABELLED = Object.keys(LABELS) as (keyof typeof LABELS)[];
/** The fields a server refusal may name. */
const FIELDS = [...LABELLED, "version"] as const;

function invalidMessage(fields: string[]): string {
  const names = LABELLED.filter((f) => fields.includes(f)).map((f) => LABELS[f]);
  return names.length === 1 ? `Ret feltet ${names[0]}.` : `Ret ${names.length} felter: ${names.join(", ")}.`;
}

/** Name, address and phone (4.4.2); the e-mail address changes with the password (/konto/oplysninger/adgangskode). */
export function ProfileForm({ initial }: { initial: ProfileFormValues }) {
  const [status, setStatus] = useState<{ ok: boolean; message: string } | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    setValue,
    watch,
    formState: { errors, isSubmitting },
  } = useSchemaForm(profileSchema, { defaultValues: initial, mode: "onTouched" });
  const dk = watch("country") === "DK";

  const onSubmit = handleSubmit(
    async (values) => {
      setStatus(null);
      const r = await updateProfileAction(values);
      setStatus(r);
      if (r.ok) {
        if (r.data) setValue("version", r.data.version);
      } else {
        applyFieldErrors(r.fieldErrors, setError, FIELDS);
      }
    },
    (invalid) => {
      // The form hook has moved focus to the first invalid field; the status line says what to fix (issue 13.5).
      setStatus({ ok: false, message: invalidMessage(Object.keys(invalid)) });
    },
  );

  return (
    <form method="post" className="stack" onSubmit={onSubmit} noValidate aria-label="Dine oplysninger">
      <input type="hidden" {...register("version", { valueAsNumber: true })} />
      <TextField id="name" label={LABELS.name} autoComplete="name" error={errors.name} registration={register("name", { shown: true })} />
      <TextField id="street" label={LABELS.street} autoComplete="street-address" error={errors.street} registration={register("street", { shown: true })} />
      <div className="row">
        <TextField
          id="postalCode"
          label={LABELS.postalCode}
          autoComplete="postal-code"
          inputMode={dk ? "numeric" : "text"}
          error={errors.postalCode}
          registration={register("postalCode", { shown: true })}
        />
        <TextField id="city" label={LABELS.city} autoComplete="address-level2" error={errors.city} registration={register("city", { shown: true })} />
      </div>
      <div className="field">
        <label htmlFor="country">{LABELS.country}</label>
        <select
          id="country"
          autoComplete="country"
          aria-invalid={errors.country ? true : undefined}
          aria-describedby={errors.country ? "country-error" : undefined}
          {...register("country", { shown: true })}
        >
          {COUNTRY_CODES.map((code) => (
            <option key={code} value={code}>
              {COUNTRY_NAMES[code]}
            </option>
          ))}
        </select>
        <FieldMessage id="country" message={errors.country?.message} />
      </div>
      <TextField
        id="phone"
        label={LABELS.phone}
        type="tel"
        autoComplete="tel"
        hint={dk ? "8 cifre, evt. med +45 foran" : "Med landekode, fx +46 701234567"}
        error={errors.phone}
        registration={register("phone", { shown: true })}
      />
      <FormStatus status={status} />
      <div>
        <button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Gemmer …" : "Gem ændringer"}
        </button>
      </div>
    </form>
  );
}
