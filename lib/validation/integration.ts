import { z } from "zod";

// Staff handling of deliveries to the recipients of clause 3 (issue 9, GDPR art. 19).

const deliveryId = z.string({ error: "Ukendt levering" }).min(1, "Ukendt levering").max(64, "Ukendt levering");

export const retryDeliverySchema = z.strictObject({ deliveryId });

export const markDeliveryHandledSchema = z.strictObject({
  deliveryId,
  note: z
    .string({ error: "Skriv, hvordan modtageren er underrettet" })
    .trim()
    .min(3, "Skriv, hvordan modtageren er underrettet, fx \"Sendt pr. e-mail\"")
    .max(300, "Højst 300 tegn")
    .regex(/^[^\p{Cc}\p{Cf}<>]*$/u, "Teksten indeholder tegn, vi ikke kan bruge"),
});
export type MarkDeliveryHandledInput = z.input<typeof markDeliveryHandledSchema>;

export const deliveryFilterSchema = z.strictObject({
  kunde: z.string().trim().regex(/^\d{0,10}$/, "Kundenummer er kun cifre").optional(),
});
