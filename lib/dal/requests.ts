import "server-only";
import { db, queryRows, type Tx } from "./db";
import { Prisma } from "@/lib/generated/prisma/client";
import { num, toDate } from "./raw";
import { assertStaffRole } from "./roles";
import type { CustomerPrincipal, StaffPrincipal } from "./session";
import { accountDeletionDate, danishYear, requestDueDate, buildErasurePlan, parseFinancialYearEnd, type ErasurePlan } from "@/lib/policy";
import { env } from "@/lib/env";
import { codesMatch, verificationCode } from "@/lib/security/verification";
import { recordOutboundEvent } from "./integration-outbox";

// Privacy requests (4.5, 4.6, 4.8): the customer's side, scoped to the session's customer, and the
// staff queue (6.2). Statuses: erasure awaiting_signature → signature_received → completed | cancelled;
// objection/restriction open → completed | rejected.

export type RequestType = "erasure" | "objection" | "restriction" | "access" | "portability" | "rectification";
export type RequestStatus = "awaiting_signature" | "signature_received" | "open" | "completed" | "rejected" | "cancelled";
export const OPEN_STATUSES: RequestStatus[] = ["awaiting_signature", "signature_received", "open"];

const PREFIX: Record<RequestType, string> = { erasure: "SL", objection: "IN", restriction: "BG", access: "IS", portability: "DP", rectification: "BR" };

export async function nextRequestNumber(tx: Tx, type: RequestType, now: Date): Promise<string> {
  const year = danishYear(now);
  const prefix = `${PREFIX[type]}-${year}-`;
  const count = await tx.privacyRequest.count({ where: { requestNumber: { startsWith: prefix } } });
  return `${prefix}${String(count + 1).padStart(5, "0")}`;
}

export interface RequestView {
  id: string;
  requestNumber: string;
  type: RequestType;
  status: RequestStatus;
  reason: string | null;
  createdAt: Date;
  dueAt: Date;
  signatureReceivedAt: Date | null;
  closedAt: Date | null;
  resolution: string | null;
  /** "portal", "email" or "letter" (4.2.3, 4.5.2). */
  channel: string;
  /** When an e-mail or letter arrived (the deadline runs from here). */
  receivedAt: Date | null;
}

const requestSelect = {
  id: true,
  requestNumber: true,
  type: true,
  status: true,
  reason: true,
  createdAt: true,
  dueAt: true,
  signatureReceivedAt: true,
  closedAt: true,
  resolution: true,
  channel: true,
  receivedAt: true,
} as const;

export async function listMyRequests(c: CustomerPrincipal): Promise<RequestView[]> {
  return db.privacyRequest.findMany({ where: { customerId: c.customerId }, orderBy: { createdAt: "desc" }, select: requestSelect });
}

/** The customer's own request, or null: another customer's id answers exactly like an unknown id. */
export async function getMyRequest(c: CustomerPrincipal, id: string): Promise<RequestView | null> {
  return db.privacyRequest.findFirst({ where: { id, customerId: c.customerId }, select: requestSelect });
}

export type StartErasureResult = { ok: true; id: string; requestNumber: string } | { ok: false; error: "already-open"; requestNumber: string };

/** 4.5 / 4.2.2: an erasure request waits for the signed PDF; due one month ahead (GDPR art. 12(3)). One open at a time. */
export async function startErasure(c: CustomerPrincipal, now: Date = new Date()): Promise<StartErasureResult> {
  return db.$transaction(async (tx) => {
    const open = await tx.privacyRequest.findFirst({
      where: { customerId: c.customerId, type: "erasure", status: { in: OPEN_STATUSES } },
      select: { requestNumber: true },
    });
    if (open) return { ok: false as const, error: "already-open" as const, requestNumber: open.requestNumber };
    const requestNumber = await nextRequestNumber(tx, "erasure", now);
    const r = await tx.privacyRequest.create({
      data: {
        requestNumber,
        customerId: c.customerId,
        subjectRef: c.customerId,
        type: "erasure",
        status: "awaiting_signature",
        createdAt: now,
        dueAt: requestDueDate(now),
      },
      select: { id: true, requestNumber: true },
    });
    return { ok: true as const, ...r };
  });
}

/** The customer may cancel while the request waits for the signature. */
export async function cancelErasure(c: CustomerPrincipal, id: string, now: Date = new Date()): Promise<boolean> {
  const r = await db.privacyRequest.updateMany({
    where: { id, customerId: c.customerId, type: "erasure", status: "awaiting_signature" },
    data: { status: "cancelled", closedAt: now, resolution: "Annulleret af kunden" },
  });
  return r.count === 1;
}

export interface ErasureFactsForCustomer {
  orders: number;
  lastOrderAt: Date | null;
  invoices: number;
  lastInvoiceAt: Date | null;
}

