import "server-only";
import { deleteMailOf } from "./mail-queue";
import { db, type Tx } from "./db";
import { recordAudit } from "./audit";
import { assertStaffRole } from "./roles";
import type { StaffPrincipal } from "./session";
import { recordErasureForRecipients } from "./integration-outbox";
import { env } from "@/lib/env";
import { pseudonym } from "@/lib/log";

// Carrying out erasure (4.5) in one transaction, for a request (staff) or for inactivity (5.1, the retention job).
// Removed: the account, consents, marketing profile, website behaviour, notification subscriptions and sessions.
// Kept (4.5.1, 5.2, 5.3): orders (number, date, lines, amounts) without the person, until 5 years after the
// purchase (5.3, the date follows from placedAt); invoices with the billing name and address as issued, as
// bookkeeping requires, but no link to the account, until their 5.2 date. The person's requests and audit
// events keep only a keyed pseudonym (never the account id again), and are deleted after the period in
// lib/policy (AUDIT_RETENTION). Open requests are closed with the reason. Interrupted halfway, nothing changes.
// On SQLite, deleted rows are overwritten (secure_delete) and the WAL is checkpointed afterwards, so nothing
// of the person stays readable in the database files (issue 10 item 6).

export interface ErasureSummary {
  ordersKept: number;
  invoicesKept: number;
  websiteEventsDeleted: number;
  consentEventsDeleted: number;
  notificationsDeleted: number;
  requestsClosed: number;
}

/** The reference an erased person's requests and audit events keep: a keyed hash, not the account id. */
export function erasedSubjectRef(customerId: string): string {
  return pseudonym("slettet", customerId);
}

const isSqlite = () => env.DATABASE_URL.startsWith("file:");

/**
 * SQLite: overwrite deleted content with zeros (PRAGMA secure_delete is per connection; the better-sqlite3
 * adapter holds one, so this holds for every later statement too). Nothing on other databases.
 */
export async function ensureSecureDelete(): Promise<void> {
  if (!isSqlite()) return;
  await db.$queryRawUnsafe("PRAGMA secure_delete = ON");
}

/** SQLite: copy the WAL into the database file and truncate it, so the old page images of erased rows are gone. */
export async function checkpointAfterErasure(): Promise<void> {
  if (!isSqlite()) return;
  await db.$queryRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
}

/** Erases a batch of customers with set-based statements (the retention job passes hundreds at once). */
export async function eraseCustomersInTx(tx: Tx, customerIds: string[], now: Date, opts: { requestId?: string; reason?: string } = {}): Promise<ErasureSummary> {
  const customers = await tx.customer.findMany({ where: { id: { in: customerIds } }, select: { id: true, email: true } });
  const ids = customers.map((c) => c.id);
  const summary: ErasureSummary = { ordersKept: 0, invoicesKept: 0, websiteEventsDeleted: 0, consentEventsDeleted: 0, notificationsDeleted: 0, requestsClosed: 0 };
  if (ids.length === 0) return summary;
  const inIds = { in: ids };

  // Art. 17(2) / 19: every recipient of clause 3 hears of the erasure; written before the account row goes.
  await recordErasureForRecipients(tx, ids, now, opts.requestId);

  summary.notificationsDeleted = (await tx.notificationSubscription.deleteMany({ where: { email: { in: customers.map((c) => c.email) } } })).count;
  summary.websiteEventsDeleted = (await tx.websiteEvent.deleteMany({ where: { customerId: inIds } })).count;
  summary.consentEventsDeleted = (await tx.consentEvent.deleteMany({ where: { customerId: inIds } })).count;
  await tx.marketingProfile.deleteMany({ where: { customerId: inIds } });
  await tx.authSession.deleteMany({ where: { customerId: inIds } });
  await deleteMailOf(tx, ids, customers.map((c) => c.email)); // the person's stored mail (issue 10.6, lib/policy/mail.ts)

  // Orders: the person goes (name, address, IP, return reasons); number, date, lines and amounts stay until 5.3's date.
  await tx.orderLine.updateMany({ where: { returnReason: { not: null }, order: { customerId: inIds } }, data: { returnReason: null } });
  summary.ordersKept = (
    await tx.order.updateMany({
      where: { customerId: inIds },
      data: { customerId: null, ipAddress: null, shippingName: null, shippingStreet: null, shippingPostalCode: null, shippingCity: null, shippingCountry: null },
    })
  ).count;

  // Invoices: no link to the account; the billing name and address as issued stay, as bookkeeping requires (5.2).
  summary.invoicesKept = (await tx.invoice.updateMany({ where: { customerId: inIds }, data: { customerId: null } })).count;

  // Requests still open are closed with the reason (an objection of an erased customer must not stay open for ever).
  summary.requestsClosed = (
    await tx.privacyRequest.updateMany({
      where: { customerId: inIds, status: { in: ["awaiting_signature", "signature_received", "open"] } },
      data: { status: "cancelled", closedAt: now, resolution: `Lukket: ${opts.reason ?? "kontoen er slettet"}.` },
    })
  ).count;

  // Requests and audit events keep a pseudonym instead of the account id; free text of requests goes.
  // Only the few customers that have any get a statement of their own (one pseudonym each).
  const withRequests = await tx.privacyRequest.findMany({ where: { customerId: inIds }, select: { subjectRef: true }, distinct: ["subjectRef"] });
  await tx.privacyRequest.updateMany({ where: { customerId: inIds }, data: { reason: null, customerId: null } });
  for (const { subjectRef } of withRequests) {
    if (ids.includes(subjectRef)) await tx.privacyRequest.updateMany({ where: { subjectRef }, data: { subjectRef: erasedSubjectRef(subjectRef) } });
  }
  // The audit trail is append-only (a trigger refuses UPDATE): the person's events are written again under the
  // pseudonym, with their own id, time, action and details, and the originals deleted, in this transaction.
  const idSet = new Set(ids);
  // Two queries (one list of ids each: SQLite allows 999 parameters per statement), merged by event id.
  const byId = new Map<string, Awaited<ReturnType<typeof tx.auditEvent.findMany>>[number]>();
  for (const e of await tx.auditEvent.findMany({ where: { subjectRef: inIds } })) byId.set(e.id, e);
  for (const e of await tx.auditEvent.findMany({ where: { actorType: "customer", actorRef: inIds } })) byId.set(e.id, e);
  const events = [...byId.values()];
  for (let i = 0; i < events.length; i += 500) {
    const chunk = events.slice(i, i + 500);
    await tx.auditEvent.deleteMany({ where: { id: { in: chunk.map((e) => e.id) } } });
    await tx.auditEvent.createMany({
      data: chunk.map((e) => ({
        ...e,
        subjectRef: e.subjectRef && idSet.has(e.subjectRef) ? erasedSubjectRef(e.subjectRef) : e.subjectRef,
        actorRef: e.actorType === "customer" && idSet.has(e.actorRef) ? erasedSubjectRef(e.actorRef) : e.actorRef,
      })),
    });
  }

  await tx.customer.deleteMany({ where: { id: inIds } });
  return summary;
}

