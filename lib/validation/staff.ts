import { z } from "zod";
import { freeText } from "./text";

const id = z.string({ error: "Ukendt anmodning" }).min(1, "Ukendt anmodning").max(64, "Ukendt anmodning");

/** 4.2.2: the verification code printed on the signed document, e.g. "ABCD-EF23". */
export const recordSignatureSchema = z.strictObject({
  requestId: id,
  code: z
    .string({ error: "Skriv koden fra dokumentet" })
    .trim()
    .min(1, "Skriv koden fra dokumentet")
    .max(20, "Koden er for lang")
    .regex(/^[A-Za-z0-9\- ]+$/, "Koden består af bogstaver og tal, fx ABCD-EF23"),
  confirmSigned: z.literal(true, { error: "Bekræft, at dokumentet er underskrevet" }),
});
export type RecordSignatureInput = z.input<typeof recordSignatureSchema>;

export const executeErasureSchema = z.strictObject({ requestId: id });

export const resolveRequestSchema = z.strictObject({
  requestId: id,
  decision: z.enum(["completed", "rejected"], { error: "Vælg en afgørelse" }),
  resolution: freeText("Skriv en begrundelse").min(5, "Skriv en kort begrundelse").max(2000, "Højst 2000 tegn"),
});
export type ResolveRequestInput = z.input<typeof resolveRequestSchema>;

export const invoiceSearchSchema = z.strictObject({
  q: z.string().trim().max(40, "Højst 40 tegn").regex(/^[A-Za-z0-9\-]*$/, "Søg på faktura- eller ordrenummer, fx F-50001"),
});
