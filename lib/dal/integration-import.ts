import "server-only";
import { randomUUID } from "node:crypto";
import { db, type Tx } from "./db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { tombstoneKey } from "./integration-outbox";
import { log, pseudonym } from "@/lib/log";
import type {
  ConsentEventRecord,
  CustomerRecord,
  ImportRecord,
  InvoiceRecord,
  NotificationSubscriptionRecord,
  NotifiedRecord,
  OrderRecord,
  RecordKind,
  WebsiteEventRecord,
} from "@/lib/import/contract";

// Bulk import and live ingest of the shop's records (issue 9), one batch at a time. Upserts by the shop's ids
// (externalId), so importing the same records twice changes nothing. A batch is one transaction: a crash leaves no
// half-written record. A record that cannot be stored (unknown customer, a number taken by another record …) is
// reported with its line and reason and nothing of it is written; the others are. Website events of customers who
// objected (4.8) or asked for restriction (4.6) are refused, counted and not stored. A customer the portal erased
// (4.5, 5.1) is never brought back: its shop id is remembered as a keyed hash (ImportTombstone).

export interface BatchItem {
  line: number;
  record: ImportRecord;
}

export interface KindCounts {
  created: number;
  updated: number;
  unchanged: number;
  /**
   * Not stored because of the customer's decision: website events after an objection (4.8) or a restriction (4.6),
   * newsletter consent given while the customer objects to direct marketing (art. 21(3)).
   */
  refused: number;
}

export interface BatchOutcome {
  counts: Partial<Record<RecordKind, KindCounts>>;
  rejected: { line: number; reason: string }[];
}

/** Remembers, across the batches of a dry run, what earlier batches would have created (nothing is written). */
export interface DryRunMemory {
  customers: Set<string>;
  orders: Set<string>;
  subscriptions: Set<string>;
}

export function newDryRunMemory(): DryRunMemory {
  return { customers: new Set(), orders: new Set(), subscriptions: new Set() };
}

const KIND_ORDER: RecordKind[] = ["customer", "notification_subscription", "order", "invoice", "consent_event", "website_event", "notified"];
const VIRTUAL = "virtual";

class Rollback extends Error {}

function emptyCounts(): KindCounts {
  return { created: 0, updated: 0, unchanged: 0, refused: 0 };
}

const t = (d: string | null | undefined) => (d ? new Date(d).getTime() : null);
const same = (a: Date | null | undefined, b: string | null | undefined) => (a ? a.getTime() : null) === t(b);

/** Later lines with the same shop id win within a batch; the earlier ones count as unchanged. */
function lastById<T extends { line: number; record: { id: string } }>(items: T[]): { keep: T[]; superseded: number } {
  const byId = new Map<string, T>();
  for (const i of items) byId.set(i.record.id, i);
  return { keep: [...byId.values()], superseded: items.length - byId.size };
}

interface Ctx {
  tx: Tx;
  now: Date;
  dryRun: boolean;
  memory?: DryRunMemory;
  out: BatchOutcome;
  count(kind: RecordKind): KindCounts;
  reject(line: number, reason: string): void;
}

export async function importBatch(items: BatchItem[], opts: { dryRun?: boolean; now?: Date; memory?: DryRunMemory } = {}): Promise<BatchOutcome> {
  const now = opts.now ?? new Date();
  try {
    return await runBatch(items, now, Boolean(opts.dryRun), opts.memory);
  } catch (e) {
    if (items.length <= 1) {
      return { counts: {}, rejected: items.map((i) => ({ line: i.line, reason: `Kunne ikke gemmes (${(e as Error).name})` })) };
    }
    // Something only the database could see (a race with another writer): one record per transaction, so the
    // good ones are stored and the bad one is reported.
    const merged: BatchOutcome = { counts: {}, rejected: [] };
    for (const item of items) {
      const r = await importBatch([item], opts);
      merged.rejected.push(...r.rejected);
      for (const [k, c] of Object.entries(r.counts) as [RecordKind, KindCounts][]) {
        const m = (merged.counts[k] ??= emptyCounts());
        m.created += c.created;
        m.updated += c.updated;
        m.unchanged += c.unchanged;
        m.refused += c.refused;
      }
    }
    return merged;
  }
}

