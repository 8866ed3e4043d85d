import { z } from "zod";

// The published import contract (issue 9), version 1: one record kind per line of an NDJSON file (bulk import,
// `npm run import`) or per element of `records` (live ingest, POST /api/v1/ingest). Records carry the shop's own
// ids (`id`, `customerId`, `orderId`, `subscriptionId`); the portal keeps them beside its own. The JSON Schemas in
// schemas/import/v1/ are generated from these definitions (`npm run schemas`; test/import-contract.test.ts fails
// when they differ) and served at /api/v1/schemas/import/v1/<kind>.schema.json.

export const CONTRACT_VERSION = 1;

// Letters of any alphabet and the punctuation of names and addresses; no control or bidi characters, no markup.
const SAFE_TEXT = /^[\p{L}\p{M}\p{N} .,'’\-/&()#°+]+$/u;
const NO_CONTROL = /^[^\p{Cc}\p{Cf}<>]*$/u;

const shopId = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9._:\-]+$/, "Kun bogstaver a-z, tal og . _ : -");
const text = (max: number) => z.string().trim().min(1).max(max).regex(SAFE_TEXT, "Indeholder tegn, portalen ikke kan bruge");
const freeText = (max: number) => z.string().max(max).regex(NO_CONTROL, "Indeholder kontroltegn eller markup");
const instant = z.iso.datetime({ offset: true });
const ore = z.number().int().min(-1_000_000_000).max(1_000_000_000);
const country = z.string().regex(/^[A-Z]{2}$/, "Landekode med to store bogstaver (ISO 3166-1)");
const email = z.email().max(254);
const ip = z.union([z.ipv4(), z.ipv6()]);
const sku = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9._\-/]+$/, "Ugyldigt varenummer");
const head = <K extends string>(kind: K) => ({ kind: z.literal(kind), v: z.literal(CONTRACT_VERSION) });

const address = z.strictObject({
  name: text(200),
  street: text(200),
  postalCode: z
    .string()
    .trim()
    .min(1)
    .max(12)
    .regex(/^[A-Za-z0-9 \-]+$/),
  city: text(100),
  country,
});

export const customerRecord = z
  .strictObject({
    ...head("customer"),
    id: shopId,
    /** The customer number the customer knows (4.5.2). */
    customerNumber: z.number().int().min(1).max(2_000_000_000),
    name: text(200),
    street: text(200),
    postalCode: z
      .string()
      .trim()
      .min(1)
      .max(12)
      .regex(/^[A-Za-z0-9 \-]+$/),
    city: text(100),
    country,
    email,
    phone: z
      .string()
      .regex(/^\+?[0-9 ]{4,20}$/)
      .nullable()
      .optional(),
    createdAt: instant.optional(),
    /** Last purchase, change of data or login in the shop (5.1). */
    lastActivityAt: instant.optional(),
    /**
     * When the shop last changed this customer's name, address, e-mail or phone. A correction the customer made in
     * the portal (4.4) after this time is kept; without it, a portal correction is always kept.
     */
    updatedAt: instant.optional(),
  })
  .meta({ title: "Kunde", description: 'En kundekonto (pkt. 2.1.2, 2.5.1). Importerede kunder har ingen adgangskode; de får adgang via "Opret adgang".' });

export const orderRecord = z
  .strictObject({
    ...head("order"),
    id: shopId,
    orderNumber: z
      .string()
      .min(1)
      .max(40)
      .regex(/^[A-Za-z0-9\-]+$/),
    /** The shop's customer id; null for a guest purchase. */
    customerId: shopId.nullable(),
    placedAt: instant,
    /** 2.3.2: collected to prevent fraud. */
    ipAddress: ip.nullable().optional(),
    shipping: address.nullable().optional(),
    totalOre: ore,
    carrier: text(60).optional(),
    lines: z
      .array(
        z.strictObject({
          sku,
          name: freeText(200).min(1),
          quantity: z.number().int().min(1).max(100_000),
          unitPriceOre: ore,
          returnedQuantity: z.number().int().min(0).max(100_000).optional(),
          returnedAt: instant.nullable().optional(),
          returnReason: freeText(500).nullable().optional(),
        }),
      )
      .min(1)
      .max(500),
  })
  .meta({ title: "Ordre", description: "Et køb med varelinjer og eventuelle returneringer (pkt. 2.1.2; slettes efter pkt. 5.3)." });

export const invoiceRecord = z
  .strictObject({
    ...head("invoice"),
    id: shopId,
    invoiceNumber: z
      .string()
      .min(1)
      .max(40)
      .regex(/^[A-Za-z0-9\-]+$/),
    /** The shop's order id, if the invoice bills an order. */
    orderId: shopId.nullable().optional(),
    customerId: shopId.nullable(),
    issuedAt: instant,
    description: freeText(300).min(1),
    netOre: ore,
    vatOre: ore,
    totalOre: ore,
    /** The name and address as issued: never changed by a later correction (5.2). */
    billing: address,
  })
  .meta({ title: "Faktura", description: "En udstedt faktura (pkt. 5.2). Beløb i øre; netOre + vatOre = totalOre." });

