import "server-only";
import { db } from "./db";
import { recordAudit } from "./audit";
import { checkpointAfterErasure, ensureSecureDelete, eraseCustomersInTx } from "./erasure";
import { OPEN_STATUSES } from "./requests";
import type { Prisma } from "@/lib/generated/prisma/client";
import {
  addYears,
  AUDIT_RETENTION,
  category,
  danishWallClock,
  invoiceAnonymisationCutoff,
  lastDayKept,
  OUTBOX_RETENTION,
  REQUEST_RECORD_RETENTION,
  type FinancialYearEnd,
} from "@/lib/policy";
import { formatDate } from "@/lib/format";

// Retention (clause 5, 5a.3) as one idempotent job. Each rule is one `where` of what is due at `now` (the clock
// is passed in, so tests can move time) and one set-based statement (deleteMany / updateMany over that `where`,
// portable to PostgreSQL: no row is read into memory, so memory stays flat whatever the size). A dry run counts
// the same `where`s and changes nothing. Rules run in an order in which none changes what a later one selects,
// so the dry run's counts equal the real run's. Only erasing inactive accounts (5.1) works in batches of ids,
// because it is several statements per account; each batch is one transaction.

export interface RetentionOptions {
  now: Date;
  fy: FinancialYearEnd;
  dryRun: boolean;
  batchSize?: number;
}

export interface RuleResult {
  rule: string;
  clause: string;
  why: string;
  count: number;
  /** A few examples (ids or numbers, never personal data), to show what is meant. */
  sample: string[];
  /** How long the rule took (for the benchmark and the log). */
  ms: number;
  /** CPU time of this process meanwhile (user + system; on SQLite it includes the database's own work). */
  cpuMs: number;
}

/** A request awaiting the customer's signature that passed its deadline; the customer is told (art. 12(3)-(4)). */
export interface ExpiredErasureNotice {
  email: string;
  name: string;
  requestNumber: string;
  createdAt: Date;
}

export interface RetentionRun {
  results: RuleResult[];
  /** Notices the caller sends after the pass (empty in a dry run). */
  notices: ExpiredErasureNotice[];
}

/**
 * The pass's transactions work on up to millions of rows (issue 12: 1,000,000 orders), far beyond Prisma's default
 * 5 s for an interactive transaction (on PostgreSQL under load, keeping the persons' data off 231,000 orders took
 * longer and the commit was refused). A nightly job may take minutes; each transaction is still one rule or one batch.
 */
const JOB_TX = { timeout: 15 * 60_000, maxWait: 60_000 } as const;

function yearsOf(id: "konto" | "koeb"): number {
  const r = category(id).retention;
  return "years" in r ? r.years : 5;
}

const day = (d: Date) => formatDate(d);

interface Rule {
  rule: string;
  clause: string;
  why: string;
  count: () => Promise<number>;
  sample: () => Promise<string[]>;
  /** Carries the rule out; returns how many rows it changed. */
  apply: () => Promise<number>;
}

/** Everything retention needs to know about the clock. */
export function retentionCutoffs(now: Date, fy: FinancialYearEnd) {
  return {
    orderCutoff: addYears(now, -yearsOf("koeb")),
    inactiveCutoff: addYears(now, -yearsOf("konto")),
    invoiceCutoff: invoiceAnonymisationCutoff(now, fy),
    auditCutoff: addYears(now, -AUDIT_RETENTION.years),
    requestCutoff: addYears(now, -REQUEST_RECORD_RETENTION.years),
    purgeBefore: new Date(now.getTime() - 86_400_000),
    outboxClearBefore: new Date(now.getTime() - OUTBOX_RETENTION.clearDeliveredAfterDays * 86_400_000),
    outboxDeleteBefore: addYears(now, -OUTBOX_RETENTION.deleteAfterYears),
  };
}

/** 5.1 + 4.6 (art. 18): an account is not erased while a restriction is in force or a restriction request is open. */
export function restrictionHoldWhere(): Prisma.CustomerWhereInput {
  return { OR: [{ processingRestricted: true }, { privacyRequests: { some: { type: "restriction", status: "open" } } }] };
}

