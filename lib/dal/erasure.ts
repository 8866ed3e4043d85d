import "server-only";
import { db, type Tx } from "./db";
import { recordAudit } from "./audit";
import { assertStaffRole } from "./roles";
import type { StaffPrincipal } from "./session";
import { orderRetainUntil } from "@/lib/policy";
import { recordErasureForRecipients } from "./integration-outbox";

// Carrying out erasure (4.5) in one transaction, for a request (staff) or for inactivity (5.1, the retention job).
// Removed: the account, consents, marketing profile, website behaviour, notification subscriptions and sessions.
// Kept without any link to the person (4.5.1, 5.2): orders (number, date, lines, amounts) until 5 years after
// purchase (5.3) and invoices with what bookkeeping requires until their 5.2 date. Requests keep only a
// pseudonymous reference. Interrupted halfway, nothing changes.

export interface ErasureSummary {
  ordersKept: number;
  invoicesKept: number;
  websiteEventsDeleted: number;
  consentEventsDeleted: number;
  notificationsDeleted: number;
}

/** Erases a batch of customers with set-based statements (the retention job passes hundreds at once). */
export async function eraseCustomersInTx(tx: Tx, customerIds: string[], now: Date, opts: { requestId?: string } = {}): Promise<ErasureSummary> {
  const customers = await tx.customer.findMany({ where: { id: { in: customerIds } }, select: { id: true, email: true } });
  const ids = customers.map((c) => c.id);
  const summary: ErasureSummary = { ordersKept: 0, invoicesKept: 0, websiteEventsDeleted: 0, consentEventsDeleted: 0, notificationsDeleted: 0 };
  if (ids.length === 0) return summary;
  const inIds = { in: ids };

  // Art. 17(2) / 19: every recipient of clause 3 hears of the erasure; written before the account row goes.
  await recordErasureForRecipients(tx, ids, now, opts.requestId);

  summary.notificationsDeleted = (await tx.notificationSubscription.deleteMany({ where: { email: { in: customers.map((c) => c.email) } } })).count;
  summary.websiteEventsDeleted = (await tx.websiteEvent.deleteMany({ where: { customerId: inIds } })).count;
  summary.consentEventsDeleted = (await tx.consentEvent.deleteMany({ where: { customerId: inIds } })).count;
  await tx.marketingProfile.deleteMany({ where: { customerId: inIds } });
  await tx.authSession.deleteMany({ where: { customerId: inIds } });

  // Orders: the person goes (name, address, IP); number, date, lines and amounts stay until 5.3's date.
  const orders = await tx.order.findMany({ where: { customerId: inIds }, select: { id: true, placedAt: true } });
  await tx.order.updateMany({
    where: { customerId: inIds },
    data: { customerId: null, ipAddress: null, shippingName: null, shippingStreet: null, shippingPostalCode: null, shippingCity: null, shippingCountry: null },
  });
  for (const o of orders) await tx.order.update({ where: { id: o.id }, data: { retainUntil: orderRetainUntil(o.placedAt) } });
  if (orders.length) await tx.orderLine.updateMany({ where: { orderId: { in: orders.map((o) => o.id) } }, data: { returnReason: null } });
  summary.ordersKept = orders.length;

  // Invoices: no link to the account; the billing name and address as issued stay, as bookkeeping requires (5.2).
  summary.invoicesKept = (await tx.invoice.updateMany({ where: { customerId: inIds }, data: { customerId: null } })).count;

  // Requests: free text may hold personal data; the pseudonymous reference and the course of the request stay.
  await tx.privacyRequest.updateMany({ where: { customerId: inIds }, data: { reason: null, customerId: null } });

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
  return db.$transaction(async (tx) => {
    const r = await tx.privacyRequest.findUnique({ where: { id: requestId }, select: { type: true, status: true, customerId: true, subjectRef: true } });
    if (!r || r.type !== "erasure") return { ok: false as const, error: "not-found" as const };
    if (r.status !== "signature_received" || !r.customerId) return { ok: false as const, error: "wrong-state" as const };
    const contact = await tx.customer.findUniqueOrThrow({ where: { id: r.customerId }, select: { email: true, name: true } });
    const { requestNumber } = await tx.privacyRequest.findUniqueOrThrow({ where: { id: requestId }, select: { requestNumber: true } });
    const summary = await eraseCustomersInTx(tx, [r.customerId], now, { requestId });
    await tx.privacyRequest.update({
      where: { id: requestId },
      data: {
        status: "completed",
        closedAt: now,
        handledBy: staff.staffId,
        resolution: `Slettet. Beholdt uden kobling til personen: ${summary.ordersKept} ordrer (pkt. 4.5.1, 5.3) og ${summary.invoicesKept} fakturaer (pkt. 5.2, bogføringsloven).`,
      },
    });
    await recordAudit(
      {
        actorType: "staff",
        actorRef: staff.staffId,
        action: "erasure.executed",
        subjectRef: r.subjectRef,
        occurredAt: now,
        details: {
          ordersKept: summary.ordersKept,
          invoicesKept: summary.invoicesKept,
          legalBasisKept: ["4.5.1 retskrav og bogføring", "5.2 bogføringsloven", "5.3 købsoplysninger i 5 år"],
        },
      },
      tx,
    );
    return { ok: true as const, subjectRef: r.subjectRef, summary, notify: { ...contact, requestNumber } };
  });
}
