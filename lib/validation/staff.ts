import * as z from "zod/mini";
import "./zod";
import { freeText } from "./text";

const id = z.string({ error: "Ukendt anmodning" }).check(z.minLength(1, "Ukendt anmodning"), z.maxLength(64, "Ukendt anmodning"));

/** 4.2.2: the verification code printed on the signed document, e.g. "ABCD-EF23". */
export const recordSignatureSchema = z.strictObject({
  requestId: id,
  code: z
    .string({ error: "Skriv koden fra dokumentet" })
    .check(
      z.trim(),
      z.minLength(1, "Skriv koden fra dokumentet"),
      z.maxLength(20, "Koden er for lang"),
      z.regex(/^[A-Za-z0-9\- ]+$/, "Koden består af bogstaver og tal, fx ABCD-EF23"),
    ),
  confirmSigned: z.literal(true, { error: "Bekræft, at dokumentet er underskrevet" }),
});
export type RecordSignatureInput = z.input<typeof recordSignatureSchema>;

export const executeErasureSchema = z.strictObject({ requestId: id });

export const resolveRequestSchema = z.strictObject({
  requestId: id,
  decision: z.enum(["completed", "rejected"], { error: "Vælg en afgørelse" }),
  resolution: freeText("Skriv en begrundelse").check(z.minLength(5, "Skriv en kort begrundelse"), z.maxLength(2000, "Højst 2000 tegn")),
});
export type ResolveRequestInput = z.input<typeof resolveRequestSchema>;

export const invoiceSearchSchema = z.strictObject({
  q: z.string().check(z.trim(), z.maxLength(40, "Højst 40 tegn"), z.regex(/^[A-Za-z0-9\-]*$/, "Søg på faktura- eller ordrenummer, fx F-50001")),
});

const reasons = freeText("Skriv begrundelsen til kunden").check(
  z.minLength(10, "Skriv begrundelsen til kunden (mindst 10 tegn)"),
  z.maxLength(2000, "Højst 2000 tegn"),
);

/** Art. 12(4): refusing an erasure needs the reasons, which the customer receives with the complaint line. */
export const refuseErasureSchema = z.strictObject({ requestId: id, reasons });
export type RefuseErasureInput = z.input<typeof refuseErasureSchema>;

/** Art. 18(3): the customer is told before a restriction is lifted, with why. */
export const announceRestrictionLiftSchema = z.strictObject({ requestId: id, reasons });
export type AnnounceRestrictionLiftInput = z.input<typeof announceRestrictionLiftSchema>;

/** Issue 10.9 (4.2.3, 4.5.2): a request that came by e-mail or letter, registered by staff. */
export const registerMailedRequestSchema = z.strictObject({
  customer: z
    .string({ error: "Skriv kundenummer eller e-mailadresse" })
    .check(
      z.trim(),
      z.minLength(1, "Skriv kundenummer eller e-mailadresse"),
      z.maxLength(254, "Højst 254 tegn"),
      z.regex(/^(\d{1,9}|[^\s@]+@[^\s@]+\.[^\s@]+)$/, "Skriv et kundenummer (fx 100001) eller en e-mailadresse"),
    ),
  type: z.enum(["access", "portability", "rectification", "erasure", "restriction", "objection"], { error: "Vælg hvilken ret anmodningen gælder" }),
  channel: z.enum(["email", "letter"], { error: "Vælg e-mail eller brev" }),
  receivedOn: z.string({ error: "Skriv datoen, anmodningen kom" }).check(
    z.regex(/^\d{4}-\d{2}-\d{2}$/, "Skriv datoen som åååå-mm-dd"),
    z.refine((v) => !Number.isNaN(Date.parse(`${v}T12:00:00Z`)), "Ugyldig dato"),
  ),
  note: freeText("Skriv hvad kunden bad om").check(z.maxLength(2000, "Højst 2000 tegn")),
});
export type RegisterMailedRequestInput = z.input<typeof registerMailedRequestSchema>;

export const sendExportSchema = z.strictObject({ requestId: id });
