"use client";
import { useState } from "react";
import { useSchemaForm } from "./use-schema-form";
import { COUNTRIES } from "@/lib/validation/countries";
import type { ProfileFormValues } from "@/lib/validation/profile";
import { updateProfileAction } from "@/lib/actions/account";
import { applyFieldErrors, FieldMessage, FormStatus, TextField } from "./form";

// The schema is loaded when a field is first focused (components/use-schema-form.ts, issue 12).
const profileSchema = () => import("@/lib/validation/client/profile.bundle").then((m) => m.profileSchema);

const FIELDS = ["name", "street", "postalCode", "city", "country", "phone", "email", "currentPassword", "version"] as const;

const LABELS: Record<string, string> = {
  name: "Navn",
  street: "Vej og husnummer",
  postalCode: "Postnummer",
  city: "By",
  country: "Land",
  phone: "Telefonnummer",
  email: "E-mailadresse",
  currentPassword: "Nuværende adgangskode",
};

const PASSWORD_NEEDED = "Skriv din nuværende adgangskode for at ændre e-mailadressen.";

function invalidMessage(fields: string[]): string {
  const names = FIELDS.filter((f) => fields.includes(f) && LABELS[f]).map((f) => LABELS[f]);
  return names.length === 1 ? `Ret feltet ${names[0]}.` : `Ret ${names.length} felter: ${names.join(", ")}.`;
}

export function ProfileForm({ initial }: { initial: Omit<ProfileFormValues, "currentPassword"> }) {
  const [status, setStatus] = useState<{ ok: boolean; message: string } | null>(null);
  const [savedEmail, setSavedEmail] = useState(initial.email);
  const {
    register,
    handleSubmit,
    setError,
    setValue,
    watch,
    formState: { errors, isSubmitting },
  } = useSchemaForm(profileSchema, {
    defaultValues: { ...initial, currentPassword: "" },
    mode: "onTouched",
  });
  const email = watch("email");
  const country = watch("country");
  const emailChanging = (email ?? "").trim().toLowerCase() !== savedEmail.toLowerCase();

  const onSubmit = handleSubmit(
    async (values) => {
      setStatus(null);
      const { currentPassword, ...rest } = values;
      if (emailChanging && !currentPassword) {
        // One message, in the status line and under the field alike (issue 13.5).
        setError("currentPassword", { type: "required", message: PASSWORD_NEEDED }, { shouldFocus: true });
        setStatus({ ok: false, message: PASSWORD_NEEDED });
        return;
      }
      const r = await updateProfileAction(emailChanging ? values : rest);
      setStatus(r);
      if (r.ok) {
        if (r.data) setValue("version", r.data.version);
        setValue("currentPassword", "");
        setSavedEmail(values.email);
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
      <TextField id="name" label="Navn" autoComplete="name" error={errors.name} registration={register("name")} />
      <TextField id="street" label="Vej og husnummer" autoComplete="street-address" error={errors.street} registration={register("street")} />
      <div className="row">
        <TextField
          id="postalCode"
          label="Postnummer"
          autoComplete="postal-code"
          inputMode={country === "DK" ? "numeric" : "text"}
          error={errors.postalCode}
          registration={register("postalCode")}
        />
        <TextField id="city" label="By" autoComplete="address-level2" error={errors.city} registration={register("city")} />
      </div>
      <div className="field">
        <label htmlFor="country">Land</label>
        <select
          id="country"
          autoComplete="country"
          aria-invalid={errors.country ? true : undefined}
          aria-describedby={errors.country ? "country-error" : undefined}
          {...register("country")}
        >
          {COUNTRIES.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
        <FieldMessage id="country" message={errors.country?.message} />
      </div>
      <TextField
        id="phone"
        label="Telefonnummer"
        type="tel"
        autoComplete="tel"
        hint={country === "DK" ? "8 cifre, evt. med +45 foran" : "Med landekode, fx +46 701234567"}
        error={errors.phone}
        registration={register("phone")}
      />
      <TextField id="email" label="E-mailadresse" type="email" autoComplete="email" error={errors.email} registration={register("email")} />
      {emailChanging ? (
        <TextField
          id="currentPassword"
          label="Nuværende adgangskode"
          type="password"
          autoComplete="current-password"
          hint="Skal bruges, når du ændrer e-mailadressen"
          error={errors.currentPassword}
          registration={register("currentPassword")}
        />
      ) : null}
      <FormStatus status={status} />
      <div>
        <button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Gemmer …" : "Gem ændringer"}
        </button>
      </div>
    </form>
  );
}
