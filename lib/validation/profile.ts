import * as z from "zod/mini";
import "./zod";
import { freeText } from "./text";
import { COUNTRY_CODES } from "./countries";

export { countryName } from "./countries";

// 4.4: the customer's own correction of their name, address and phone. One schema for the form
// (components/profile-form.tsx) and the action. The e-mail address changes with the password
// (/konto/oplysninger/adgangskode, ./email-change.ts).
//
// Written for the browser's bytes (issue 12): each zod/mini feature a schema uses is code the form downloads, so the
// checks that need no feature of their own run in the one object-level refinement below (the country against the
// list, the version as a whole number, the characters of the free-text fields, the Danish and foreign formats), and
// the phone is normalised by an overwrite (already there for free text), not a pipe and a transform: ~1.5 kB gzip
// less, and ~130 B more for the characters (test/schemas.test.ts). The refinement runs beside the fields' own checks (none of them aborts), and a value
// it rejects is never accepted: a type error elsewhere fails the parse without it.

// Letters from any alphabet, spaces and the punctuation names and addresses use; no control characters or markup.
const SAFE_TEXT = /^[\p{L}\p{M}\p{N} .,'’\-/&()#°]+$/u;

const RELOAD = "Genindlæs siden og prøv igen";

/** The free-text fields, as the message about their characters names them (checked below). */
const SAFE_TEXT_FIELDS = { name: "Dit navn", street: "Vej og husnummer", city: "By" } as const;

const text = (label: string, max: number) => freeText(`Skriv ${label}`).check(z.minLength(1, `Skriv ${label}`), z.maxLength(max, `Højst ${max} tegn`));

export const profileSchema = z
  .strictObject({
    name: text("dit navn", 100),
    street: text("vej og husnummer", 120),
    postalCode: z.string({ error: "Skriv postnummer" }).check(z.trim(), z.minLength(1, "Skriv postnummer"), z.maxLength(12, "Højst 12 tegn")),
    city: text("by", 60),
    /** One of COUNTRY_CODES (checked below). */
    country: z.string({ error: "Vælg et land fra listen" }),
    phone: z.string({ error: "Ugyldigt telefonnummer" }).check(z.trim(), z.maxLength(20, "Højst 20 tegn")),
    /** The version the form was based on (optimistic concurrency, 4.4): a whole number ≥ 0 (checked below). */
    version: z.number({ error: RELOAD }),
  })
  .check(
    z.superRefine((v, ctx) => {
      if (!Number.isSafeInteger(v.version) || v.version < 0) ctx.addIssue({ code: "custom", path: ["version"], message: RELOAD });
      for (const [field, label] of Object.entries(SAFE_TEXT_FIELDS) as [keyof typeof SAFE_TEXT_FIELDS, string][]) {
        // An empty field has its own message ("Skriv …").
        if (v[field] && !SAFE_TEXT.test(v[field])) ctx.addIssue({ code: "custom", path: [field], message: `${label} indeholder tegn, vi ikke kan bruge` });
      }
      if (!(COUNTRY_CODES as readonly string[]).includes(v.country)) {
        ctx.addIssue({ code: "custom", path: ["country"], message: "Vælg et land fra listen" });
      } else if (v.country === "DK") {
        if (!/^\d{4}$/.test(v.postalCode)) {
          ctx.addIssue({ code: "custom", path: ["postalCode"], message: "Et dansk postnummer er 4 cifre" });
        }
        const phone = v.phone.replace(/\s/g, "");
        if (phone && !/^(\+45)?\d{8}$/.test(phone)) {
          ctx.addIssue({ code: "custom", path: ["phone"], message: "Et dansk telefonnummer er 8 cifre, evt. med +45 foran" });
        }
      } else {
        if (!/^[A-Za-z0-9][A-Za-z0-9 \-]{1,10}$/.test(v.postalCode)) {
          ctx.addIssue({ code: "custom", path: ["postalCode"], message: "Postnummeret må kun indeholde bogstaver, tal, mellemrum og bindestreg" });
        }
        const phone = v.phone.replace(/[\s\-()]/g, "");
        if (phone && !/^\+?\d{6,15}$/.test(phone)) {
          ctx.addIssue({ code: "custom", path: ["phone"], message: "Skriv telefonnummeret med landekode, fx +46 701234567" });
        }
      }
    }),
    z.overwrite((v) => ({ ...v, phone: normalisePhone(v.phone, v.country) })),
  );

export type ProfileFormValues = z.input<typeof profileSchema>;
export type ProfileInput = z.output<typeof profileSchema>;

function normalisePhone(phone: string, country: string): string {
  const compact = phone.replace(/[\s\-()]/g, "");
  if (!compact) return "";
  if (country === "DK") return compact.startsWith("+45") ? compact : `+45${compact}`;
  return compact;
}
