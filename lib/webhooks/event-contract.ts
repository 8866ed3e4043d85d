import { z } from "zod";
import { OUTBOUND_EVENT_KINDS } from "@/lib/policy/recipients";

// The format of the events the portal sends (webhooks) and serves (pull feed), version 1 (issue 9).
// schemas/events/v1/event.schema.json is generated from this (`npm run schemas`); how a receiver verifies the
// signature is in schemas/README.md and lib/webhooks/signing.ts.

const nullableText = z.string().nullable();

export const eventEnvelope = z
  .strictObject({
    specVersion: z.literal("1"),
    /** Unique per event; a receiver stores it and ignores a second delivery with the same id. */
    id: z.uuid(),
    /** Increasing; the pull feed's cursor. */
    sequence: z.number().int().min(1),
    type: z.enum(OUTBOUND_EVENT_KINDS),
    occurredAt: z.iso.datetime(),
    /** The clause-3 recipient this copy is for (lib/policy/recipients.ts). */
    recipient: z.string(),
    /** Where the duty to tell comes from (GDPR article, clause of the Persondatapolitik). */
    basis: z.string().nullable(),
    data: z.strictObject({
      /** The shop's customer id (null for a customer the shop never sent) and the customer number. */
      customer: z.strictObject({ id: z.string().nullable(), customerNumber: z.number().int() }),
      /** customer.rectified: only the corrected fields, with their new values (null after erasure). */
      fields: z
        .strictObject({
          name: nullableText.optional(),
          street: nullableText.optional(),
          postalCode: nullableText.optional(),
          city: nullableText.optional(),
          country: nullableText.optional(),
          phone: nullableText.optional(),
          email: nullableText.optional(),
        })
        .optional(),
      /** notification.unsubscribed: the shop's subscription id, or the e-mail when the shop sent no id. */
      subscription: z.strictObject({ id: z.string().nullable(), productSku: z.string(), email: z.string().optional() }).optional(),
    }),
  })
  .meta({ title: "Hændelse til modtagere (GDPR art. 19)", description: "Sendes som signeret HTTP POST og i GET /api/v1/events." });

export const eventFeedPage = z
  .strictObject({
    events: z.array(eventEnvelope),
    /** Pass as ?after= to get the next page; the same value when there is nothing new. */
    next: z.string(),
    hasMore: z.boolean(),
  })
  .meta({ title: "Side af hændelsesfeedet (GET /api/v1/events)" });
