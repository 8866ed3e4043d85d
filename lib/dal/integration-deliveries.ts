import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "./db";
import { env } from "@/lib/env";
import { sealSecret, openSecret } from "@/lib/webhooks/secret-box";
import { retryDelayMs, GIVE_UP_AFTER_MS } from "@/lib/webhooks/backoff";
import { OUTBOUND_EVENTS, type OutboundEventKind, type RecipientId } from "@/lib/policy/recipients";

// Delivery of the outbox (issue 9): endpoints of the recipients of clause 3, the worker's claims and outcomes.
// A delivery is claimed with a conditional update before it is sent, so two workers never send it at the same
// time; a crashed worker's claim expires and the delivery is sent again under the same event id (receivers
// deduplicate by it). The outcome is written after the receiver answered.

export type DeliveryStatus = "pending" | "delivered" | "failed" | "manual" | "handled";

// ---------------------------------------------------------------- endpoints (npm run recipients)

export interface EndpointView {
  id: string;
  recipient: string;
  url: string;
  active: boolean;
  createdAt: Date;
}

/** Configures the endpoint of a recipient; an earlier active endpoint of the same recipient is disabled. */
export async function setRecipientEndpoint(recipient: RecipientId, url: string, secret: string, now = new Date()): Promise<EndpointView> {
  return db.$transaction(async (tx) => {
    await tx.recipientEndpoint.updateMany({ where: { recipient, active: true }, data: { active: false, disabledAt: now } });
    const e = await tx.recipientEndpoint.create({
      data: { recipient, url, secretEnc: sealSecret(env.NEXTAUTH_SECRET, secret), createdAt: now },
      select: { id: true, recipient: true, url: true, active: true, createdAt: true },
    });
    // Copies that waited for an endpoint ("manual") can now be sent.
    await tx.outboundDelivery.updateMany({ where: { recipient, status: "manual" }, data: { status: "pending", nextAttemptAt: now } });
    return e;
  });
}

export async function disableRecipientEndpoint(recipient: RecipientId, now = new Date()): Promise<number> {
  return (await db.recipientEndpoint.updateMany({ where: { recipient, active: true }, data: { active: false, disabledAt: now } })).count;
}

export async function listRecipientEndpoints(): Promise<EndpointView[]> {
  return db.recipientEndpoint.findMany({
    orderBy: [{ recipient: "asc" }, { createdAt: "desc" }],
    select: { id: true, recipient: true, url: true, active: true, createdAt: true },
  });
}

export function generateWebhookSecret(): string {
  return "whsec_" + randomBytes(32).toString("base64url");
}

// ---------------------------------------------------------------- the worker's side

export interface ClaimedDelivery {
  id: string;
  recipient: string;
  attempts: number;
  event: { id: string; seq: number; kind: string; occurredAt: Date; payload: string };
  endpoint: { url: string; secret: string } | null;
  /** The recipient reads the pull feed instead (an API key with the events scope). */
  pulls: boolean;
}

/** Takes up to `limit` due deliveries for `claimMs`. */
export async function claimDueDeliveries(now: Date, limit = 20, claimMs = 2 * 60_000): Promise<ClaimedDelivery[]> {
  const due = await db.outboundDelivery.findMany({
    where: { status: "pending", nextAttemptAt: { lte: now }, OR: [{ claimedUntil: null }, { claimedUntil: { lt: now } }] },
    orderBy: [{ nextAttemptAt: "asc" }, { id: "asc" }],
    take: limit,
    select: { id: true },
  });
  const claimed: ClaimedDelivery[] = [];
  const endpoints = new Map<string, { url: string; secret: string } | null>();
  const pullers = new Map<string, boolean>();
  for (const { id } of due) {
    const taken = await db.outboundDelivery.updateMany({
      where: { id, status: "pending", OR: [{ claimedUntil: null }, { claimedUntil: { lt: now } }] },
      data: { claimedUntil: new Date(now.getTime() + claimMs) },
    });
    if (taken.count !== 1) continue;
    const d = await db.outboundDelivery.findUniqueOrThrow({
      where: { id },
      select: { id: true, recipient: true, attempts: true, event: { select: { id: true, seq: true, kind: true, occurredAt: true, payload: true } } },
    });
    if (!endpoints.has(d.recipient)) {
      const e = await db.recipientEndpoint.findFirst({
        where: { recipient: d.recipient, active: true },
        orderBy: { createdAt: "desc" },
        select: { url: true, secretEnc: true },
      });
      let resolved: { url: string; secret: string } | null = null;
      if (e) {
        try {
          resolved = { url: e.url, secret: openSecret(env.NEXTAUTH_SECRET, e.secretEnc) };
        } catch {
          resolved = null; // NEXTAUTH_SECRET changed: the secret must be set again; handled as "no endpoint"
        }
      }
      endpoints.set(d.recipient, resolved);
      const key = await db.apiKey.findFirst({ where: { recipient: d.recipient, revokedAt: null, scopes: { contains: "events" } }, select: { id: true } });
      pullers.set(d.recipient, Boolean(key));
    }
    claimed.push({ ...d, endpoint: endpoints.get(d.recipient) ?? null, pulls: pullers.get(d.recipient) ?? false });
  }
  return claimed;
}

export async function markDelivered(id: string, httpStatus: number, now: Date): Promise<void> {
  await db.outboundDelivery.update({
    where: { id },
    data: {
      status: "delivered",
      deliveredAt: now,
      lastAttemptAt: now,
      confirmation: `HTTP ${httpStatus}`,
      attempts: { increment: 1 },
      claimedUntil: null,
      lastError: null,
    },
  });
}

/** A failed attempt: retried with backoff, or failed for good after GIVE_UP_AFTER_MS since the event. */
export async function markAttemptFailed(d: Pick<ClaimedDelivery, "id" | "attempts" | "event">, error: string, now: Date): Promise<DeliveryStatus> {
  const attempts = d.attempts + 1;
  const giveUp = now.getTime() - d.event.occurredAt.getTime() >= GIVE_UP_AFTER_MS;
  await db.outboundDelivery.update({
    where: { id: d.id },
    data: {
      status: giveUp ? "failed" : "pending",
      attempts,
      lastAttemptAt: now,
      lastError: error.slice(0, 300),
      nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)),
      claimedUntil: null,
    },
  });
  return giveUp ? "failed" : "pending";
}

/** No endpoint and no pull feed: staff must tell the recipient another way (stands out in /personale). */
export async function markNeedsManual(id: string, now: Date): Promise<void> {
  await db.outboundDelivery.update({
    where: { id },
    data: { status: "manual", lastAttemptAt: now, claimedUntil: null, lastError: "Ingen modtageradresse er sat op" },
  });
}

/** The recipient reads the pull feed: look again in an hour whether it has confirmed (fetched past it). */
export async function deferToFeed(id: string, now: Date): Promise<void> {
  await db.outboundDelivery.update({ where: { id }, data: { nextAttemptAt: new Date(now.getTime() + 60 * 60_000), claimedUntil: null } });
}

/** The body recipients receive (schemas/events/v1/event.schema.json). Stable across retries. */
export function eventEnvelope(e: { id: string; seq: number; kind: string; occurredAt: Date; payload: string }, recipient: string) {
  const info = OUTBOUND_EVENTS[e.kind as OutboundEventKind];
  return {
    specVersion: "1",
    id: e.id,
    sequence: e.seq,
    type: e.kind,
    occurredAt: e.occurredAt.toISOString(),
    recipient,
    basis: info?.basis ?? null,
    data: JSON.parse(e.payload) as unknown,
  };
}