async function runBatch(items: BatchItem[], now: Date, dryRun: boolean, memory?: DryRunMemory): Promise<BatchOutcome> {
  let result: BatchOutcome | undefined;
  try {
    await db.$transaction(
      async (tx) => {
        const out: BatchOutcome = { counts: {}, rejected: [] };
        const ctx: Ctx = {
          tx,
          now,
          dryRun,
          memory: dryRun ? memory : undefined,
          out,
          count: (k) => (out.counts[k] ??= emptyCounts()),
          reject: (line, reason) => out.rejected.push({ line, reason }),
        };
        const byKind = new Map<RecordKind, BatchItem[]>();
        for (const i of items) {
          const list = byKind.get(i.record.kind) ?? [];
          list.push(i);
          byKind.set(i.record.kind, list);
        }
        for (const kind of KIND_ORDER) {
          const list = byKind.get(kind);
          if (!list?.length) continue;
          if (kind === "customer") await customers(ctx, list as Item<CustomerRecord>[]);
          else if (kind === "notification_subscription") await subscriptions(ctx, list as Item<NotificationSubscriptionRecord>[]);
          else if (kind === "order") await orders(ctx, list as Item<OrderRecord>[]);
          else if (kind === "invoice") await invoices(ctx, list as Item<InvoiceRecord>[]);
          else if (kind === "consent_event") await consents(ctx, list as Item<ConsentEventRecord>[]);
          else if (kind === "website_event") await websiteEvents(ctx, list as Item<WebsiteEventRecord>[]);
          else if (kind === "notified") await notified(ctx, list as Item<NotifiedRecord>[]);
        }
        out.rejected.sort((a, b) => a.line - b.line);
        result = out;
        if (dryRun) throw new Rollback();
      },
      { timeout: 120_000, maxWait: 60_000 },
    );
  } catch (e) {
    if (!(e instanceof Rollback)) throw e;
  }
  return result!;
}

type Item<R> = { line: number; record: R };

// ---------------------------------------------------------------- references

interface CustomerRef {
  id: string;
  objects: boolean;
  restricted: boolean;
  /** Art. 21(2)-(3): since when the customer objects to direct marketing (null: no objection). */
  objectsToMarketingAt: Date | null;
}

async function customerRefs(ctx: Ctx, externalIds: (string | null | undefined)[]): Promise<Map<string, CustomerRef>> {
  const ids = [...new Set(externalIds.filter((x): x is string => Boolean(x)))];
  const map = new Map<string, CustomerRef>();
  if (!ids.length) return map;
  const rows = await ctx.tx.customer.findMany({
    where: { externalId: { in: ids } },
    select: { id: true, externalId: true, objectsToAnalytics: true, processingRestricted: true, objectsToMarketingAt: true },
  });
  for (const r of rows)
    map.set(r.externalId!, { id: r.id, objects: r.objectsToAnalytics, restricted: r.processingRestricted, objectsToMarketingAt: r.objectsToMarketingAt });
  if (ctx.memory)
    for (const id of ids)
      if (!map.has(id) && ctx.memory.customers.has(id)) map.set(id, { id: VIRTUAL, objects: false, restricted: false, objectsToMarketingAt: null });
  return map;
}

async function erasedIds(ctx: Ctx, externalIds: (string | null | undefined)[]): Promise<Set<string>> {
  const ids = [...new Set(externalIds.filter((x): x is string => Boolean(x)))];
  if (!ids.length) return new Set();
  const keys = new Map(ids.map((id) => [tombstoneKey(id), id]));
  const rows = await ctx.tx.importTombstone.findMany({ where: { key: { in: [...keys.keys()] } }, select: { key: true } });
  return new Set(rows.map((r) => keys.get(r.key)!));
}

const ERASED = "Kunden er slettet i portalen (pkt. 4.5/5.1) og må ikke sendes igen; slet den også hos jer";
const UNKNOWN_CUSTOMER = "Ukendt customerId: kunden skal importeres først";

// ---------------------------------------------------------------- customers

