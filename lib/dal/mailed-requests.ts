import "server-only";
import { db } from "./db";
import { assertStaffRole } from "./roles";
import type { CustomerPrincipal, StaffPrincipal } from "./session";
import { nextRequestNumber, type RequestType } from "./requests";
import { recordOutboundEvent } from "./integration-outbox";
import { exportChunks } from "./export";
import { requestDueDate, STAFF_PERMISSIONS } from "@/lib/policy";

// Issue 10, item 9: the policy's own channel is e-mail (4.2.3, 4.5.2) and letters (4.2.2). Staff register such
// a request for the customer it names (by customer number or e-mail), with the one-month deadline (art. 12(3))
// counted from when it arrived, and handle it like a request made in the portal.

export type MailedChannel = "email" | "letter";

export interface RegisterMailedRequestInput {
  /** A customer number ("100001") or an e-mail address. */
  customer: string;
  type: RequestType;
  channel: MailedChannel;
  receivedAt: Date;
  /** What the customer wrote (their reason for an objection or restriction, the correction asked for …). */
  note: string;
}

export type RegisterMailedRequestResult =
  | { ok: true; id: string; requestNumber: string; dueAt: Date; customerNumber: number; subjectRef: string }
  | { ok: false; error: "no-customer" | "already-open" | "future" };

async function findCustomer(ref: string): Promise<{ id: string; customerNumber: number } | null> {
  const trimmed = ref.trim();
  if (/^\d{1,9}$/.test(trimmed)) return db.customer.findUnique({ where: { customerNumber: Number(trimmed) }, select: { id: true, customerNumber: true } });
  return db.customer.findUnique({ where: { email: trimmed.toLowerCase() }, select: { id: true, customerNumber: true } });
}

const OPEN = ["awaiting_signature", "signature_received", "open"] as const;

export async function registerMailedRequest(
  staff: StaffPrincipal,
  input: RegisterMailedRequestInput,
  now: Date = new Date(),
): Promise<RegisterMailedRequestResult> {
  assertStaffRole(staff, STAFF_PERMISSIONS.registerMailedRequest.roles);
  if (input.receivedAt.getTime() > now.getTime()) return { ok: false, error: "future" };
  const customer = await findCustomer(input.customer);
  if (!customer) return { ok: false, error: "no-customer" };
  return db.$transaction(async (tx) => {
    const open = await tx.privacyRequest.findFirst({ where: { customerId: customer.id, type: input.type, status: { in: [...OPEN] } }, select: { id: true } });
    if (open) return { ok: false as const, error: "already-open" as const };
    const requestNumber = await nextRequestNumber(tx, input.type, now);
    const dueAt = requestDueDate(input.receivedAt);
    const created = await tx.privacyRequest.create({
      data: {
        requestNumber,
        customerId: customer.id,
        subjectRef: customer.id,
        type: input.type,
        // 4.2.2: erasure needs the signed document, whatever the channel.
        status: input.type === "erasure" ? "awaiting_signature" : "open",
        reason: input.note || null,
        createdAt: now,
        receivedAt: input.receivedAt,
        dueAt,
        channel: input.channel,
        registeredBy: staff.staffId,
      },
      select: { id: true },
    });
    // The same effects as in the portal: an objection (4.8) stops behaviour being recorded, a restriction (4.6)
    // limits processing to storage, at once, and the recipients hear of it in this transaction.
    if (input.type === "objection" || input.type === "restriction") {
      await tx.customer.update({
        where: { id: customer.id },
        data: input.type === "objection" ? { objectsToAnalytics: true } : { processingRestricted: true },
      });
      await recordOutboundEvent(tx, {
        kind: input.type === "objection" ? "objection.registered" : "restriction.started",
        customerId: customer.id,
        requestId: created.id,
        occurredAt: now,
      });
    }
    return { ok: true as const, id: created.id, requestNumber, dueAt, customerNumber: customer.customerNumber, subjectRef: customer.id };
  });
}

export type ExportForRequest =
  | { ok: true; requestNumber: string; email: string; name: string; json: string; subjectRef: string }
  | { ok: false; error: "not-found" | "wrong-type" | "closed" };

/** 4.3, 4.7: the customer's export for an open access or portability request (the dpo only, 6.2). */
export async function exportForRequest(staff: StaffPrincipal, requestId: string, now: Date = new Date()): Promise<ExportForRequest> {
  assertStaffRole(staff, STAFF_PERMISSIONS.sendExport.roles);
  const r = await db.privacyRequest.findUnique({
    where: { id: requestId },
    select: { requestNumber: true, type: true, status: true, customer: { select: { id: true, email: true, name: true, customerNumber: true } } },
  });
  if (!r || !r.customer) return { ok: false, error: "not-found" };
  if (r.type !== "access" && r.type !== "portability") return { ok: false, error: "wrong-type" };
  if (r.status !== "open") return { ok: false, error: "closed" };
  // The export reads only by customer id; this principal exists only to build it and never reaches a session.
  const subject: CustomerPrincipal = {
    kind: "customer",
    customerId: r.customer.id,
    sessionId: "",
    name: r.customer.name,
    customerNumber: r.customer.customerNumber,
  };
  const chunks = await exportChunks(subject, now);
  if (!chunks) return { ok: false, error: "not-found" };
  let json = "";
  for await (const c of chunks) json += c;
  return { ok: true, requestNumber: r.requestNumber, email: r.customer.email, name: r.customer.name, json, subjectRef: r.customer.id };
}

/** Closes an access or portability request once its export has been sent. */
export async function completeExportRequest(staff: StaffPrincipal, requestId: string, now: Date = new Date()): Promise<boolean> {
  assertStaffRole(staff, STAFF_PERMISSIONS.sendExport.roles);
  const r = await db.privacyRequest.updateMany({
    where: { id: requestId, type: { in: ["access", "portability"] }, status: "open" },
    data: { status: "completed", closedAt: now, handledBy: staff.staffId, resolution: "Eksporten er sendt til kundens e-mailadresse." },
  });
  return r.count === 1;
}
