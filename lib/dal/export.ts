import "server-only";
import { db, dbProvider, queryRows } from "./db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CustomerPrincipal } from "./session";
import {
  CATEGORIES,
  CONTROLLER,
  consentWording,
  invoiceRetainUntilMany,
  parseFinancialYearEnd,
  OUTBOUND_EVENTS,
  RECIPIENTS,
  type OutboundEventKind,
  type RecipientId,
} from "@/lib/policy";
import { env } from "@/lib/env";
import { pseudonym } from "@/lib/log";
import { EXPORTED } from "@/lib/export/coverage";

// 4.7 (Art. 15(3), 20): the portability export, streamed as JSON text with bounded memory whatever the
// customer's size: each list is read in pages of PAGE rows by (customerId, id) (an index range, migration
// 0011), each page is turned into JSON text at once and its rows dropped, and the text leaves in chunks of
// about CHUNK characters, so the server never holds more than a page and a chunk. The format is
// lib/export/export.schema.json; what it holds of each model, and why anything is left out, is
// lib/export/coverage.ts (test/export.test.ts checks both against the database's own datamodel).

export const EXPORT_FORMAT = {
  name: "123multiservice-persondata",
  version: "1.1.0",
  schemaId: "https://123multiservice.dk/schemas/persondata-eksport/v1.json",
} as const;

/** Which top-level key of the export holds each model (from lib/export/coverage.ts). */
export const EXPORT_SECTIONS: Record<string, string> = Object.fromEntries(Object.entries(EXPORTED).map(([model, e]) => [model, e.section]));

/**
 * Rows per page: SQLite answers in-process, so small pages cost nothing and keep less alive at once (+21 MiB above
 * idle at 500 against +33 MiB at 2,000, bench/export.bench.ts); PostgreSQL answers from another process, where each
 * page is a round trip (2,000: 0.95 s; 500: 1.2 s).
 */
export const EXPORT_PAGE = dbProvider === "postgresql" ? 2000 : 500;
const PAGE = EXPORT_PAGE;
const CHUNK = 64 * 1024;
const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/**
 * Pages of a customer's rows by id, each after the last id of the previous page. The next page is asked for as soon
 * as a page arrives, so the database works on it while this one is turned into text (PostgreSQL answers from another
 * process); at most two pages are held.
 */
async function* pages<T extends { id: string }>(
  fetch: (after: string | undefined, take: number) => Promise<T[]>,
  onRead?: (rows: number) => void,
): AsyncGenerator<T[]> {
  let next: Promise<T[]> | null = fetch(undefined, PAGE);
  while (next) {
    const rows: T[] = await next;
    onRead?.(rows.length);
    next = rows.length === PAGE ? fetch(rows[rows.length - 1].id, PAGE) : null;
    // Handled here too, so that a failure while the client has gone away (nobody awaits it) is no unhandled rejection.
    next?.catch(() => {});
    if (rows.length) yield rows;
  }
}

const idAfter = (after: string | undefined) => (after ? { id: { gt: after } } : {});

/** Collects JSON text and hands it on in chunks of about CHUNK characters. */
class Chunker {
  private buf: string[] = [];
  private size = 0;
  push(s: string): string | null {
    this.buf.push(s);
    this.size += s.length;
    return this.size >= CHUNK ? this.flush() : null;
  }
  flush(): string {
    const out = this.buf.join("");
    this.buf = [];
    this.size = 0;
    return out;
  }
}