async function customers(ctx: Ctx, all: Item<CustomerRecord>[]) {
  const c = ctx.count("customer");
  const { keep, superseded } = lastById(all);
  c.unchanged += superseded;
  const erased = await erasedIds(
    ctx,
    keep.map((i) => i.record.id),
  );
  const items = keep.filter((i) => (erased.has(i.record.id) ? (ctx.reject(i.line, ERASED), false) : true));
  const norm = (r: CustomerRecord) => ({
    name: r.name,
    street: r.street,
    postalCode: r.postalCode,
    city: r.city,
    country: r.country,
    email: r.email.trim().toLowerCase(),
    phone: r.phone ? r.phone.replace(/\s/g, "") : null,
  });
  const existing = await ctx.tx.customer.findMany({
    where: {
      OR: [
        { externalId: { in: items.map((i) => i.record.id) } },
        { customerNumber: { in: items.map((i) => i.record.customerNumber) } },
        { email: { in: items.map((i) => norm(i.record).email) } },
      ],
    },
    select: {
      id: true,
      externalId: true,
      customerNumber: true,
      name: true,
      street: true,
      postalCode: true,
      city: true,
      country: true,
      email: true,
      phone: true,
      profileCorrectedAt: true,
    },
  });
  const byExt = new Map(existing.filter((e) => e.externalId).map((e) => [e.externalId!, e]));
  const byNumber = new Map(existing.map((e) => [e.customerNumber, e]));
  const byEmail = new Map(existing.map((e) => [e.email, e]));
  const staffEmails = new Set(
    (await ctx.tx.staffUser.findMany({ where: { email: { in: items.map((i) => norm(i.record).email) } }, select: { email: true } })).map((s) => s.email),
  );
  const seenNumbers = new Map<number, number>();
  const seenEmails = new Map<string, number>();
  const creates: Prisma.CustomerCreateManyInput[] = [];
  for (const { line, record } of items) {
    let n = norm(record);
    // The row this record is about: by the shop's id, else a portal customer with the same number and no shop id yet.
    let row = byExt.get(record.id);
    if (!row) {
      const sameNumber = byNumber.get(record.customerNumber);
      if (sameNumber && !sameNumber.externalId) row = sameNumber;
      else if (sameNumber) {
        ctx.reject(line, "customerNumber: bruges allerede af en anden kunde");
        continue;
      }
    }
    const emailOwner = byEmail.get(n.email);
    if ((emailOwner && emailOwner.id !== row?.id) || staffEmails.has(n.email)) {
      ctx.reject(line, "email: bruges allerede af en anden konto");
      continue;
    }
    if (!row) {
      const dupN = seenNumbers.get(record.customerNumber);
      const dupE = seenEmails.get(n.email);
      if (dupN !== undefined || dupE !== undefined) {
        ctx.reject(line, `${dupN !== undefined ? "customerNumber" : "email"}: samme som linje ${dupN ?? dupE}`);
        continue;
      }
      seenNumbers.set(record.customerNumber, line);
      seenEmails.set(n.email, line);
      c.created++;
      if (ctx.memory) ctx.memory.customers.add(record.id);
      const createdAt = record.createdAt ? new Date(record.createdAt) : ctx.now;
      creates.push({
        externalId: record.id,
        customerNumber: record.customerNumber,
        ...n,
        // No portal password: the customer gets in through "Opret adgang" (issue 8); login treats "" as none.
        passwordHash: "",
        createdAt,
        lastActivityAt: record.lastActivityAt ? new Date(record.lastActivityAt) : createdAt,
      });
      continue;
    }
    // Nothing a customer did is lost: a correction made in the portal (4.4, Art. 16) after the shop's own last change
    // of this customer stays; the shop heard of it through the outbox (customer.rectified) and sends it back later.
    const corrected = row.profileCorrectedAt;
    if (corrected && (!record.updatedAt || new Date(record.updatedAt) <= corrected) && (Object.keys(n) as (keyof typeof n)[]).some((k) => n[k] !== row[k])) {
      log("info", "import.portal_correction_kept", { customer: pseudonym("cust", row.id), line });
      n = { name: row.name, street: row.street, postalCode: row.postalCode, city: row.city, country: row.country, email: row.email, phone: row.phone };
    }
    const changed =
      row.externalId !== record.id || (Object.keys(n) as (keyof typeof n)[]).some((k) => n[k] !== row[k]) || row.customerNumber !== record.customerNumber;
    if (!changed) {
      c.unchanged++;
      continue;
    }
    c.updated++;
    await ctx.tx.customer.update({
      where: { id: row.id },
      data: {
        externalId: record.id,
        customerNumber: record.customerNumber,
        ...n,
        // A new address from the shop is not one the customer proved control of here (issue 8, 11.8).
        ...(n.email !== row.email ? { emailVerifiedAt: null } : {}),
        version: { increment: 1 },
        ...(record.lastActivityAt ? { lastActivityAt: new Date(record.lastActivityAt) } : {}),
      },
    });
  }
  if (creates.length) await ctx.tx.customer.createMany({ data: creates });
}