/**
 * The counts and last dates the erasure plan (4.5.1) and its PDF (4.2.2) show, as columns of one SQL statement
 * scoped to the customer: four Prisma queries cost more in query planning than the index reads themselves (issue
 * 12, the PDF route of a customer with 10,000 orders was the slowest).
 */
function erasureFactsColumns(customerId: string): Prisma.Sql {
  return Prisma.sql`
        (SELECT COUNT(*) FROM "Order" o WHERE o."customerId" = ${customerId}) AS "orders",
        (SELECT MAX(o."placedAt") FROM "Order" o WHERE o."customerId" = ${customerId}) AS "lastOrderAt",
        (SELECT COUNT(*) FROM "Invoice" i WHERE i."customerId" = ${customerId}) AS "invoices",
        (SELECT MAX(i."issuedAt") FROM "Invoice" i WHERE i."customerId" = ${customerId}) AS "lastInvoiceAt"`;
}

type FactsRow = { orders: unknown; lastOrderAt: unknown; invoices: unknown; lastInvoiceAt: unknown };

function factsOf(r: FactsRow | undefined): ErasureFactsForCustomer {
  return { orders: num(r?.orders), lastOrderAt: toDate(r?.lastOrderAt), invoices: num(r?.invoices), lastInvoiceAt: toDate(r?.lastInvoiceAt) };
}

async function erasureFacts(customerId: string): Promise<ErasureFactsForCustomer> {
  return factsOf((await db.$queryRaw<FactsRow[]>`SELECT ${erasureFactsColumns(customerId)}`)[0]);
}

const planOf = (facts: ErasureFactsForCustomer): ErasurePlan => buildErasurePlan(facts, parseFinancialYearEnd(env.FINANCIAL_YEAR_END));

export async function myErasurePlan(c: CustomerPrincipal): Promise<ErasurePlan> {
  return planOf(await erasureFacts(c.customerId));
}

export interface ErasureDocument {
  request: { requestNumber: string; createdAt: Date; dueAt: Date; status: RequestStatus };
  customer: { customerNumber: number; name: string; street: string; postalCode: string; city: string; country: string; email: string };
  verificationCode: string;
  plan: ErasurePlan;
  contactEmail: string;
}

/** The row of getErasureDocument's statement: the document's fields, numbers and dates as the driver gives them. */
type DocumentRow = FactsRow &
  Omit<ErasureDocument["customer"], "customerNumber"> & {
    id: string;
    requestNumber: string;
    createdAt: unknown;
    dueAt: unknown;
    status: RequestStatus;
    customerNumber: unknown;
  };

/**
 * Everything the PDF of 4.2.2 shows. Only the owner's request is found: the request is read by its id AND the
 * session's customer. One statement (request, customer and the plan's counts) through `queryRows`, the path of
 * the per-request statements, because the PDF route is on the issue 12 table (p50 < 10 ms).
 */
export async function getErasureDocument(c: CustomerPrincipal, id: string): Promise<ErasureDocument | null> {
  const rows = await queryRows<DocumentRow>(Prisma.sql`
      SELECT r."id" AS "id", r."requestNumber" AS "requestNumber", r."createdAt" AS "createdAt", r."dueAt" AS "dueAt",
        r."status" AS "status", cu."customerNumber" AS "customerNumber", cu."name" AS "name", cu."street" AS "street",
        cu."postalCode" AS "postalCode", cu."city" AS "city", cu."country" AS "country", cu."email" AS "email",
        ${erasureFactsColumns(c.customerId)}
      FROM "PrivacyRequest" r JOIN "Customer" cu ON cu."id" = r."customerId"
      WHERE r."id" = ${id} AND r."customerId" = ${c.customerId} AND r."type" = 'erasure'`);
  const r = rows[0];
  if (!r) return null;
  const when = (v: unknown): Date => {
    const d = toDate(v);
    if (!d) throw new Error("erasure document: a request date is missing");
    return d;
  };
  return {
    request: { requestNumber: r.requestNumber, createdAt: when(r.createdAt), dueAt: when(r.dueAt), status: r.status },
    customer: {
      customerNumber: num(r.customerNumber),
      name: r.name,
      street: r.street,
      postalCode: r.postalCode,
      city: r.city,
      country: r.country,
      email: r.email,
    },
    verificationCode: verificationCode(env.NEXTAUTH_SECRET, r.id),
    plan: planOf(factsOf(r)),
    contactEmail: env.PRIVACY_CONTACT_EMAIL,
  };
}

// ---------------------------------------------------------------- staff (6.2)

export interface QueueRow {
  id: string;
  requestNumber: string;
  type: RequestType;
  status: RequestStatus;
  createdAt: Date;
  dueAt: Date;
  overdue: boolean;
  ageDays: number;
  customerNumber: number | null;
  customerName: string | null;
}