/** The export as a sequence of JSON text chunks; null when the customer no longer exists. */
export async function exportChunks(
  c: CustomerPrincipal,
  now: Date = new Date(),
  /** For the tests: told of each page of orders as it is read. */
  onOrderPage?: (rows: number) => void,
): Promise<AsyncGenerator<string> | null> {
  const id = c.customerId;
  const profile = await db.customer.findUnique({
    where: { id },
    select: {
      customerNumber: true,
      name: true,
      street: true,
      postalCode: true,
      city: true,
      country: true,
      email: true,
      phone: true,
      createdAt: true,
      updatedAt: true,
      lastActivityAt: true,
      processingRestricted: true,
      objectsToAnalytics: true,
      objectsToMarketingAt: true,
      emailVerifiedAt: true,
      profileCorrectedAt: true,
    },
  });
  if (!profile) return null;
  const retainUntil = invoiceRetainUntilMany(parseFinancialYearEnd(env.FINANCIAL_YEAR_END));

  return (async function* () {
    const out = new Chunker();
    /** Emits `"key":[…]` from pages of rows, each row turned into JSON text by `row`. */
    async function* list<T extends { id: string }>(key: string, source: AsyncGenerator<T[]>, row: (r: T) => string): AsyncGenerator<string> {
      let first = true;
      const open = out.push(`,"${key}":[`);
      if (open) yield open;
      for await (const page of source) {
        for (const r of page) {
          const full = out.push((first ? "" : ",") + row(r));
          first = false;
          if (full) yield full;
        }
      }
      const close = out.push("]");
      if (close) yield close;
    }

    const head = {
      $schema: EXPORT_FORMAT.schemaId,
      format: EXPORT_FORMAT.name,
      formatVersion: EXPORT_FORMAT.version,
      generatedAt: now.toISOString(),
      controller: { name: CONTROLLER.name, address: `${CONTROLLER.street}, ${CONTROLLER.postalCode} ${CONTROLLER.city}` },
      policy: CATEGORIES.map((k) => ({
        category: k.id,
        title: k.title,
        purpose: k.purpose.text,
        legalBasis: k.legalBasis.text,
        retention: k.retention.description,
        clauses: [...new Set([k.collected.clause, k.purpose.clause, k.legalBasis.clause, k.retention.clause])],
      })),
      profile: {
        customerNumber: profile.customerNumber,
        name: profile.name,
        address: { street: profile.street, postalCode: profile.postalCode, city: profile.city, country: profile.country },
        email: profile.email,
        phone: profile.phone,
        createdAt: iso(profile.createdAt),
        updatedAt: iso(profile.updatedAt),
        lastActivityAt: iso(profile.lastActivityAt),
        processingRestricted: profile.processingRestricted,
        objectsToWebsiteImprovementProcessing: profile.objectsToAnalytics,
        objectsToDirectMarketingSince: profile.objectsToMarketingAt ? iso(profile.objectsToMarketingAt) : null,
        emailConfirmedAt: iso(profile.emailVerifiedAt),
        correctedInPortalAt: profile.profileCorrectedAt ? iso(profile.profileCorrectedAt) : null,
      },
    };
    out.push(JSON.stringify(head).slice(0, -1)); // leave the object open

    // The three large lists (orders with their lines, invoices, website behaviour) are read with raw SQL scoped to
    // the customer (lib/dal/sql.ts's rules: portable, one customer id) and written as JSON text field by field:
    // Prisma's row mapping was half the export's time and most of its garbage (issue 12: < 1 s, < 50 MB).
    if (dbProvider === "postgresql") {
      // PostgreSQL renders each row's JSON text itself (row_to_json, compact, keys in this order): the rows reach
      // Node as an id and one string instead of a dozen parsed values, Dates and Prisma's mapping of each, which
      // was most of the export's garbage on this database (issue 12: < 50 MB above idle). Same document as the
      // SQLite branch below, value for value (test/export.test.ts runs on both). Each page is cut from the index
      // (customerId, id) first and only its rows are turned into JSON, whatever plan the statistics lead to.
      yield* list(
        "orders",
        pages(
          (after, take) =>
            db.$queryRaw<JsonRow[]>`
            SELECT o."id" AS "id", (SELECT row_to_json(j) FROM (SELECT o."orderNumber" AS "orderNumber", ${pgTime("o", "placedAt")} AS "placedAt",
              o."ipAddress" AS "ipAddress",
              CASE WHEN o."shippingName" IS NOT NULL THEN (SELECT row_to_json(s) FROM (SELECT o."shippingName" AS "name", o."shippingStreet" AS "street",
                o."shippingPostalCode" AS "postalCode", o."shippingCity" AS "city", o."shippingCountry" AS "country") s) END AS "shipping",
              o."totalOre" AS "totalOre", 'DKK' AS "currency", o."carrier" AS "carrier",
              COALESCE((SELECT ('[' || string_agg(x."json", ',' ORDER BY x."id") || ']')::json FROM (
                SELECT l."id" AS "id", (SELECT row_to_json(r) FROM (SELECT l."productSku" AS "productSku", l."productName" AS "productName",
                  l."quantity" AS "quantity", l."unitPriceOre" AS "unitPriceOre",
                  CASE WHEN l."returnedQuantity" > 0 THEN (SELECT row_to_json(q) FROM (SELECT l."returnedQuantity" AS "quantity",
                    ${pgTime("l", "returnedAt")} AS "returnedAt", l."returnReason" AS "reason") q) END AS "returned") r)::text AS "json"
                FROM "OrderLine" l WHERE l."orderId" = o."id") x), '[]'::json) AS "lines") j)::text AS "json"
            FROM (SELECT * FROM "Order" o0 WHERE o0."customerId" = ${id}${idAfterSql("o0", after)} ORDER BY o0."id" LIMIT ${limit(take)}) o ORDER BY o."id"`,
          onOrderPage,
        ),
        (r) => r.json,
      );
      yield* list(
        "invoices",
        pages(
          (after, take) =>
            db.$queryRaw<(JsonRow & { issuedAt: Date })[]>`
            SELECT i."id" AS "id", i."issuedAt" AS "issuedAt", (SELECT row_to_json(j) FROM (SELECT i."invoiceNumber" AS "invoiceNumber",
              o."orderNumber" AS "orderNumber", ${pgTime("i", "issuedAt")} AS "issuedAt", i."description" AS "description",
              i."netOre" AS "netOre", i."vatOre" AS "vatOre", i."totalOre" AS "totalOre", 'DKK' AS "currency",
              (SELECT row_to_json(b) FROM (SELECT i."billingName" AS "name", i."billingStreet" AS "street", i."billingPostalCode" AS "postalCode",
                i."billingCity" AS "city", i."billingCountry" AS "country") b) AS "billedTo") j)::text AS "json"
            FROM (SELECT * FROM "Invoice" i0 WHERE i0."customerId" = ${id}${idAfterSql("i0", after)} ORDER BY i0."id" LIMIT ${limit(take)}) i
            LEFT JOIN "Order" o ON o."id" = i."orderId" ORDER BY i."id"`,
        ),
        // The retention date is the policy's rule (lib/policy), so it is added here rather than restated in SQL.
        (r) => `${r.json.slice(0, -1)},"retainedUntil":${time(retainUntil(toDate(r.issuedAt)))}}`,
      );
      yield* list(
        "websiteBehaviour",
        pages(
          (after, take) =>
            db.$queryRaw<JsonRow[]>`
            SELECT w."id" AS "id", (SELECT row_to_json(j) FROM (SELECT ${pgTime("w", "occurredAt")} AS "occurredAt", w."kind" AS "kind", w."path" AS "path",
              w."searchTerm" AS "searchTerm", w."productSku" AS "productSku", w."browser" AS "browser", w."device" AS "device",
              w."ipAddress" AS "ipAddress") j)::text AS "json"
            FROM (SELECT * FROM "WebsiteEvent" w0 WHERE w0."customerId" = ${id}${idAfterSql("w0", after)} ORDER BY w0."id" LIMIT ${limit(take)}) w ORDER BY w."id"`,
        ),
        (r) => r.json,
      );
    } else {
      yield* list(
        "orders",
        pages(async (after, take) => {
          const orders = await queryRows<RawOrder>(Prisma.sql`
            SELECT o."id" AS "id", o."orderNumber" AS "orderNumber", o."placedAt" AS "placedAt", o."ipAddress" AS "ipAddress",
              o."shippingName" AS "shippingName", o."shippingStreet" AS "shippingStreet", o."shippingPostalCode" AS "shippingPostalCode",
              o."shippingCity" AS "shippingCity", o."shippingCountry" AS "shippingCountry", o."totalOre" AS "totalOre", o."carrier" AS "carrier"
            FROM "Order" o WHERE o."customerId" = ${id}${idAfterSql("o", after)} ORDER BY o."id" LIMIT ${limit(take)}`);
          if (orders.length === 0) return [];
          const last = orders[orders.length - 1].id;
          const lines = await queryRows<RawLine>(Prisma.sql`
            SELECT l."orderId" AS "orderId", l."productSku" AS "productSku", l."productName" AS "productName", l."quantity" AS "quantity",
              l."unitPriceOre" AS "unitPriceOre", l."returnedQuantity" AS "returnedQuantity", l."returnedAt" AS "returnedAt", l."returnReason" AS "returnReason"
            FROM "OrderLine" l
            WHERE l."orderId" IN (SELECT o."id" FROM "Order" o WHERE o."customerId" = ${id}${idAfterSql("o", after)} AND o."id" <= ${last})
            ORDER BY l."orderId", l."id"`);
          const byOrder = new Map<string, RawLine[]>();
          for (const l of lines) {
            const list = byOrder.get(l.orderId);
            if (list) list.push(l);
            else byOrder.set(l.orderId, [l]);
          }
          return orders.map((o) => ({ ...o, lines: byOrder.get(o.id) ?? [] }));
        }, onOrderPage),
        (o) =>
          `{"orderNumber":${str(o.orderNumber)},"placedAt":${time(o.placedAt)},"ipAddress":${str(o.ipAddress)},"shipping":${
            o.shippingName
              ? `{"name":${str(o.shippingName)},"street":${str(o.shippingStreet)},"postalCode":${str(o.shippingPostalCode)},"city":${str(o.shippingCity)},"country":${str(o.shippingCountry)}}`
              : "null"
          },"totalOre":${int(o.totalOre)},"currency":"DKK","carrier":${str(o.carrier)},"lines":[${o.lines
            .map(
              (l) =>
                `{"productSku":${str(l.productSku)},"productName":${str(l.productName)},"quantity":${int(l.quantity)},"unitPriceOre":${int(l.unitPriceOre)},"returned":${
                  Number(l.returnedQuantity) > 0
                    ? `{"quantity":${int(l.returnedQuantity)},"returnedAt":${time(l.returnedAt)},"reason":${str(l.returnReason)}}`
                    : "null"
                }}`,
            )
            .join(",")}]}`,
      );

      yield* list(
        "invoices",
        pages((after, take) =>
          queryRows<RawInvoice>(Prisma.sql`
            SELECT i."id" AS "id", i."invoiceNumber" AS "invoiceNumber", o."orderNumber" AS "orderNumber", i."issuedAt" AS "issuedAt",
              i."description" AS "description", i."netOre" AS "netOre", i."vatOre" AS "vatOre", i."totalOre" AS "totalOre",
              i."billingName" AS "billingName", i."billingStreet" AS "billingStreet", i."billingPostalCode" AS "billingPostalCode",
              i."billingCity" AS "billingCity", i."billingCountry" AS "billingCountry"
            FROM "Invoice" i LEFT JOIN "Order" o ON o."id" = i."orderId"
            WHERE i."customerId" = ${id}${idAfterSql("i", after)} ORDER BY i."id" LIMIT ${limit(take)}`),
        ),
        (i) =>
          `{"invoiceNumber":${str(i.invoiceNumber)},"orderNumber":${str(i.orderNumber)},"issuedAt":${time(i.issuedAt)},"description":${str(i.description)},` +
          `"netOre":${int(i.netOre)},"vatOre":${int(i.vatOre)},"totalOre":${int(i.totalOre)},"currency":"DKK",` +
          `"billedTo":{"name":${str(i.billingName)},"street":${str(i.billingStreet)},"postalCode":${str(i.billingPostalCode)},"city":${str(i.billingCity)},"country":${str(i.billingCountry)}},` +
          `"retainedUntil":${time(retainUntil(toDate(i.issuedAt)))}}`,
      );

      yield* list(
        "websiteBehaviour",
        pages((after, take) =>
          queryRows<RawWebsiteEvent>(Prisma.sql`
            SELECT w."id" AS "id", w."occurredAt" AS "occurredAt", w."kind" AS "kind", w."path" AS "path", w."searchTerm" AS "searchTerm",
              w."productSku" AS "productSku", w."browser" AS "browser", w."device" AS "device", w."ipAddress" AS "ipAddress"
            FROM "WebsiteEvent" w WHERE w."customerId" = ${id}${idAfterSql("w", after)} ORDER BY w."id" LIMIT ${limit(take)}`),
        ),
        (e) =>
          `{"occurredAt":${time(e.occurredAt)},"kind":${str(e.kind)},"path":${str(e.path)},"searchTerm":${str(e.searchTerm)},"productSku":${str(e.productSku)},` +
          `"browser":${str(e.browser)},"device":${str(e.device)},"ipAddress":${str(e.ipAddress)}}`,
      );
    }

    yield* list(
      "consentHistory",
      pages((after, take) =>
        db.consentEvent.findMany({
          where: { customerId: id, ...idAfter(after) },
          orderBy: { id: "asc" },
          take,
          select: { id: true, purpose: true, action: true, occurredAt: true, channel: true, wordingVersion: true },
        }),
      ),
      (e) => {
        const w = consentWording(e.wordingVersion);
        return JSON.stringify({
          purpose: e.purpose,
          action: e.action,
          occurredAt: iso(e.occurredAt),
          channel: e.channel,
          wordingVersion: e.wordingVersion,
          wording: w ? { text: w.text, inUseFrom: w.inUseFrom, clause: w.clause } : null,
        });
      },
    );

    const mp = await db.marketingProfile.findUnique({
      where: { customerId: id },
      select: { interests: true, preferredCategories: true, lastComputedAt: true },
    });
    const split = (s: string) =>
      s
        .split(",")
        .map((x) => x.trim())
        .filter(Boolean);
    out.push(
      ',"marketingProfile":' +
        JSON.stringify(
          mp ? { interests: split(mp.interests), preferredCategories: split(mp.preferredCategories), lastComputedAt: iso(mp.lastComputedAt) } : null,
        ),
    );

    yield* list(
      "notificationSubscriptions",
      pages((after, take) =>
        db.notificationSubscription.findMany({
          where: { email: profile.email, ...idAfter(after) },
          orderBy: { id: "asc" },
          take,
          select: { id: true, email: true, productSku: true, productName: true, createdAt: true, notifiedAt: true },
        }),
      ),
      ({ id: _id, ...s }) => JSON.stringify({ ...s, createdAt: iso(s.createdAt), notifiedAt: iso(s.notifiedAt) }),
    );

    yield* list(
      "privacyRequests",
      pages((after, take) =>
        db.privacyRequest.findMany({
          where: { customerId: id, ...idAfter(after) },
          orderBy: { id: "asc" },
          take,
          select: {
            id: true,
            requestNumber: true,
            type: true,
            status: true,
            reason: true,
            createdAt: true,
            dueAt: true,
            signatureReceivedAt: true,
            liftNoticeSentAt: true,
            channel: true,
            receivedAt: true,
            closedAt: true,
            resolution: true,
          },
        }),
      ),
      ({ id: _id, ...r }) =>
        JSON.stringify({
          ...r,
          createdAt: iso(r.createdAt),
          dueAt: iso(r.dueAt),
          signatureReceivedAt: iso(r.signatureReceivedAt),
          liftNoticeSentAt: iso(r.liftNoticeSentAt),
          receivedAt: iso(r.receivedAt),
          closedAt: iso(r.closedAt),
        }),
    );

    // Art. 19, last sentence: the customer may know which recipients were told (issue 9).
    yield* list(
      "recipientNotifications",
      pages((after, take) =>
        db.outboundEvent.findMany({
          where: { subjectRef: id, ...idAfter(after) },
          orderBy: { id: "asc" },
          take,
          select: {
            id: true,
            kind: true,
            occurredAt: true,
            payload: true,
            deliveries: { orderBy: { recipient: "asc" }, select: { recipient: true, status: true, deliveredAt: true } },
          },
        }),
      ),
      (e) =>
        JSON.stringify({
          event: e.kind,
          title: OUTBOUND_EVENTS[e.kind as OutboundEventKind]?.title ?? e.kind,
          occurredAt: iso(e.occurredAt),
          changedFields: Object.keys((JSON.parse(e.payload) as { fields?: object }).fields ?? {}),
          recipients: e.deliveries.map((d) => ({
            recipient: RECIPIENTS[d.recipient as RecipientId]?.name ?? d.recipient,
            status: d.status,
            deliveredAt: iso(d.deliveredAt),
          })),
        }),
    );

    // The customer's own entries in the audit trail (4.2, 6.1): what they and staff did with their data.
    yield* list(
      "auditTrail",
      pages((after, take) =>
        db.auditEvent.findMany({
          where: { subjectRef: id, ...idAfter(after) },
          orderBy: { id: "asc" },
          take,
          select: { id: true, occurredAt: true, actorType: true, action: true, details: true },
        }),
      ),
      (a) =>
        `{"occurredAt":${JSON.stringify(iso(a.occurredAt))},"actor":${JSON.stringify(a.actorType)},"action":${JSON.stringify(a.action)},"details":${jsonOrString(a.details)}}`,
    );

    // Messages to the customer the mail queue still holds (issue 8): delivered ones keep no address or body.
    yield* list(
      "mail",
      pages((after, take) =>
        db.mailMessage.findMany({
          where: { subjectRef: id, ...idAfter(after) },
          orderBy: { id: "asc" },
          take,
          select: { id: true, kind: true, toAddress: true, subject: true, status: true, createdAt: true, sentAt: true, failedAt: true },
        }),
      ),
      (m) =>
        JSON.stringify({
          kind: m.kind,
          subject: m.subject,
          to: m.toAddress,
          status: m.status,
          createdAt: iso(m.createdAt),
          sentAt: iso(m.sentAt),
          failedAt: iso(m.failedAt),
        }),
    );

    const sessions = await db.authSession.findMany({
      where: { customerId: id },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true, expiresAt: true, revokedAt: true },
    });
    const failures = await db.loginFailure.findMany({
      where: { key: pseudonym("acct", profile.email) },
      orderBy: { occurredAt: "asc" },
      select: { occurredAt: true },
    });
    out.push(
      ',"security":' +
        JSON.stringify({
          sessions: sessions.map((s) => ({ createdAt: iso(s.createdAt), expiresAt: iso(s.expiresAt), revokedAt: iso(s.revokedAt) })),
          failedLoginsLast24h: failures.filter((f) => f.occurredAt.getTime() > now.getTime() - 86_400_000).length,
          failedLogins: failures.map((f) => ({ occurredAt: iso(f.occurredAt) })),
        }) +
        "}",
    );
    yield out.flush();
  })();
}