// ---------------------------------------------------------------- "Modtag notifikation" (5a)

async function subscriptions(ctx: Ctx, all: Item<NotificationSubscriptionRecord>[]) {
  const c = ctx.count("notification_subscription");
  const { keep: items, superseded } = lastById(all);
  c.unchanged += superseded;
  const existing = await ctx.tx.notificationSubscription.findMany({
    where: { OR: [{ externalId: { in: items.map((i) => i.record.id) } }, { email: { in: items.map((i) => i.record.email.trim().toLowerCase()) } }] },
    select: { id: true, externalId: true, email: true, productSku: true, productName: true, createdAt: true },
  });
  const byExt = new Map(existing.filter((e) => e.externalId).map((e) => [e.externalId!, e]));
  const byPair = new Map(existing.map((e) => [`${e.email}\n${e.productSku}`, e]));
  const seenPairs = new Map<string, number>();
  const creates: { externalId: string; email: string; productSku: string; productName: string; createdAt: Date }[] = [];
  for (const { line, record } of items) {
    const email = record.email.trim().toLowerCase();
    const pair = `${email}\n${record.productSku}`;
    let row = byExt.get(record.id);
    const samePair = byPair.get(pair);
    if (!row && samePair) {
      if (samePair.externalId && samePair.externalId !== record.id) {
        ctx.reject(line, "Samme e-mail og vare er allerede tilmeldt med et andet id");
        continue;
      }
      row = samePair;
    }
    if (!row) {
      if (seenPairs.has(pair)) {
        ctx.reject(line, `Samme e-mail og vare som linje ${seenPairs.get(pair)}`);
        continue;
      }
      seenPairs.set(pair, line);
      c.created++;
      if (ctx.memory) ctx.memory.subscriptions.add(record.id);
      creates.push({ externalId: record.id, email, productSku: record.productSku, productName: record.productName, createdAt: new Date(record.createdAt) });
      continue;
    }
    if (
      row.externalId === record.id &&
      row.email === email &&
      row.productSku === record.productSku &&
      row.productName === record.productName &&
      same(row.createdAt, record.createdAt)
    ) {
      c.unchanged++;
      continue;
    }
    if (samePair && samePair.id !== row.id) {
      ctx.reject(line, "Samme e-mail og vare er allerede tilmeldt");
      continue;
    }
    c.updated++;
    await ctx.tx.notificationSubscription.update({
      where: { id: row.id },
      data: { externalId: record.id, email, productSku: record.productSku, productName: record.productName, createdAt: new Date(record.createdAt) },
    });
  }
  if (creates.length) await ctx.tx.notificationSubscription.createMany({ data: creates });
}

async function notified(ctx: Ctx, items: Item<NotifiedRecord>[]) {
  const c = ctx.count("notified");
  const rows = await ctx.tx.notificationSubscription.findMany({
    where: { externalId: { in: items.map((i) => i.record.subscriptionId) } },
    select: { id: true, externalId: true, notifiedAt: true },
  });
  const byExt = new Map(rows.map((r) => [r.externalId!, r]));
  for (const { record } of items) {
    const row = byExt.get(record.subscriptionId);
    if (!row) {
      if (ctx.memory?.subscriptions.has(record.subscriptionId)) {
        c.updated++;
        continue;
      }
      // Already deleted after an earlier notification (5a.3) – nothing to do, which is what re-importing must give.
      c.unchanged++;
      continue;
    }
    if (same(row.notifiedAt, record.notifiedAt)) {
      c.unchanged++;
      continue;
    }
    c.updated++;
    await ctx.tx.notificationSubscription.update({ where: { id: row.id }, data: { notifiedAt: new Date(record.notifiedAt) } });
  }
}