export type ExecuteErasureResult =
  /** `notify`: where to send the confirmation, read before the account went; never stored again. */
  | { ok: true; subjectRef: string; summary: ErasureSummary; notify: { email: string; name: string; requestNumber: string } }
  | { ok: false; error: "not-found" | "wrong-state" };

/** "Gennemfør sletning": only a request whose signed document has been verified (4.2.2). */
export async function executeErasure(staff: StaffPrincipal, requestId: string, now: Date = new Date()): Promise<ExecuteErasureResult> {
  assertStaffRole(staff, ["dpo"]);
  await ensureSecureDelete();
  const result = await db.$transaction(async (tx) => {
    const r = await tx.privacyRequest.findUnique({ where: { id: requestId }, select: { type: true, status: true, customerId: true, requestNumber: true } });
    if (!r || r.type !== "erasure") return { ok: false as const, error: "not-found" as const };
    if (r.status !== "signature_received" || !r.customerId) return { ok: false as const, error: "wrong-state" as const };
    const contact = await tx.customer.findUniqueOrThrow({ where: { id: r.customerId }, select: { email: true, name: true } });
    // This request is completed below; mark it first so that closing the person's open requests leaves it alone.
    await tx.privacyRequest.update({ where: { id: requestId }, data: { status: "completed", closedAt: now, handledBy: staff.staffId } });
    const summary = await eraseCustomersInTx(tx, [r.customerId], now, { requestId, reason: `kunden er slettet efter anmodning ${r.requestNumber}` });
    const subjectRef = erasedSubjectRef(r.customerId);
    await tx.privacyRequest.update({
      where: { id: requestId },
      data: {
        resolution: `Slettet. Beholdt: ${summary.ordersKept} ordrer uden navn, adresse og IP-adresse (pkt. 4.5.1, 5.3) og ${summary.invoicesKept} fakturaer med navn og adresse, som de blev udstedt, uden kobling til kontoen (pkt. 5.2, bogføringsloven).`,
      },
    });
    await recordAudit(
      {
        actorType: "staff",
        actorRef: staff.staffId,
        action: "erasure.executed",
        subjectRef,
        occurredAt: now,
        details: {
          ordersKept: summary.ordersKept,
          invoicesKept: summary.invoicesKept,
          requestsClosed: summary.requestsClosed,
          legalBasisKept: ["4.5.1 retskrav og bogføring", "5.2 bogføringsloven", "5.3 købsoplysninger i 5 år"],
        },
      },
      tx,
    );
    return { ok: true as const, subjectRef, summary, notify: { ...contact, requestNumber: r.requestNumber } };
  });
  if (result.ok) await checkpointAfterErasure();
  return result;
}
