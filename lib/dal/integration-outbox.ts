import "server-only";
import { randomUUID } from "node:crypto";
import type { Tx } from "./db";
import { recipientsForEvent, type OutboundEventKind } from "@/lib/policy/recipients";
import { pseudonym } from "@/lib/log";
import { Prisma } from "@/lib/generated/prisma/client";
import { inList, jsonRows, newIdExpr, ts } from "./sql";

// The outbox (issue 9, GDPR art. 19, clause 3). Every change a recipient must hear of writes one event and one
// delivery per recipient of lib/policy/recipients.ts, inside the transaction of the change itself: the change
// and the duty to tell commit together or not at all. The webhook worker (lib/webhooks/worker.ts) and the pull
// feed (GET /api/v1/events) deliver them. Payloads carry what a recipient needs to find the person in its own
// system (the shop's customer id and the customer number) and the changed values, nothing more.

/** Fields a customer can correct (4.4) that recipients hold. */
export const RECTIFIABLE_FIELDS = ["name", "street", "postalCode", "city", "country", "phone", "email"] as const;
export type RectifiableField = (typeof RECTIFIABLE_FIELDS)[number];

export interface OutboundEventInput {
  kind: OutboundEventKind;
  /** The portal's customer id. The customer must still exist in `tx` (record erasure before the row goes). */
  customerId: string;
  /** The privacy request behind the change, if any (staff see per request who was told). */
  requestId?: string | null;
  /** customer.rectified: the corrected fields with their new values (only those that changed). */
  fields?: Partial<Record<RectifiableField, string | null>>;
  /** notification.unsubscribed: which subscription (the shop's id when known, else the e-mail and product). */
  subscription?: { externalId: string | null; email: string; productSku: string };
  occurredAt?: Date;
}

export interface OutboundPayload {
  customer: { id: string | null; customerNumber: number };
  fields?: Partial<Record<RectifiableField, string | null>>;
  subscription?: { id: string | null; productSku: string; email?: string };
}

/**
 * Writes one outbound event and its deliveries in `tx`. Call it inside the transaction of the change.
 * Returns null (and writes nothing) when the customer does not exist in `tx` or a rectification changed no
 * field a recipient holds.
 */
export async function recordOutboundEvent(tx: Tx, input: OutboundEventInput): Promise<{ id: string; seq: number } | null> {
  const customer = await tx.customer.findUnique({ where: { id: input.customerId }, select: { externalId: true, customerNumber: true } });
  if (!customer) return null;
  const payload: OutboundPayload = { customer: { id: customer.externalId, customerNumber: customer.customerNumber } };
  if (input.kind === "customer.rectified") {
    const fields = Object.fromEntries(
      Object.entries(input.fields ?? {}).filter(([k]) => (RECTIFIABLE_FIELDS as readonly string[]).includes(k)),
    ) as OutboundPayload["fields"];
    if (!fields || Object.keys(fields).length === 0) return null;
    payload.fields = fields;
  }
  if (input.subscription) {
    const s = input.subscription;
    // Data minimisation: the shop's own id identifies the subscription; the e-mail only when there is no id.
    payload.subscription = s.externalId ? { id: s.externalId, productSku: s.productSku } : { id: null, productSku: s.productSku, email: s.email };
  }
  const occurredAt = input.occurredAt ?? new Date();
  const id = randomUUID();
  const event = await tx.outboundEvent.create({
    data: { id, kind: input.kind, subjectRef: input.customerId, requestId: input.requestId ?? null, payload: JSON.stringify(payload), occurredAt },
    select: { seq: true },
  });
  const recipients = recipientsForEvent(input.kind);
  if (recipients.length) {
    await tx.outboundDelivery.createMany({
      data: recipients.map((recipient) => ({ eventSeq: event.seq, recipient, status: "pending", nextAttemptAt: occurredAt })),
    });
  }
  return { id, seq: event.seq };
}

/**
 * Erasure (4.5, art. 17) supersedes what recipients have not yet been told about the same person: their undelivered
 * copies are closed (the erasure event that follows tells them everything they need), and the corrected values
 * and e-mail addresses in earlier events' payloads are removed, so nothing readable of the person stays in the outbox.
 * Set-based (raw SQL, lib/dal/sql.ts): the retention job passes a whole batch of accounts.
 */