// ---------------------------------------------------------------- orders and invoices

type LineData = {
  productSku: string;
  productName: string;
  quantity: number;
  unitPriceOre: number;
  returnedQuantity: number;
  returnedAt: Date | null;
  returnReason: string | null;
};

function lineData(r: OrderRecord): LineData[] {
  return r.lines.map((l) => ({
    productSku: l.sku,
    productName: l.name,
    quantity: l.quantity,
    unitPriceOre: l.unitPriceOre,
    returnedQuantity: l.returnedQuantity ?? 0,
    returnedAt: l.returnedAt ? new Date(l.returnedAt) : null,
    returnReason: l.returnReason ?? null,
  }));
}

const linesKey = (ls: LineData[]) =>
  JSON.stringify(ls.map((l) => [l.productSku, l.productName, l.quantity, l.unitPriceOre, l.returnedQuantity, l.returnedAt?.getTime() ?? null, l.returnReason]));

async function orders(ctx: Ctx, all: Item<OrderRecord>[]) {
  const c = ctx.count("order");
  const { keep, superseded } = lastById(all);
  c.unchanged += superseded;
  const erased = await erasedIds(
    ctx,
    keep.map((i) => i.record.customerId),
  );
  const items = keep.filter((i) => (i.record.customerId && erased.has(i.record.customerId) ? (ctx.reject(i.line, ERASED), false) : true));
  const refs = await customerRefs(
    ctx,
    items.map((i) => i.record.customerId),
  );
  const existing = await ctx.tx.order.findMany({
    where: { OR: [{ externalId: { in: items.map((i) => i.record.id) } }, { orderNumber: { in: items.map((i) => i.record.orderNumber) } }] },
    select: {
      id: true,
      externalId: true,
      orderNumber: true,
      customerId: true,
      placedAt: true,
      ipAddress: true,
      shippingName: true,
      shippingStreet: true,
      shippingPostalCode: true,
      shippingCity: true,
      shippingCountry: true,
      totalOre: true,
      carrier: true,
      retainUntil: true,
      lines: {
        orderBy: { id: "asc" },
        select: { productSku: true, productName: true, quantity: true, unitPriceOre: true, returnedQuantity: true, returnedAt: true, returnReason: true },
      },
    },
  });
  const byExt = new Map(existing.filter((e) => e.externalId).map((e) => [e.externalId!, e]));
  const byNumber = new Map(existing.map((e) => [e.orderNumber, e]));
  const seenNumbers = new Map<string, number>();
  const orderCreates: Prisma.OrderCreateManyInput[] = [];
  const lineCreates: (LineData & { orderId: string })[] = [];
  for (const { line, record } of items) {
    let customerId: string | null = null;
    if (record.customerId) {
      const ref = refs.get(record.customerId);
      if (!ref) {
        ctx.reject(line, UNKNOWN_CUSTOMER);
        continue;
      }
      customerId = ref.id;
    }
    let row = byExt.get(record.id);
    if (!row) {
      const sameNumber = byNumber.get(record.orderNumber);
      if (sameNumber && !sameNumber.externalId) row = sameNumber;
      else if (sameNumber) {
        ctx.reject(line, "orderNumber: bruges allerede af en anden ordre");
        continue;
      }
    }
    const data = {
      orderNumber: record.orderNumber,
      placedAt: new Date(record.placedAt),
      ipAddress: record.ipAddress ?? null,
      shippingName: record.shipping?.name ?? null,
      shippingStreet: record.shipping?.street ?? null,
      shippingPostalCode: record.shipping?.postalCode ?? null,
      shippingCity: record.shipping?.city ?? null,
      shippingCountry: record.shipping?.country ?? null,
      totalOre: record.totalOre,
      carrier: record.carrier ?? "PostNord",
    };
    const lines = lineData(record);
    if (!row) {
      if (seenNumbers.has(record.orderNumber)) {
        ctx.reject(line, `orderNumber: samme som linje ${seenNumbers.get(record.orderNumber)}`);
        continue;
      }
      seenNumbers.set(record.orderNumber, line);
      c.created++;
      if (ctx.memory) ctx.memory.orders.add(record.id);
      if (customerId === VIRTUAL) continue; // dry run: the customer exists only in an earlier batch of the file
      const id = randomUUID();
      orderCreates.push({ id, externalId: record.id, customerId, ...data });
      for (const l of lines) lineCreates.push({ orderId: id, ...l });
      continue;
    }
    // An order the portal detached from an erased person (4.5.1) stays detached.
    if (row.retainUntil && row.customerId === null && customerId) {
      ctx.reject(line, "Ordren tilhører en slettet kunde og må ikke kobles til en person igen (pkt. 4.5.1)");
      continue;
    }
    const unchanged =
      row.externalId === record.id &&
      row.customerId === customerId &&
      (Object.keys(data) as (keyof typeof data)[]).every((k) =>
        data[k] instanceof Date ? (row[k] as Date).getTime() === (data[k] as Date).getTime() : row[k] === data[k],
      ) &&
      linesKey(row.lines) === linesKey(lines);
    if (unchanged) {
      c.unchanged++;
      continue;
    }
    c.updated++;
    if (customerId === VIRTUAL) continue;
    await ctx.tx.order.update({ where: { id: row.id }, data: { externalId: record.id, customerId, ...data } });
    if (linesKey(row.lines) !== linesKey(lines)) {
      await ctx.tx.orderLine.deleteMany({ where: { orderId: row.id } });
      await ctx.tx.orderLine.createMany({ data: lines.map((l) => ({ orderId: row.id, ...l })) });
    }
  }
  if (orderCreates.length) await ctx.tx.order.createMany({ data: orderCreates });
  if (lineCreates.length) await ctx.tx.orderLine.createMany({ data: lineCreates });
}