export const websiteEventRecord = z
  .strictObject({
    ...head("website_event"),
    id: shopId,
    customerId: shopId,
    occurredAt: instant,
    type: z.enum(["page_view", "search", "product_click"]),
    path: freeText(500).nullable().optional(),
    searchTerm: freeText(200).nullable().optional(),
    productSku: sku.nullable().optional(),
    browser: freeText(100).min(1),
    device: freeText(100).min(1),
    ipAddress: ip,
  })
  .meta({
    title: "Adfærd på hjemmesiden",
    description:
      "Én hændelse (pkt. 2.1.1). Afvises og tælles, men gemmes ikke, for kunder der har gjort indsigelse (4.8) eller fået behandlingen begrænset (4.6).",
  });

export const consentEventRecord = z
  .strictObject({
    ...head("consent_event"),
    id: shopId,
    customerId: shopId,
    purpose: z.literal("newsletter"),
    action: z.enum(["given", "withdrawn"]),
    occurredAt: instant,
    channel: text(60),
    /** The version of the consent wording the customer saw (4.9). */
    wordingVersion: z
      .string()
      .min(1)
      .max(60)
      .regex(/^[A-Za-z0-9._\-]+$/),
  })
  .meta({ title: "Samtykke", description: "Tilmelding til eller afmelding af nyhedsbrevet (pkt. 2.2.3, 4.9). Hændelser ændres aldrig." });

export const notificationSubscriptionRecord = z
  .strictObject({
    ...head("notification_subscription"),
    id: shopId,
    email,
    productSku: sku,
    productName: freeText(200).min(1),
    createdAt: instant,
  })
  .meta({ title: "Modtag notifikation", description: 'Tilmelding til "Modtag notifikation": kun e-mail og vare (pkt. 5a.1).' });

export const notifiedRecord = z
  .strictObject({
    ...head("notified"),
    /** The shop's id of the subscription. */
    subscriptionId: shopId,
    notifiedAt: instant,
  })
  .meta({ title: "Underretning sendt", description: "Underretningen er sendt; portalen sletter tilmeldingen (pkt. 5a.3)." });

export const RECORD_SCHEMAS = {
  customer: customerRecord,
  order: orderRecord,
  invoice: invoiceRecord,
  website_event: websiteEventRecord,
  consent_event: consentEventRecord,
  notification_subscription: notificationSubscriptionRecord,
  notified: notifiedRecord,
} as const;

export type RecordKind = keyof typeof RECORD_SCHEMAS;
export const RECORD_KINDS = Object.keys(RECORD_SCHEMAS) as RecordKind[];

export type CustomerRecord = z.infer<typeof customerRecord>;
export type OrderRecord = z.infer<typeof orderRecord>;
export type InvoiceRecord = z.infer<typeof invoiceRecord>;
export type WebsiteEventRecord = z.infer<typeof websiteEventRecord>;
export type ConsentEventRecord = z.infer<typeof consentEventRecord>;
export type NotificationSubscriptionRecord = z.infer<typeof notificationSubscriptionRecord>;
export type NotifiedRecord = z.infer<typeof notifiedRecord>;
export type ImportRecord =
  CustomerRecord | OrderRecord | InvoiceRecord | WebsiteEventRecord | ConsentEventRecord | NotificationSubscriptionRecord | NotifiedRecord;

export function isRecordKind(v: unknown): v is RecordKind {
  return typeof v === "string" && v in RECORD_SCHEMAS;
}

/** Danish reason for a record that does not fit the contract: field paths and rules, never the values. */
export function parseRecord(value: unknown): { ok: true; record: ImportRecord } | { ok: false; reason: string } {
  if (!value || typeof value !== "object" || Array.isArray(value)) return { ok: false, reason: "Posten er ikke et JSON-objekt" };
  const kind = (value as { kind?: unknown }).kind;
  if (!isRecordKind(kind)) return { ok: false, reason: `Ukendt "kind"; tilladt: ${RECORD_KINDS.join(", ")}` };
  const r = RECORD_SCHEMAS[kind].safeParse(value);
  if (r.success) {
    const rec = r.data;
    if (rec.kind === "invoice" && rec.netOre + rec.vatOre !== rec.totalOre) return { ok: false, reason: "totalOre: skal være netOre + vatOre" };
    if (rec.kind === "order") {
      for (const [i, l] of rec.lines.entries()) {
        if ((l.returnedQuantity ?? 0) > l.quantity) return { ok: false, reason: `lines.${i}.returnedQuantity: større end quantity` };
      }
    }
    return { ok: true, record: rec };
  }
  const reason = r.error.issues
    .slice(0, 5)
    .map(
      (i) =>
        `${i.path.join(".") || "(posten)"}: ${i.code === "unrecognized_keys" ? `ukendte felter ${(i as { keys?: string[] }).keys?.join(", ")}` : i.message}`,
    )
    .join("; ");
  return { ok: false, reason };
}