// ---- raw rows of the large lists, and JSON text of their values
interface RawOrder {
  id: string;
  orderNumber: string;
  placedAt: Date | string;
  ipAddress: string | null;
  shippingName: string | null;
  shippingStreet: string | null;
  shippingPostalCode: string | null;
  shippingCity: string | null;
  shippingCountry: string | null;
  totalOre: number | bigint;
  carrier: string | null;
}
interface RawLine {
  orderId: string;
  productSku: string;
  productName: string;
  quantity: number | bigint;
  unitPriceOre: number | bigint;
  returnedQuantity: number | bigint;
  returnedAt: Date | string | null;
  returnReason: string | null;
}
interface RawInvoice {
  id: string;
  invoiceNumber: string;
  orderNumber: string | null;
  issuedAt: Date | string;
  description: string;
  netOre: number | bigint;
  vatOre: number | bigint;
  totalOre: number | bigint;
  billingName: string | null;
  billingStreet: string | null;
  billingPostalCode: string | null;
  billingCity: string | null;
  billingCountry: string | null;
}
interface RawWebsiteEvent {
  id: string;
  occurredAt: Date | string;
  kind: string;
  path: string | null;
  searchTerm: string | null;
  productSku: string | null;
  browser: string;
  device: string;
  ipAddress: string;
}