async function invoices(ctx: Ctx, all: Item<InvoiceRecord>[]) {
  const c = ctx.count("invoice");
  const { keep, superseded } = lastById(all);
  c.unchanged += superseded;
  const erased = await erasedIds(
    ctx,
    keep.map((i) => i.record.customerId),
  );
  const items = keep.filter((i) => (i.record.customerId && erased.has(i.record.customerId) ? (ctx.reject(i.line, ERASED), false) : true));
  const refs = await customerRefs(
    ctx,
    items.map((i) => i.record.customerId),
  );
  const orderIds = [...new Set(items.map((i) => i.record.orderId).filter((x): x is string => Boolean(x)))];
  const orderRows = orderIds.length ? await ctx.tx.order.findMany({ where: { externalId: { in: orderIds } }, select: { id: true, externalId: true } }) : [];
  const orderMap = new Map(orderRows.map((o) => [o.externalId!, o.id]));
  const existing = await ctx.tx.invoice.findMany({
    where: { OR: [{ externalId: { in: items.map((i) => i.record.id) } }, { invoiceNumber: { in: items.map((i) => i.record.invoiceNumber) } }] },
    select: {
      id: true,
      externalId: true,
      invoiceNumber: true,
      orderId: true,
      customerId: true,
      issuedAt: true,
      description: true,
      netOre: true,
      vatOre: true,
      totalOre: true,
      billingName: true,
      billingStreet: true,
      billingPostalCode: true,
      billingCity: true,
      billingCountry: true,
      anonymisedAt: true,
    },
  });
  const byExt = new Map(existing.filter((e) => e.externalId).map((e) => [e.externalId!, e]));
  const byNumber = new Map(existing.map((e) => [e.invoiceNumber, e]));
  const seenNumbers = new Map<string, number>();
  const creates: Prisma.InvoiceCreateManyInput[] = [];
  for (const { line, record } of items) {
    let customerId: string | null = null;
    if (record.customerId) {
      const ref = refs.get(record.customerId);
      if (!ref) {
        ctx.reject(line, UNKNOWN_CUSTOMER);
        continue;
      }
      customerId = ref.id;
    }
    let orderId: string | null = null;
    if (record.orderId) {
      const o = orderMap.get(record.orderId);
      if (!o && !ctx.memory?.orders.has(record.orderId)) {
        ctx.reject(line, "Ukendt orderId: ordren skal importeres først");
        continue;
      }
      orderId = o ?? VIRTUAL;
    }
    let row = byExt.get(record.id);
    if (!row) {
      const sameNumber = byNumber.get(record.invoiceNumber);
      if (sameNumber && !sameNumber.externalId) row = sameNumber;
      else if (sameNumber) {
        ctx.reject(line, "invoiceNumber: bruges allerede af en anden faktura");
        continue;
      }
    }
    const data = {
      invoiceNumber: record.invoiceNumber,
      issuedAt: new Date(record.issuedAt),
      description: record.description,
      netOre: record.netOre,
      vatOre: record.vatOre,
      totalOre: record.totalOre,
      billingName: record.billing.name,
      billingStreet: record.billing.street,
      billingPostalCode: record.billing.postalCode,
      billingCity: record.billing.city,
      billingCountry: record.billing.country,
    };
    if (!row) {
      if (seenNumbers.has(record.invoiceNumber)) {
        ctx.reject(line, `invoiceNumber: samme som linje ${seenNumbers.get(record.invoiceNumber)}`);
        continue;
      }
      seenNumbers.set(record.invoiceNumber, line);
      c.created++;
      if (customerId === VIRTUAL || orderId === VIRTUAL) continue;
      creates.push({ externalId: record.id, customerId, orderId, ...data });
      continue;
    }
    // An invoice anonymised after 5.2, or detached from an erased person, is never filled in again.
    if (row.anonymisedAt || (row.customerId === null && customerId)) {
      const fresh = row.anonymisedAt ? "Fakturaen er anonymiseret efter pkt. 5.2" : "Fakturaen tilhører en slettet kunde (pkt. 4.5.1)";
      if (row.externalId === record.id) {
        c.unchanged++; // what the shop still holds is older than the portal's decision; nothing to do
        continue;
      }
      ctx.reject(line, fresh);
      continue;
    }
    const unchanged =
      row.externalId === record.id &&
      row.customerId === customerId &&
      row.orderId === orderId &&
      (Object.keys(data) as (keyof typeof data)[]).every((k) =>
        data[k] instanceof Date ? (row[k] as Date).getTime() === (data[k] as Date).getTime() : row[k] === data[k],
      );
    if (unchanged) {
      c.unchanged++;
      continue;
    }
    c.updated++;
    if (customerId === VIRTUAL || orderId === VIRTUAL) continue;
    await ctx.tx.invoice.update({ where: { id: row.id }, data: { externalId: record.id, customerId, orderId, ...data } });
  }
  if (creates.length) await ctx.tx.invoice.createMany({ data: creates });
}