function rules(o: RetentionOptions, notices: ExpiredErasureNotice[]): Rule[] {
  const now = o.now;
  const c = retentionCutoffs(now, o.fy);
  const batch = o.batchSize ?? 500;
  // Accounts erased per transaction (5.1). Each statement of the erasure takes the batch as one parameter
  // (lib/dal/sql.ts), so the size is not bound by the 999 parameters of SQLite; fewer, larger transactions
  // mean fewer commits (each one a WAL sync of the zeroed pages, secure_delete).
  const eraseBatch = o.batchSize ?? 2000;

  // 5.3 vs 5.2 (issue 10 item 3): an order billed by an invoice still kept under 5.2 keeps what the invoice bills
  // (number, date, lines, amounts) until the invoice's own date; only the person's data on it go at 5.3's date.
  const billedByKeptInvoice: Prisma.OrderWhereInput = { invoices: { some: { issuedAt: { gte: c.invoiceCutoff } } } };
  const ordersDue: Prisma.OrderWhereInput = { placedAt: { lte: c.orderCutoff }, NOT: billedByKeptInvoice };
  const ordersToStrip: Prisma.OrderWhereInput = {
    placedAt: { lte: c.orderCutoff },
    ...billedByKeptInvoice,
    OR: [{ customerId: { not: null } }, { ipAddress: { not: null } }, { shippingName: { not: null } }, { shippingStreet: { not: null } }],
  };
  const invoicesDue: Prisma.InvoiceWhereInput = { issuedAt: { lt: c.invoiceCutoff }, anonymisedAt: null };
  const sentNotifications: Prisma.NotificationSubscriptionWhereInput = { notifiedAt: { not: null, lte: now } };
  const oldSessions: Prisma.AuthSessionWhereInput = { OR: [{ expiresAt: { lte: c.purgeBefore } }, { revokedAt: { lte: c.purgeBefore } }] };
  const oldFailures: Prisma.LoginFailureWhereInput = { occurredAt: { lte: c.purgeBefore } };
  const oldAudit: Prisma.AuditEventWhereInput = { occurredAt: { lt: c.auditCutoff } };
  const oldRequests: Prisma.PrivacyRequestWhereInput = { status: { notIn: OPEN_STATUSES }, closedAt: { lt: c.requestCutoff } };
  const outboxDone: Prisma.OutboundEventWhereInput = {
    clearedAt: null,
    occurredAt: { lt: c.outboxClearBefore },
    deliveries: { every: { status: { in: ["delivered", "handled"] } } },
  };
  const outboxOld: Prisma.OutboundEventWhereInput = { occurredAt: { lt: c.outboxDeleteBefore } };
  const unsignedExpired: Prisma.PrivacyRequestWhereInput = { type: "erasure", status: "awaiting_signature", dueAt: { lte: now } };
  const inactive: Prisma.CustomerWhereInput = { lastActivityAt: { lte: c.inactiveCutoff } };
  const held: Prisma.CustomerWhereInput = { AND: [inactive, restrictionHoldWhere()] };
  const inactiveDue: Prisma.CustomerWhereInput = { AND: [inactive, { NOT: restrictionHoldWhere() }] };

  return [
    {
      // First: closing an expired request must not depend on whether the account is erased later in this pass.
      rule: "requests.expire_unsigned",
      clause: "4.2.2",
      why: "En anmodning om sletning, der har ventet på underskrift i over en måned, udløber, og kunden får besked (art. 12(3)-(4)).",
      count: () => db.privacyRequest.count({ where: unsignedExpired }),
      sample: async () =>
        (await db.privacyRequest.findMany({ where: unsignedExpired, take: 5, orderBy: { id: "asc" }, select: { requestNumber: true } })).map(
          (r) => r.requestNumber,
        ),
      apply: async () => {
        let n = 0;
        for (;;) {
          const due = await db.privacyRequest.findMany({
            where: unsignedExpired,
            take: batch,
            orderBy: { id: "asc" },
            select: { id: true, requestNumber: true, subjectRef: true, createdAt: true, customer: { select: { email: true, name: true } } },
          });
          if (due.length === 0) break;
          await db.$transaction(async (tx) => {
            const u = await tx.privacyRequest.updateMany({
              where: { id: { in: due.map((r) => r.id) }, status: "awaiting_signature" },
              data: {
                status: "cancelled",
                closedAt: now,
                resolution: "Udløbet: vi modtog ikke den underskrevne anmodning inden for en måned (pkt. 4.2.2, art. 12(3)). Kunden har fået besked.",
              },
            });
            n += u.count;
            await tx.auditEvent.createMany({
              data: due.map((r) => ({
                actorType: "system",
                actorRef: "retention",
                action: "erasure.expired",
                subjectRef: r.subjectRef,
                occurredAt: now,
                details: "{}",
              })),
            });
          }, JOB_TX);
          for (const r of due) if (r.customer) notices.push({ ...r.customer, requestNumber: r.requestNumber, createdAt: r.createdAt });
          if (due.length < batch) break;
        }
        return n;
      },
    },
    {
      // Before the orders: an invoice's link to its order goes here, so deleting the orders (5.3) next finds no
      // invoice to update through the foreign key (each old invoice is written once, not twice). Neither rule
      // selects by what the other changes (orders.delete looks only at invoices still kept).
      rule: "invoices.anonymise",
      clause: "5.2",
      why: `Fakturaer anonymiseres 5 år efter udgangen af det regnskabsår, de er udstedt i (udstedt til og med ${day(lastDayKept(c.invoiceCutoff))}).`,
      count: () => db.invoice.count({ where: invoicesDue }),
      sample: async () =>
        (await db.invoice.findMany({ where: invoicesDue, take: 5, orderBy: [{ issuedAt: "asc" }, { id: "asc" }], select: { invoiceNumber: true } })).map(
          (r) => r.invoiceNumber,
        ),
      apply: async () =>
        (
          await db.invoice.updateMany({
            where: invoicesDue,
            data: {
              customerId: null,
              orderId: null,
              billingName: null,
              billingStreet: null,
              billingPostalCode: null,
              billingCity: null,
              billingCountry: null,
              anonymisedAt: now,
            },
          })
        ).count,
    },
    {
      rule: "orders.delete",
      clause: "5.3",
      why: `Købsoplysninger slettes 5 år efter købet (købt til og med ${day(c.orderCutoff)}), undtagen ordrer, som en faktura stadig gemt efter pkt. 5.2 fakturerer.`,
      count: () => db.order.count({ where: ordersDue }),
      // Examples: the oldest (walks the placedAt index and stops at 5; ordering by id sorted every due order).
      sample: async () =>
        (await db.order.findMany({ where: ordersDue, take: 5, orderBy: [{ placedAt: "asc" }, { id: "asc" }], select: { orderNumber: true } })).map(
          (r) => r.orderNumber,
        ),
      apply: async () => (await db.order.deleteMany({ where: ordersDue })).count,
    },
    {
      rule: "orders.keep_for_invoice",
      clause: "5.3/5.2",
      why: "Ordrer over 5 år, som en faktura stadig gemt efter pkt. 5.2 fakturerer: personen (navn, adresse, IP, returårsag, kobling til kontoen) fjernes; varelinjerne gemmes til fakturaens dato.",
      count: () => db.order.count({ where: ordersToStrip }),
      // Examples: the newest (those billed by a kept invoice lie just before the cutoff).
      sample: async () =>
        (await db.order.findMany({ where: ordersToStrip, take: 5, orderBy: [{ placedAt: "desc" }, { id: "asc" }], select: { orderNumber: true } })).map(
          (r) => r.orderNumber,
        ),
      apply: async () =>
        db.$transaction(async (tx) => {
          await tx.orderLine.updateMany({ where: { returnReason: { not: null }, order: ordersToStrip }, data: { returnReason: null } });
          return (
            await tx.order.updateMany({
              where: ordersToStrip,
              data: {
                customerId: null,
                ipAddress: null,
                shippingName: null,
                shippingStreet: null,
                shippingPostalCode: null,
                shippingCity: null,
                shippingCountry: null,
              },
            })
          ).count;
        }, JOB_TX),
    },
    {
      rule: "notifications.delete_sent",
      clause: "5a.3",
      why: '"Modtag notifikation" slettes, når underretningen er sendt.',
      count: () => db.notificationSubscription.count({ where: sentNotifications }),
      sample: async () =>
        (await db.notificationSubscription.findMany({ where: sentNotifications, take: 5, orderBy: { id: "asc" }, select: { productSku: true } })).map(
          (r) => r.productSku,
        ),
      apply: async () => (await db.notificationSubscription.deleteMany({ where: sentNotifications })).count,
    },
    {
      rule: "security.purge",
      clause: "6.1",
      why: "Udløbne eller tilbagekaldte sessioner slettes efter et døgn.",
      count: () => db.authSession.count({ where: oldSessions }),
      sample: async () => [],
      apply: async () => (await db.authSession.deleteMany({ where: oldSessions })).count,
    },
    {
      rule: "login_failures.purge",
      clause: "6.1",
      why: "Mislykkede log ind-forsøg slettes efter et døgn.",
      count: () => db.loginFailure.count({ where: oldFailures }),
      sample: async () => [],
      apply: async () => (await db.loginFailure.deleteMany({ where: oldFailures })).count,
    },
    {
      rule: "audit.purge",
      clause: AUDIT_RETENTION.clause,
      why: AUDIT_RETENTION.description,
      count: () => db.auditEvent.count({ where: oldAudit }),
      sample: async () => [],
      apply: async () => (await db.auditEvent.deleteMany({ where: oldAudit })).count,
    },
    {
      rule: "requests.purge",
      clause: REQUEST_RECORD_RETENTION.clause,
      why: REQUEST_RECORD_RETENTION.description,
      count: () => db.privacyRequest.count({ where: oldRequests }),
      sample: async () =>
        (await db.privacyRequest.findMany({ where: oldRequests, take: 5, orderBy: { id: "asc" }, select: { requestNumber: true } })).map(
          (r) => r.requestNumber,
        ),
      apply: async () => (await db.privacyRequest.deleteMany({ where: oldRequests })).count,
    },
    {
      rule: "outbox.clear_delivered",
      clause: OUTBOX_RETENTION.clause,
      why: OUTBOX_RETENTION.clearDescription,
      count: () => db.outboundEvent.count({ where: outboxDone }),
      sample: async () => (await db.outboundEvent.findMany({ where: outboxDone, take: 5, orderBy: { seq: "asc" }, select: { kind: true } })).map((r) => r.kind),
      apply: async () => (await db.outboundEvent.updateMany({ where: outboxDone, data: { payload: "{}", clearedAt: now } })).count,
    },
    {
      rule: "outbox.purge",
      clause: OUTBOX_RETENTION.clause,
      why: OUTBOX_RETENTION.deleteDescription,
      count: () => db.outboundEvent.count({ where: outboxOld }),
      sample: async () => [],
      // Deliveries go with their event (onDelete: Cascade).
      apply: async () => (await db.outboundEvent.deleteMany({ where: outboxOld })).count,
    },
    {
      // Reported, not carried out: the dpo sees these accounts on the restriction request (art. 18(1), 4.6).
      rule: "accounts.held_restricted",
      clause: "5.1/4.6",
      why: "Inaktive konti med en begrænsning eller en åben anmodning om begrænsning slettes ikke; databeskyttelsesrådgiveren ser dem på anmodningen.",
      count: () => db.customer.count({ where: held }),
      sample: async () =>
        (await db.customer.findMany({ where: held, take: 5, orderBy: { id: "asc" }, select: { customerNumber: true } })).map(
          (r) => `kunde ${r.customerNumber}`,
        ),
      apply: async () => db.customer.count({ where: held }),
    },
    {
      rule: "accounts.delete_inactive",
      clause: "5.1",
      why: `Kundekonti uden køb, ændringer eller log ind i 5 år slettes (senest aktiv ${day(c.inactiveCutoff)}).`,
      count: () => db.customer.count({ where: inactiveDue }),
      sample: async () =>
        (await db.customer.findMany({ where: inactiveDue, take: 5, orderBy: { id: "asc" }, select: { customerNumber: true } })).map(
          (r) => `kunde ${r.customerNumber}`,
        ),
      apply: async () => {
        let n = 0;
        let previousFirst: string | undefined;
        for (;;) {
          const due = await db.customer.findMany({ where: inactiveDue, orderBy: { id: "asc" }, take: eraseBatch, select: { id: true } });
          if (due.length === 0) break;
          if (due[0].id === previousFirst) throw new Error("retention rule accounts.delete_inactive made no progress");
          previousFirst = due[0].id;
          await db.$transaction(async (tx) => {
            await eraseCustomersInTx(
              tx,
              due.map((d) => d.id),
              now,
              { reason: "kontoen var inaktiv i 5 år (pkt. 5.1)" },
            );
          }, JOB_TX);
          n += due.length;
          if (due.length < eraseBatch) break;
        }
        return n;
      },
    },
  ];
}

