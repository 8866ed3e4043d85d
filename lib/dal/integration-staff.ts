import "server-only";
import { db } from "./db";
import { assertStaffRole } from "./roles";
import type { StaffPrincipal } from "./session";
import { OUTBOUND_EVENTS, RECIPIENTS, type OutboundEventKind, type RecipientId } from "@/lib/policy/recipients";
import type { DeliveryStatus } from "./integration-deliveries";

// What staff see of the outbox (issue 9, art. 19): per request and per customer which recipients were told and
// which confirmed; failed deliveries first. The dpo can send one again or mark it handled by hand (the action
// wrapper audits both).

export interface DeliveryRow {
  id: string;
  eventId: string;
  kind: string;
  title: string;
  occurredAt: Date;
  recipient: string;
  recipientName: string;
  status: DeliveryStatus;
  attempts: number;
  lastError: string | null;
  lastAttemptAt: Date | null;
  deliveredAt: Date | null;
  confirmation: string | null;
  handledNote: string | null;
  /** Needs a person: failed for good, no endpoint, or failing for a while. */
  problem: boolean;
}

const rowSelect = {
  id: true,
  recipient: true,
  status: true,
  attempts: true,
  lastError: true,
  lastAttemptAt: true,
  deliveredAt: true,
  confirmation: true,
  handledNote: true,
  event: { select: { id: true, kind: true, occurredAt: true } },
} as const;

type RawRow = {
  id: string;
  recipient: string;
  status: string;
  attempts: number;
  lastError: string | null;
  lastAttemptAt: Date | null;
  deliveredAt: Date | null;
  confirmation: string | null;
  handledNote: string | null;
  event: { id: string; kind: string; occurredAt: Date };
};

function toRow(r: RawRow): DeliveryRow {
  const status = r.status as DeliveryStatus;
  return {
    id: r.id,
    eventId: r.event.id,
    kind: r.event.kind,
    title: OUTBOUND_EVENTS[r.event.kind as OutboundEventKind]?.title ?? r.event.kind,
    occurredAt: r.event.occurredAt,
    recipient: r.recipient,
    recipientName: RECIPIENTS[r.recipient as RecipientId]?.name ?? r.recipient,
    status,
    attempts: r.attempts,
    lastError: r.lastError,
    lastAttemptAt: r.lastAttemptAt,
    deliveredAt: r.deliveredAt,
    confirmation: r.confirmation,
    handledNote: r.handledNote,
    problem: status === "failed" || status === "manual" || (status === "pending" && r.attempts >= 3),
  };
}

const problemsFirst = (a: DeliveryRow, b: DeliveryRow) => Number(b.problem) - Number(a.problem) || b.occurredAt.getTime() - a.occurredAt.getTime();

/** The deliveries that need a person (failed, without endpoint, or failing repeatedly), then the latest others. */
export async function listDeliveries(staff: StaffPrincipal, opts: { customerNumber?: number; take?: number } = {}): Promise<DeliveryRow[]> {
  assertStaffRole(staff, ["support", "dpo"]);
  let subjectRef: string | undefined;
  if (opts.customerNumber !== undefined) {
    const c = await db.customer.findUnique({ where: { customerNumber: opts.customerNumber }, select: { id: true } });
    if (!c) return [];
    subjectRef = c.id;
  }
  const where = subjectRef ? { event: { subjectRef } } : {};
  const take = opts.take ?? 200;
  const [problems, recent] = await Promise.all([
    db.outboundDelivery.findMany({
      where: { ...where, OR: [{ status: { in: ["failed", "manual"] } }, { status: "pending", attempts: { gte: 3 } }] },
      orderBy: { eventSeq: "desc" },
      take,
      select: rowSelect,
    }),
    db.outboundDelivery.findMany({ where, orderBy: { eventSeq: "desc" }, take, select: rowSelect }),
  ]);
  const seen = new Set<string>();
  return [...problems, ...recent]
    .filter((r) => (seen.has(r.id) ? false : (seen.add(r.id), true)))
    .map(toRow)
    .sort(problemsFirst)
    .slice(0, take);
}

/** Which recipients were told of what a request changed (art. 19). */
export async function deliveriesForRequest(staff: StaffPrincipal, requestId: string): Promise<DeliveryRow[]> {
  assertStaffRole(staff, ["support", "dpo"]);
  const rows = await db.outboundDelivery.findMany({ where: { event: { requestId } }, orderBy: [{ eventSeq: "asc" }, { recipient: "asc" }], select: rowSelect });
  return rows.map(toRow).sort(problemsFirst);
}

export async function countDeliveryProblems(staff: StaffPrincipal): Promise<number> {
  assertStaffRole(staff, ["support", "dpo"]);
  return db.outboundDelivery.count({ where: { OR: [{ status: { in: ["failed", "manual"] } }, { status: "pending", attempts: { gte: 3 } }] } });
}

/** The dpo sends a delivery again now (failed for good, or waiting for an endpoint that is now set up). */
export async function retryDelivery(staff: StaffPrincipal, id: string, now = new Date()): Promise<boolean> {
  assertStaffRole(staff, ["dpo"]);
  const r = await db.outboundDelivery.updateMany({
    where: { id, status: { in: ["failed", "manual", "pending"] } },
    data: { status: "pending", nextAttemptAt: now, claimedUntil: null },
  });
  return r.count === 1;
}

/** The dpo told the recipient another way (e.g. "sendt pr. e-mail"). */
export async function markDeliveryHandled(staff: StaffPrincipal, id: string, note: string, now = new Date()): Promise<boolean> {
  assertStaffRole(staff, ["dpo"]);
  const r = await db.outboundDelivery.updateMany({
    where: { id, status: { in: ["failed", "manual", "pending"] } },
    data: { status: "handled", handledBy: staff.staffId, handledNote: note, lastAttemptAt: now, claimedUntil: null },
  });
  return r.count === 1;
}

/** Counts per recipient and status, for `npm run recipients -- list`. */
export async function deliveryCountsByRecipient(): Promise<Record<string, Record<string, number>>> {
  const groups = await db.outboundDelivery.groupBy({ by: ["recipient", "status"], _count: { _all: true } });
  const out: Record<string, Record<string, number>> = {};
  for (const g of groups) (out[g.recipient] ??= {})[g.status] = g._count._all;
  return out;
}