// ---------------------------------------------------------------- consent (4.9) and behaviour (2.1.1)

async function consents(ctx: Ctx, all: Item<ConsentEventRecord>[]) {
  const c = ctx.count("consent_event");
  const { keep, superseded } = lastById(all);
  c.unchanged += superseded;
  const erased = await erasedIds(
    ctx,
    keep.map((i) => i.record.customerId),
  );
  const items = keep.filter((i) => (erased.has(i.record.customerId) ? (ctx.reject(i.line, ERASED), false) : true));
  const refs = await customerRefs(
    ctx,
    items.map((i) => i.record.customerId),
  );
  const existing = await ctx.tx.consentEvent.findMany({
    where: { externalId: { in: items.map((i) => i.record.id) } },
    select: { externalId: true, customerId: true, action: true, occurredAt: true, channel: true, wordingVersion: true },
  });
  const byExt = new Map(existing.map((e) => [e.externalId!, e]));
  const creates: {
    externalId: string;
    customerId: string;
    purpose: string;
    action: "given" | "withdrawn";
    occurredAt: Date;
    channel: string;
    wordingVersion: string;
  }[] = [];
  const withdrawnFor = new Set<string>();
  for (const { line, record } of items) {
    const ref = refs.get(record.customerId);
    if (!ref) {
      ctx.reject(line, UNKNOWN_CUSTOMER);
      continue;
    }
    const row = byExt.get(record.id);
    if (row) {
      const identical =
        row.customerId === ref.id &&
        row.action === record.action &&
        same(row.occurredAt, record.occurredAt) &&
        row.channel === record.channel &&
        row.wordingVersion === record.wordingVersion;
      if (identical) c.unchanged++;
      else ctx.reject(line, "En samtykkehændelse ændres aldrig (pkt. 4.9); send en ny hændelse med nyt id");
      continue;
    }
    // Art. 21(3): while the objection to direct marketing stands, no newsletter consent is recorded, as in the portal
    // (setNewsletterConsent); the customer withdraws the objection first. Consent given before it stays history.
    if (record.action === "given" && ref.objectsToMarketingAt && new Date(record.occurredAt) >= ref.objectsToMarketingAt) {
      c.refused++;
      continue;
    }
    c.created++;
    if (ref.id === VIRTUAL) continue;
    creates.push({
      externalId: record.id,
      customerId: ref.id,
      purpose: "newsletter",
      action: record.action,
      occurredAt: new Date(record.occurredAt),
      channel: record.channel,
      wordingVersion: record.wordingVersion,
    });
    if (record.action === "withdrawn") withdrawnFor.add(ref.id);
  }
  if (creates.length) await ctx.tx.consentEvent.createMany({ data: creates });
  // 5.4: once the latest event says withdrawn, the marketing profile collected for the newsletter goes.
  for (const customerId of withdrawnFor) {
    const last = await ctx.tx.consentEvent.findFirst({
      where: { customerId, purpose: "newsletter" },
      orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
      select: { action: true },
    });
    if (last?.action === "withdrawn") await ctx.tx.marketingProfile.deleteMany({ where: { customerId } });
  }
}