/** One pass. `notices` are for the caller to send (runRetentionAndNotify does). */
export async function runRetentionPass(o: RetentionOptions): Promise<RetentionRun> {
  const results: RuleResult[] = [];
  const notices: ExpiredErasureNotice[] = [];
  if (!o.dryRun) await ensureSecureDelete();
  for (const r of rules(o, notices)) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const sample = await r.sample();
    const count = o.dryRun ? await r.count() : await r.apply();
    const c = process.cpuUsage(c0);
    results.push({
      rule: r.rule,
      clause: r.clause,
      why: r.why,
      count,
      sample,
      ms: Math.round(performance.now() - t0),
      cpuMs: Math.round((c.user + c.system) / 1000),
    });
  }
  if (!o.dryRun) {
    await recordAudit({
      actorType: "system",
      actorRef: "retention",
      action: "retention.run",
      occurredAt: o.now,
      details: Object.fromEntries(results.map((r) => [r.rule, r.count])),
    });
    if (results.some((r) => r.count > 0)) await checkpointAfterErasure();
  }
  return { results, notices };
}

/** The pass's results only (tests, benchmark). Notices are not sent: use runRetentionAndNotify for that. */
export async function runRetention(o: RetentionOptions): Promise<RuleResult[]> {
  return (await runRetentionPass(o)).results;
}

/** The Danish calendar day of `now`, for logs. */
export function retentionDay(now: Date): string {
  const w = danishWallClock(now);
  return `${w.year}-${String(w.month).padStart(2, "0")}-${String(w.day).padStart(2, "0")}`;
}