export async function listQueue(staff: StaffPrincipal, opts: { open: boolean }, now: Date = new Date()): Promise<QueueRow[]> {
  assertStaffRole(staff, ["support", "dpo"]);
  const rows = await db.privacyRequest.findMany({
    where: opts.open ? { status: { in: OPEN_STATUSES } } : { status: { notIn: OPEN_STATUSES } },
    orderBy: opts.open ? { dueAt: "asc" } : { closedAt: "desc" },
    take: 200,
    select: {
      id: true,
      requestNumber: true,
      type: true,
      status: true,
      createdAt: true,
      dueAt: true,
      customer: { select: { customerNumber: true, name: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    requestNumber: r.requestNumber,
    type: r.type,
    status: r.status,
    createdAt: r.createdAt,
    dueAt: r.dueAt,
    overdue: OPEN_STATUSES.includes(r.status) && r.dueAt < now,
    ageDays: Math.floor((now.getTime() - r.createdAt.getTime()) / 86_400_000),
    customerNumber: r.customer?.customerNumber ?? null,
    customerName: r.customer?.name ?? null,
  }));
}

export interface StaffRequestView extends RequestView {
  subjectRef: string;
  handledBy: string | null;
  /** Art. 18(3): when the customer was told that the restriction will be lifted. */
  liftNoticeSentAt: Date | null;
  /** 5.1: the account has been inactive for 5 years and is kept only because of a restriction (the retention job holds it). */
  heldFromRetention: boolean;
  /** The e-mail only for the dpo (6.2): support identifies the customer by name and number. */
  customer: { customerNumber: number; name: string; email: string | null; processingRestricted: boolean; objectsToAnalytics: boolean } | null;
  plan: ErasurePlan | null;
}

export async function getRequestForStaff(staff: StaffPrincipal, id: string, now: Date = new Date()): Promise<StaffRequestView | null> {
  assertStaffRole(staff, ["support", "dpo"]);
  const r = await db.privacyRequest.findUnique({
    where: { id },
    select: {
      ...requestSelect,
      subjectRef: true,
      handledBy: true,
      liftNoticeSentAt: true,
      customerId: true,
      customer: { select: { customerNumber: true, name: true, email: true, processingRestricted: true, objectsToAnalytics: true, lastActivityAt: true } },
    },
  });
  if (!r) return null;
  const { customerId, customer, ...rest } = r;
  const plan =
    r.type === "erasure" && customerId && OPEN_STATUSES.includes(r.status)
      ? buildErasurePlan(await erasureFacts(customerId), parseFinancialYearEnd(env.FINANCIAL_YEAR_END))
      : null;
  const heldFromRetention = !!customer && r.type === "restriction" && accountDeletionDate(customer.lastActivityAt) <= now;
  return {
    ...rest,
    heldFromRetention,
    customer: customer
      ? {
          customerNumber: customer.customerNumber,
          name: customer.name,
          email: staff.role === "dpo" ? customer.email : null,
          processingRestricted: customer.processingRestricted,
          objectsToAnalytics: customer.objectsToAnalytics,
        }
      : null,
    plan,
  };
}

export type SignatureResult = { ok: true; subjectRef: string } | { ok: false; error: "not-found" | "wrong-state" | "code-mismatch" };

/** 4.2.2: the signed document arrived and its verification code matches the request. */
export async function recordSignature(staff: StaffPrincipal, id: string, code: string, now: Date = new Date()): Promise<SignatureResult> {
  assertStaffRole(staff, ["support", "dpo"]);
  const r = await db.privacyRequest.findUnique({ where: { id }, select: { id: true, type: true, status: true, subjectRef: true } });
  if (!r || r.type !== "erasure") return { ok: false, error: "not-found" };
  if (r.status !== "awaiting_signature") return { ok: false, error: "wrong-state" };
  if (!codesMatch(verificationCode(env.NEXTAUTH_SECRET, r.id), code)) return { ok: false, error: "code-mismatch" };
  const u = await db.privacyRequest.updateMany({
    where: { id, status: "awaiting_signature" },
    data: { status: "signature_received", signatureReceivedAt: now, handledBy: staff.staffId },
  });
  return u.count === 1 ? { ok: true, subjectRef: r.subjectRef } : { ok: false, error: "wrong-state" };
}

export type ResolveResult =
  | { ok: true; subjectRef: string; notify: { email: string; name: string; requestNumber: string } | null }
  | { ok: false; error: "not-found" | "wrong-state" | "notice-required" };

/**
 * Closing an objection (4.8) or a restriction (4.6). Upheld: the flag stays. Rejected (4.8.2: the shop can
 * show lawful grounds; 4.6: the data were found correct): the flag is lifted and the reason recorded.
 */
export async function resolveRequest(
  staff: StaffPrincipal,
  id: string,
  decision: "completed" | "rejected",
  resolution: string,
  now: Date = new Date(),
): Promise<ResolveResult> {
  assertStaffRole(staff, ["dpo"]);
  return db.$transaction(async (tx) => {
    const r = await tx.privacyRequest.findUnique({
      where: { id },
      select: {
        type: true,
        status: true,
        customerId: true,
        subjectRef: true,
        requestNumber: true,
        liftNoticeSentAt: true,
        customer: { select: { email: true, name: true } },
      },
    });
    if (!r || r.type === "erasure") return { ok: false as const, error: "not-found" as const };
    if (r.status !== "open") return { ok: false as const, error: "wrong-state" as const };
    // Art. 18(3): a restriction is lifted only after the customer has been told that it will be.
    if (r.type === "restriction" && decision === "rejected" && r.customerId && !r.liftNoticeSentAt) {
      return { ok: false as const, error: "notice-required" as const };
    }
    await tx.privacyRequest.update({ where: { id }, data: { status: decision, resolution, closedAt: now, handledBy: staff.staffId } });
    // Only an objection or a restriction has an effect to undo (access, portability and rectification have none).
    if (decision === "rejected" && r.customerId && (r.type === "objection" || r.type === "restriction")) {
      await tx.customer.update({
        where: { id: r.customerId },
        data: r.type === "objection" ? { objectsToAnalytics: false } : { processingRestricted: false },
      });
      await recordOutboundEvent(tx, {
        kind: r.type === "objection" ? "objection.rejected" : "restriction.lifted",
        customerId: r.customerId,
        requestId: id,
        occurredAt: now,
      });
    }
    return { ok: true as const, subjectRef: r.subjectRef, notify: r.customer ? { ...r.customer, requestNumber: r.requestNumber } : null };
  });
}

export type LiftNoticeResult =
  { ok: true; subjectRef: string; notify: { email: string; name: string; requestNumber: string } } | { ok: false; error: "not-found" | "wrong-state" };

/**
 * Art. 18(3): before a restriction (4.6) is lifted, the customer is told. The caller sends the notice with what
 * this returns and then records it with recordRestrictionLiftNotice; only then can the restriction be lifted.
 */
export async function restrictionLiftNoticeContact(staff: StaffPrincipal, id: string): Promise<LiftNoticeResult> {
  assertStaffRole(staff, ["dpo"]);
  const r = await db.privacyRequest.findUnique({
    where: { id },
    select: { type: true, status: true, subjectRef: true, requestNumber: true, customer: { select: { email: true, name: true } } },
  });
  if (!r || r.type !== "restriction") return { ok: false, error: "not-found" };
  if (r.status !== "open" || !r.customer) return { ok: false, error: "wrong-state" };
  return { ok: true, subjectRef: r.subjectRef, notify: { ...r.customer, requestNumber: r.requestNumber } };
}

/** Records that the notice of art. 18(3) was sent. */
export async function recordRestrictionLiftNotice(staff: StaffPrincipal, id: string, now: Date = new Date()): Promise<boolean> {
  assertStaffRole(staff, ["dpo"]);
  const u = await db.privacyRequest.updateMany({ where: { id, type: "restriction", status: "open" }, data: { liftNoticeSentAt: now } });
  return u.count === 1;
}

export type RefuseErasureResult =
  { ok: true; subjectRef: string; notify: { email: string; name: string; requestNumber: string } | null } | { ok: false; error: "not-found" | "wrong-state" };

/**
 * Art. 12(4), 17(3), 4.5.1: the dpo refuses an erasure request (e.g. the data are needed for a legal claim) with
 * the reasons; the request is closed as refused, nothing is erased, and the caller tells the customer the
 * reasons and how to complain (4.10).
 */
export async function refuseErasure(staff: StaffPrincipal, id: string, reasons: string, now: Date = new Date()): Promise<RefuseErasureResult> {
  assertStaffRole(staff, ["dpo"]);
  return db.$transaction(async (tx) => {
    const r = await tx.privacyRequest.findUnique({
      where: { id },
      select: { type: true, status: true, subjectRef: true, requestNumber: true, customer: { select: { email: true, name: true } } },
    });
    if (!r || r.type !== "erasure") return { ok: false as const, error: "not-found" as const };
    const u = await tx.privacyRequest.updateMany({
      where: { id, status: { in: ["awaiting_signature", "signature_received"] } },
      data: { status: "rejected", resolution: reasons, closedAt: now, handledBy: staff.staffId },
    });
    if (u.count !== 1) return { ok: false as const, error: "wrong-state" as const };
    return { ok: true as const, subjectRef: r.subjectRef, notify: r.customer ? { ...r.customer, requestNumber: r.requestNumber } : null };
  });
}