async function websiteEvents(ctx: Ctx, all: Item<WebsiteEventRecord>[]) {
  const c = ctx.count("website_event");
  const { keep, superseded } = lastById(all);
  c.unchanged += superseded;
  const erased = await erasedIds(
    ctx,
    keep.map((i) => i.record.customerId),
  );
  const items = keep.filter((i) => (erased.has(i.record.customerId) ? (ctx.reject(i.line, ERASED), false) : true));
  const refs = await customerRefs(
    ctx,
    items.map((i) => i.record.customerId),
  );
  const existing = new Set(
    (await ctx.tx.websiteEvent.findMany({ where: { externalId: { in: items.map((i) => i.record.id) } }, select: { externalId: true } })).map(
      (e) => e.externalId!,
    ),
  );
  const creates: Prisma.WebsiteEventCreateManyInput[] = [];
  for (const { line, record } of items) {
    const ref = refs.get(record.customerId);
    if (!ref) {
      ctx.reject(line, UNKNOWN_CUSTOMER);
      continue;
    }
    // 4.8 / 4.6: nothing more is recorded about a customer who objected or asked for restriction.
    if (ref.objects || ref.restricted) {
      c.refused++;
      continue;
    }
    if (existing.has(record.id)) {
      c.unchanged++;
      continue;
    }
    c.created++;
    if (ref.id === VIRTUAL) continue;
    creates.push({
      externalId: record.id,
      customerId: ref.id,
      occurredAt: new Date(record.occurredAt),
      kind: record.type,
      path: record.path ?? null,
      searchTerm: record.searchTerm ?? null,
      productSku: record.productSku ?? null,
      browser: record.browser,
      device: record.device,
      ipAddress: record.ipAddress,
    });
  }
  if (creates.length) await ctx.tx.websiteEvent.createMany({ data: creates });
}

/** For tests and the benchmark: how many rows the shop's records produced. */
export async function importedCounts(): Promise<Record<string, number>> {
  const [customers, orders, invoices, websiteEvents, consentEvents, subscriptions] = await Promise.all([
    db.customer.count({ where: { externalId: { not: null } } }),
    db.order.count({ where: { externalId: { not: null } } }),
    db.invoice.count({ where: { externalId: { not: null } } }),
    db.websiteEvent.count({ where: { externalId: { not: null } } }),
    db.consentEvent.count({ where: { externalId: { not: null } } }),
    db.notificationSubscription.count({ where: { externalId: { not: null } } }),
  ]);
  return { customers, orders, invoices, websiteEvents, consentEvents, subscriptions };
}