export async function supersedeOutboxForErasure(tx: Tx, customerIds: string[], now: Date): Promise<void> {
  if (customerIds.length === 0) return;
  const handledNote = "Overflødig: kunden er slettet, og modtageren får besked om sletningen.";
  await tx.$executeRaw`
    UPDATE "OutboundDelivery" SET "status" = 'handled', "handledBy" = 'system', "handledNote" = ${handledNote}, "claimedUntil" = NULL, "lastAttemptAt" = ${ts(now)}
    WHERE "id" IN (
      SELECT d."id" FROM "OutboundEvent" e CROSS JOIN "OutboundDelivery" d
      WHERE ${inList(Prisma.raw('e."subjectRef"'), customerIds)} AND d."eventSeq" = e."seq" AND d."status" IN ('pending', 'failed', 'manual'))`;
  // (CROSS JOIN: SQLite then goes from the persons' events to their deliveries, instead of reading every pending
  // delivery by the status index, which made erasing in batches quadratic in the size of the outbox.)
  const events = await tx.$queryRaw<{ seq: unknown; payload: string }[]>`
    SELECT e."seq" AS "seq", e."payload" AS "payload" FROM "OutboundEvent" e
    WHERE ${inList(Prisma.raw('e."subjectRef"'), customerIds)} AND e."kind" IN ('customer.rectified', 'notification.unsubscribed')`;
  for (const e of events) {
    const p = JSON.parse(e.payload) as OutboundPayload;
    const minimal: OutboundPayload = {
      customer: p.customer,
      ...(p.fields ? { fields: Object.fromEntries(Object.keys(p.fields).map((k) => [k, null])) } : {}),
      ...(p.subscription ? { subscription: { id: p.subscription.id, productSku: p.subscription.productSku } } : {}),
    };
    await tx.outboundEvent.update({ where: { seq: Number(e.seq) }, data: { payload: JSON.stringify(minimal) } });
  }
}

/** The keyed hash under which an erased customer's shop id is remembered (ImportTombstone). */
export function tombstoneKey(externalId: string): string {
  return pseudonym("erased-shop-customer", externalId);
}

/**
 * Called once from the erasure transaction (4.5, 5.1), before the accounts go: every recipient of clause 3 hears of
 * the erasure (art. 17(2), 19), what they had not yet been told about the person is superseded, and the shop's id is
 * remembered as a keyed hash so the shop's next import cannot bring the person back.
 */
export async function recordErasureForRecipients(tx: Tx, customerIds: string[], now: Date, requestId?: string): Promise<void> {
  if (customerIds.length === 0) return;
  await supersedeOutboxForErasure(tx, customerIds, now);
  const linked = await recordErasureOutboundEvents(tx, customerIds, now, requestId ?? null);
  const keys = [...new Set(linked.map(tombstoneKey))];
  if (keys.length) {
    // `WHERE 1 = 1`: SQLite needs it to read ON CONFLICT after INSERT … SELECT.
    await tx.$executeRaw`
      INSERT INTO "ImportTombstone" ("key", "createdAt")
      SELECT t."key", ${ts(now)} FROM ${jsonRows(
        keys.map((key) => ({ key })),
        ["key"],
        "t",
      )} WHERE 1 = 1
      ON CONFLICT ("key") DO NOTHING`;
  }
}

/**
 * recordOutboundEvent for "erasure.completed" of many customers at once (the retention job erases accounts in
 * batches, issue 12): the same events (one per customer, with its own random id and the payload recordOutboundEvent
 * writes) and one delivery per recipient, in three statements whatever the batch's size.
 * Returns the shop ids (externalId) of the customers that have one, for the tombstones.
 */
export async function recordErasureOutboundEvents(tx: Tx, customerIds: string[], now: Date, requestId: string | null = null): Promise<string[]> {
  if (customerIds.length === 0) return [];
  const customers = await tx.$queryRaw<{ id: string; externalId: string | null; customerNumber: unknown }[]>`
    SELECT c."id" AS "id", c."externalId" AS "externalId", c."customerNumber" AS "customerNumber" FROM "Customer" c
    WHERE ${inList(Prisma.raw('c."id"'), customerIds)} ORDER BY c."id"`;
  if (customers.length === 0) return [];
  const rows = customers.map((c) => ({
    id: randomUUID(),
    subjectRef: c.id,
    payload: JSON.stringify({ customer: { id: c.externalId, customerNumber: Number(c.customerNumber) } } satisfies OutboundPayload),
  }));
  await tx.$executeRaw`
    INSERT INTO "OutboundEvent" ("id", "kind", "subjectRef", "requestId", "payload", "occurredAt")
    SELECT r."id", 'erasure.completed', r."subjectRef", ${requestId}, r."payload", ${ts(now)}
    FROM ${jsonRows(rows, ["id", "subjectRef", "payload"], "r")} ORDER BY r."n"`;
  const recipients = recipientsForEvent("erasure.completed");
  if (recipients.length) {
    await tx.$executeRaw`
      INSERT INTO "OutboundDelivery" ("id", "eventSeq", "recipient", "status", "attempts", "nextAttemptAt")
      SELECT ${newIdExpr()}, e."seq", d."recipient", 'pending', 0, ${ts(now)}
      FROM "OutboundEvent" e CROSS JOIN ${jsonRows(
        recipients.map((recipient) => ({ recipient })),
        ["recipient"],
        "d",
      )}
      WHERE ${inList(
        Prisma.raw('e."id"'),
        rows.map((r) => r.id),
      )}
      ORDER BY e."seq", d."n"`;
  }
  return customers.flatMap((c) => (c.externalId ? [c.externalId] : []));
}