interface JsonRow {
  id: string;
  json: string;
}
/** A PostgreSQL timestamp(3) column (UTC, as Prisma stores DateTime) as the JSON text `Date.toISOString` gives. */
const pgTime = (alias: string, column: string) => Prisma.raw(`to_char(${alias}."${column}", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

/** ` AND alias."id" > after` when paging on, else nothing. */
function idAfterSql(alias: string, after: string | undefined): Prisma.Sql {
  return after ? Prisma.sql` AND ${Prisma.raw(`${alias}."id"`)} > ${after}` : Prisma.empty;
}
/** LIMIT as a literal (SQLite plans `LIMIT ?` less well); `take` is a constant of this file. */
const limit = (take: number) => Prisma.raw(String(Math.trunc(take)));
const toDate = (v: Date | string) => (v instanceof Date ? v : new Date(v));
const str = (v: string | null) => (v === null ? "null" : JSON.stringify(v));
/** How Prisma's SQLite adapter stores a DateTime: already the ISO instant, with +00:00 for Z (no Date needed). */
const STORED_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$/;
const time = (v: Date | string | null) =>
  v === null ? "null" : typeof v === "string" && STORED_UTC.test(v) ? `"${v.slice(0, 23)}Z"` : `"${toDate(v).toISOString()}"`;
const int = (v: number | bigint) => String(Number(v));

/** Audit details are stored as JSON text; anything else is exported as the text itself. */
function jsonOrString(s: string): string {
  try {
    return JSON.stringify(JSON.parse(s));
  } catch {
    return JSON.stringify(s);
  }
}
