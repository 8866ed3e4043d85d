import * as z from "zod/mini";
import "./zod";

// Staff handling of deliveries to the recipients of clause 3 (issue 9, GDPR art. 19). zod/mini like every
// schema here (lib/validation/zod.ts): a classic `zod` import in a form's schema pulls all of zod's core into
// the chunk every form page shares (issue 12: +8 kB gzip on the customer's forms too).

const deliveryId = z.string({ error: "Ukendt levering" }).check(z.minLength(1, "Ukendt levering"), z.maxLength(64, "Ukendt levering"));

export const retryDeliverySchema = z.strictObject({ deliveryId });

export const markDeliveryHandledSchema = z.strictObject({
  deliveryId,
  note: z
    .string({ error: "Skriv, hvordan modtageren er underrettet" })
    .check(
      z.trim(),
      z.minLength(3, 'Skriv, hvordan modtageren er underrettet, fx "Sendt pr. e-mail"'),
      z.maxLength(300, "Højst 300 tegn"),
      z.regex(/^[^\p{Cc}\p{Cf}<>]*$/u, "Teksten indeholder tegn, vi ikke kan bruge"),
    ),
});
export type MarkDeliveryHandledInput = z.input<typeof markDeliveryHandledSchema>;

export const deliveryFilterSchema = z.strictObject({
  kunde: z.optional(z.string().check(z.trim(), z.regex(/^\d{0,10}$/, "Kundenummer er kun cifre"))),
});
