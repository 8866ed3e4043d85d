import "server-only";
import { db, type Tx } from "./db";
import { recordAudit } from "./audit";
import type { StaffPrincipal } from "./session";
import { orderRetainUntil } from "@/lib/policy";

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

export async function eraseCustomerInTx(tx: Tx, customerId: string, now: Date): Promise<ErasureSummary | null> {
  const customer = await tx.customer.findUnique({ where: { id: customerId }, select: { id: true, email: true } });
  if (!customer) return null;

  const notifications = await tx.notificationSubscription.deleteMany({ where: { email: customer.email } });
  const websiteEvents = await tx.websiteEvent.deleteMany({ where: { customerId } });
  const consentEvents = await tx.consentEvent.deleteMany({ where: { customerId } });
  await tx.marketingProfile.deleteMany({ where: { customerId } });
  await tx.authSession.deleteMany({ where: { customerId } });

  // Orders: the person goes (name, address, IP); number, date, lines and amounts stay until 5.3's date.
  const orders = await tx.order.findMany({ where: { customerId }, select: { id: true, placedAt: true } });
  for (const o of orders) {
    await tx.order.update({
      where: { id: o.id },
      data: {
        customerId: null,
        ipAddress: null,
        shippingName: null,
        shippingStreet: null,
        shippingPostalCode: null,
        shippingCity: null,
        shippingCountry: null,
        retainUntil: orderRetainUntil(o.placedAt),
      },
    });
  }
  await tx.orderLine.updateMany({ where: { order: { id: { in: orders.map((o) => o.id) } } }, data: { returnReason: null } });

  // Invoices: no link to the account; the billing name and address as issued stay, as bookkeeping requires (5.2).
  const invoices = await tx.invoice.updateMany({ where: { customerId }, data: { customerId: null } });

  // Requests: free text may hold personal data; the pseudonymous reference and the course of the request stay.
  await tx.privacyRequest.updateMany({ where: { customerId }, data: { reason: null, customerId: null } });

  await tx.customer.delete({ where: { id: customerId } });
  return {
    ordersKept: orders.length,
    invoicesKept: invoices.count,
    websiteEventsDeleted: websiteEvents.count,
    consentEventsDeleted: consentEvents.count,
    notificationsDeleted: notifications.count,
  };
}

export type ExecuteErasureResult =
  | { ok: true; subjectRef: string; summary: ErasureSummary }
  | { ok: false; error: "not-found" | "wrong-state" };

/** "Gennemfør sletning": only a request whose signed document has been verified (4.2.2). */
export async function executeErasure(staff: StaffPrincipal, requestId: string, now: Date = new Date()): Promise<ExecuteErasureResult> {
  return db.$transaction(async (tx) => {
    const r = await tx.privacyRequest.findUnique({ where: { id: requestId }, select: { type: true, status: true, customerId: true, subjectRef: true } });
    if (!r || r.type !== "erasure") return { ok: false as const, error: "not-found" as const };
    if (r.status !== "signature_received" || !r.customerId) return { ok: false as const, error: "wrong-state" as const };
    const summary = await eraseCustomerInTx(tx, r.customerId, now);
    if (!summary) return { ok: false as const, error: "not-found" as const };
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
    return { ok: true as const, subjectRef: r.subjectRef, summary };
  });
}
