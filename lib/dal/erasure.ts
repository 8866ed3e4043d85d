import "server-only";
import { deleteMailOf } from "./mail-queue";
import { db, type Tx } from "./db";
import { recordAudit } from "./audit";
import { assertStaffRole } from "./roles";
import type { StaffPrincipal } from "./session";
import { recordErasureForRecipients } from "./integration-outbox";
import { env } from "@/lib/env";
import { pseudonym } from "@/lib/log";
import { Prisma } from "@/lib/generated/prisma/client";
import { inList, ts } from "./sql";

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

/**
 * Erases a batch of customers with set-based statements (the retention job passes thousands at once). Every
 * statement is one raw SQL statement over the whole batch, the batch being one JSON parameter (lib/dal/sql.ts):
 * through Prisma's `in: [...]` filters the query compiler's cost per value made a batch cost ~1 ms per account.
 */
export async function eraseCustomersInTx(
  tx: Tx,
  customerIds: string[],
  now: Date,
  opts: { requestId?: string; reason?: string } = {},
): Promise<ErasureSummary> {
  const customers = await tx.$queryRaw<{ id: string; email: string }[]>`
    SELECT c."id" AS "id", c."email" AS "email" FROM "Customer" c WHERE ${inList(col("c", "id"), customerIds)} ORDER BY c."id"`;
  const ids = customers.map((c) => c.id);
  const summary: ErasureSummary = {
    ordersKept: 0,
    invoicesKept: 0,
    websiteEventsDeleted: 0,
    consentEventsDeleted: 0,
    notificationsDeleted: 0,
    requestsClosed: 0,
  };
  if (ids.length === 0) return summary;
  const emails = customers.map((c) => c.email);
  const byCustomer = (alias: string, column = "customerId") => inList(col(alias, column), ids);

  // Art. 17(2) / 19: every recipient of clause 3 hears of the erasure; written before the account row goes.
  await recordErasureForRecipients(tx, ids, now, opts.requestId);

  summary.notificationsDeleted = await tx.$executeRaw`DELETE FROM "NotificationSubscription" WHERE ${inList(Prisma.raw('"email"'), emails)}`;
  summary.websiteEventsDeleted = await tx.$executeRaw`DELETE FROM "WebsiteEvent" WHERE ${inList(Prisma.raw('"customerId"'), ids)}`;
  summary.consentEventsDeleted = await tx.$executeRaw`DELETE FROM "ConsentEvent" WHERE ${inList(Prisma.raw('"customerId"'), ids)}`;
  await tx.$executeRaw`DELETE FROM "MarketingProfile" WHERE ${inList(Prisma.raw('"customerId"'), ids)}`;
  await tx.$executeRaw`DELETE FROM "AuthSession" WHERE ${inList(Prisma.raw('"customerId"'), ids)}`;
  await deleteMailOf(tx, ids, emails); // the person's stored mail (issue 10.6, lib/policy/mail.ts)

  // Orders: the person goes (name, address, IP, return reasons); number, date, lines and amounts stay until 5.3's date.
  await tx.$executeRaw`
    UPDATE "OrderLine" SET "returnReason" = NULL
    WHERE "returnReason" IS NOT NULL AND "orderId" IN (SELECT o."id" FROM "Order" o WHERE ${byCustomer("o")})`;
  summary.ordersKept = await tx.$executeRaw`
    UPDATE "Order" SET "customerId" = NULL, "ipAddress" = NULL, "shippingName" = NULL, "shippingStreet" = NULL,
      "shippingPostalCode" = NULL, "shippingCity" = NULL, "shippingCountry" = NULL
    WHERE ${inList(Prisma.raw('"customerId"'), ids)}`;

  // Invoices: no link to the account; the billing name and address as issued stay, as bookkeeping requires (5.2).
  summary.invoicesKept = await tx.$executeRaw`UPDATE "Invoice" SET "customerId" = NULL WHERE ${inList(Prisma.raw('"customerId"'), ids)}`;

  // Requests still open are closed with the reason (an objection of an erased customer must not stay open for ever).
  const resolution = `Lukket: ${opts.reason ?? "kontoen er slettet"}.`;
  summary.requestsClosed = await tx.$executeRaw`
    UPDATE "PrivacyRequest" SET "status" = 'cancelled', "closedAt" = ${ts(now)}, "resolution" = ${resolution}
    WHERE ${inList(Prisma.raw('"customerId"'), ids)} AND "status" IN ('awaiting_signature', 'signature_received', 'open')`;

  // Requests and audit events keep a pseudonym instead of the account id; free text of requests goes.
  // Only the few customers that have any get a statement of their own (one pseudonym each).
  const withRequests = await tx.$queryRaw<{ subjectRef: string }[]>`
    SELECT DISTINCT r."subjectRef" AS "subjectRef" FROM "PrivacyRequest" r WHERE ${byCustomer("r")}`;
  await tx.$executeRaw`UPDATE "PrivacyRequest" SET "reason" = NULL, "customerId" = NULL WHERE ${inList(Prisma.raw('"customerId"'), ids)}`;
  const idSet = new Set(ids);
  for (const { subjectRef } of withRequests) {
    if (idSet.has(subjectRef)) await tx.privacyRequest.updateMany({ where: { subjectRef }, data: { subjectRef: erasedSubjectRef(subjectRef) } });
  }
  // The audit trail is append-only (a trigger refuses UPDATE): the person's events are written again under the
  // pseudonym, with their own id, time, action and details, and the originals deleted, in this transaction.
  // The ids are found set-based; the (few) events themselves are read through Prisma by id, 500 at a time.
  const eventIds = (
    await tx.$queryRaw<{ id: string }[]>`
      SELECT a."id" AS "id" FROM "AuditEvent" a WHERE ${byCustomer("a", "subjectRef")}
      UNION
      SELECT a."id" AS "id" FROM "AuditEvent" a WHERE a."actorType" = 'customer' AND ${byCustomer("a", "actorRef")}`
  ).map((e) => e.id);
  for (let i = 0; i < eventIds.length; i += 500) {
    const chunk = await tx.auditEvent.findMany({ where: { id: { in: eventIds.slice(i, i + 500) } } });
    await tx.auditEvent.deleteMany({ where: { id: { in: chunk.map((e) => e.id) } } });
    await tx.auditEvent.createMany({
      data: chunk.map((e) => ({
        ...e,
        subjectRef: e.subjectRef && idSet.has(e.subjectRef) ? erasedSubjectRef(e.subjectRef) : e.subjectRef,
        actorRef: e.actorType === "customer" && idSet.has(e.actorRef) ? erasedSubjectRef(e.actorRef) : e.actorRef,
      })),
    });
  }

  await tx.$executeRaw`DELETE FROM "Customer" WHERE ${inList(Prisma.raw('"id"'), ids)}`;
  return summary;
}

/** `alias."column"` (constants of this file only). */
function col(alias: string, column: string): Prisma.Sql {
  return Prisma.raw(`${alias}."${column}"`);
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
