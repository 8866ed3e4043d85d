import "server-only";
import { db } from "./db";
import { recordAudit } from "./audit";
import { eraseCustomersInTx } from "./erasure";
import { addYears, category, invoiceAnonymisationCutoff, type FinancialYearEnd } from "@/lib/policy";

// Retention (clause 5, 5a.3) as one idempotent job. Each rule selects what is due at `now` (the clock is
// passed in, so tests can move time), works in batches, and writes what it did to the audit trail.
// A dry run uses the same selections and changes nothing, so the two always agree.

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
}

function yearsOf(id: "konto" | "koeb"): number {
  const r = category(id).retention;
  return "years" in r ? r.years : 5;
}

/** The instant `years` before `now`: whatever happened at or before it is due. */
function yearsBefore(now: Date, years: number): Date {
  return addYears(now, -years);
}

interface Rule {
  rule: string;
  clause: string;
  why: string;
  /** The next batch of due ids (after the given cursor for a dry run, which changes nothing). */
  select: (take: number, cursor?: string) => Promise<{ id: string; label: string }[]>;
  apply: (ids: string[]) => Promise<void>;
}

function rules(o: RetentionOptions): Rule[] {
  const now = o.now;
  const orderCutoff = yearsBefore(now, yearsOf("koeb"));
  const inactiveCutoff = yearsBefore(now, yearsOf("konto"));
  const invoiceCutoff = invoiceAnonymisationCutoff(now, o.fy);
  const purgeBefore = new Date(now.getTime() - 86_400_000);
  // Paging for the dry run, which leaves the rows in place: ids after the last one seen.
  const after = (id?: string) => (id ? { id: { gt: id } } : {});
  return [
    {
      // Rules run in this order so that none changes what a later one selects except the last:
      // deleting an inactive account (5.1) removes only what the earlier rules did not select.
      // That keeps the dry run's counts equal to the real run's.
      rule: "orders.delete",
      clause: "5.3",
      why: `Købsoplysninger slettes 5 år efter købet (købt senest ${orderCutoff.toISOString().slice(0, 10)}).`,
      select: async (take, cursor) =>
        (
          await db.order.findMany({ where: { placedAt: { lte: orderCutoff }, ...after(cursor) }, orderBy: { id: "asc" }, take, select: { id: true, orderNumber: true } })
        ).map((r) => ({ id: r.id, label: r.orderNumber })),
      apply: async (ids) => {
        await db.order.deleteMany({ where: { id: { in: ids } } });
      },
    },
    {
      rule: "invoices.anonymise",
      clause: "5.2",
      why: `Fakturaer anonymiseres 5 år efter udgangen af det regnskabsår, de er udstedt i (udstedt før ${invoiceCutoff.toISOString().slice(0, 10)}).`,
      select: async (take, cursor) =>
        (
          await db.invoice.findMany({
            where: { issuedAt: { lt: invoiceCutoff }, anonymisedAt: null, ...after(cursor) },
            orderBy: { id: "asc" },
            take,
            select: { id: true, invoiceNumber: true },
          })
        ).map((r) => ({ id: r.id, label: r.invoiceNumber })),
      apply: async (ids) => {
        await db.invoice.updateMany({
          where: { id: { in: ids }, anonymisedAt: null },
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
        });
      },
    },
    {
      rule: "notifications.delete_sent",
      clause: "5a.3",
      why: "\"Modtag notifikation\" slettes, når underretningen er sendt.",
      select: async (take, cursor) =>
        (
          await db.notificationSubscription.findMany({
            where: { notifiedAt: { not: null, lte: now }, ...after(cursor) },
            orderBy: { id: "asc" },
            take,
            select: { id: true, productSku: true },
          })
        ).map((r) => ({ id: r.id, label: r.productSku })),
      apply: async (ids) => {
        await db.notificationSubscription.deleteMany({ where: { id: { in: ids } } });
      },
    },
    {
      rule: "security.purge",
      clause: "6.1",
      why: "Udløbne eller tilbagekaldte sessioner slettes efter et døgn.",
      select: async (take, cursor) =>
        (
          await db.authSession.findMany({
            where: { OR: [{ expiresAt: { lte: purgeBefore } }, { revokedAt: { lte: purgeBefore } }], ...after(cursor) },
            orderBy: { id: "asc" },
            take,
            select: { id: true },
          })
        ).map((r) => ({ id: r.id, label: "session" })),
      apply: async (ids) => {
        await db.authSession.deleteMany({ where: { id: { in: ids } } });
      },
    },
    {
      rule: "login_failures.purge",
      clause: "6.1",
      why: "Mislykkede log ind-forsøg slettes efter et døgn.",
      select: async (take, cursor) =>
        (
          await db.loginFailure.findMany({ where: { occurredAt: { lte: purgeBefore }, ...after(cursor) }, orderBy: { id: "asc" }, take, select: { id: true } })
        ).map((r) => ({ id: r.id, label: "forsøg" })),
      apply: async (ids) => {
        await db.loginFailure.deleteMany({ where: { id: { in: ids } } });
      },
    },
    {
      rule: "accounts.delete_inactive",
      clause: "5.1",
      why: `Kundekonti uden køb, ændringer eller log ind i 5 år slettes (senest aktiv ${inactiveCutoff.toISOString().slice(0, 10)}).`,
      select: async (take, cursor) =>
        (
          await db.customer.findMany({
            where: { lastActivityAt: { lte: inactiveCutoff }, ...after(cursor) },
            orderBy: { id: "asc" },
            take,
            select: { id: true, customerNumber: true },
          })
        ).map((r) => ({ id: r.id, label: `kunde ${r.customerNumber}` })),
      apply: async (ids) => {
        await db.$transaction(async (tx) => {
          await eraseCustomersInTx(tx, ids, now);
          for (const id of ids) {
            await recordAudit(
              { actorType: "system", actorRef: "retention", action: "retention.account_deleted", subjectRef: id, occurredAt: now, details: { clause: "5.1" } },
              tx,
            );
          }
        });
      },
    },
  ];
}

export async function runRetention(o: RetentionOptions): Promise<RuleResult[]> {
  const batch = o.batchSize ?? 500;
  const results: RuleResult[] = [];
  for (const r of rules(o)) {
    let count = 0;
    const sample: string[] = [];
    let after: string | undefined;
    let previousFirst: string | undefined;
    for (;;) {
      // A real run deletes or changes what it selected, so it always asks from the start; a dry run pages on.
      const due = await r.select(batch, o.dryRun ? after : undefined);
      if (due.length === 0) break;
      if (!o.dryRun && due[0].id === previousFirst) throw new Error(`retention rule ${r.rule} made no progress`);
      previousFirst = due[0].id;
      for (const d of due) if (sample.length < 5) sample.push(d.label);
      count += due.length;
      if (o.dryRun) {
        after = due[due.length - 1].id;
      } else {
        await r.apply(due.map((d) => d.id));
      }
      if (due.length < batch) break;
    }
    results.push({ rule: r.rule, clause: r.clause, why: r.why, count, sample });
  }
  if (!o.dryRun) {
    await recordAudit({
      actorType: "system",
      actorRef: "retention",
      action: "retention.run",
      occurredAt: o.now,
      details: Object.fromEntries(results.map((r) => [r.rule, r.count])),
    });
  }
  return results;
}
