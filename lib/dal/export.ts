import "server-only";
import { db } from "./db";
import type { CustomerPrincipal } from "./session";
import { CATEGORIES, CONTROLLER, invoiceRetainUntil, parseFinancialYearEnd, OUTBOUND_EVENTS, RECIPIENTS, type OutboundEventKind, type RecipientId } from "@/lib/policy";
import { env } from "@/lib/env";
import { pseudonym } from "@/lib/log";
import { profileSelect } from "./customer";
import { invoiceBookkeepingSelect } from "./invoice-select";

// 4.7: the portability export. Streamed as JSON text in pages, so a customer with 10,000 orders never
// holds the whole document in memory. The format is documented by lib/export/export.schema.json.

export const EXPORT_FORMAT = { name: "123multiservice-persondata", version: "1.0.0", schemaId: "https://123multiservice.dk/schemas/persondata-eksport/v1.json" } as const;

/** Which top-level key of the export holds each model with customer data (test/export.test.ts checks it is complete). */
export const EXPORT_SECTIONS: Record<string, string> = {
  Customer: "profile",
  Order: "orders",
  OrderLine: "orders[].lines",
  Invoice: "invoices",
  WebsiteEvent: "websiteBehaviour",
  ConsentEvent: "consentHistory",
  MarketingProfile: "marketingProfile",
  NotificationSubscription: "notificationSubscriptions",
  PrivacyRequest: "privacyRequests",
  OutboundEvent: "recipientNotifications",
  OutboundDelivery: "recipientNotifications[].recipients",
  AuthSession: "security.sessions",
  LoginFailure: "security.failedLoginsLast24h",
};

const PAGE = 500;
const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** One page of rows by id, after the last row of the previous page. */
function pageAfter(cursor: string | undefined) {
  return { orderBy: { id: "asc" as const }, take: PAGE, ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}) };
}

async function* paged<T extends { id: string }>(fetch: (cursor: string | undefined) => Promise<T[]>): AsyncGenerator<T> {
  let cursor: string | undefined;
  for (;;) {
    const rows = await fetch(cursor);
    for (const r of rows) yield r;
    if (rows.length < PAGE) return;
    cursor = rows[rows.length - 1].id;
  }
}

async function* jsonArray<T>(items: AsyncIterable<T>, map: (item: T) => unknown): AsyncGenerator<string> {
  yield "[";
  let first = true;
  for await (const item of items) {
    yield (first ? "" : ",") + JSON.stringify(map(item));
    first = false;
  }
  yield "]";
}

/** The export as a sequence of JSON text chunks; null when the customer no longer exists. */
export async function exportChunks(c: CustomerPrincipal, now: Date = new Date()): Promise<AsyncGenerator<string> | null> {
  const id = c.customerId;
  const profile = await db.customer.findUnique({ where: { id }, select: { ...profileSelect, updatedAt: true } });
  if (!profile) return null;
  const fy = parseFinancialYearEnd(env.FINANCIAL_YEAR_END);

  return (async function* () {
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
      },
    };
    const headText = JSON.stringify(head);
    yield headText.slice(0, -1); // leave the object open

    yield ',"orders":';
    yield* jsonArray(
      paged((cursor) =>
        db.order.findMany({
          where: { customerId: id },
          ...pageAfter(cursor),
          select: {
            id: true,
            orderNumber: true,
            placedAt: true,
            ipAddress: true,
            shippingName: true,
            shippingStreet: true,
            shippingPostalCode: true,
            shippingCity: true,
            shippingCountry: true,
            totalOre: true,
            carrier: true,
            lines: {
              orderBy: { id: "asc" },
              select: { productSku: true, productName: true, quantity: true, unitPriceOre: true, returnedQuantity: true, returnedAt: true, returnReason: true },
            },
          },
        }),
      ),
      (o) => ({
        orderNumber: o.orderNumber,
        placedAt: iso(o.placedAt),
        ipAddress: o.ipAddress,
        shipping: o.shippingName
          ? { name: o.shippingName, street: o.shippingStreet, postalCode: o.shippingPostalCode, city: o.shippingCity, country: o.shippingCountry }
          : null,
        totalOre: o.totalOre,
        currency: "DKK",
        carrier: o.carrier,
        lines: o.lines.map((l) => ({
          productSku: l.productSku,
          productName: l.productName,
          quantity: l.quantity,
          unitPriceOre: l.unitPriceOre,
          returned: l.returnedQuantity > 0 ? { quantity: l.returnedQuantity, returnedAt: iso(l.returnedAt), reason: l.returnReason } : null,
        })),
      }),
    );

    yield ',"invoices":';
    yield* jsonArray(
      paged((cursor) =>
        db.invoice.findMany({
          where: { customerId: id },
          ...pageAfter(cursor),
          select: { id: true, ...invoiceBookkeepingSelect },
        }),
      ),
      (i) => ({
        invoiceNumber: i.invoiceNumber,
        orderNumber: i.order?.orderNumber ?? null,
        issuedAt: iso(i.issuedAt),
        description: i.description,
        netOre: i.netOre,
        vatOre: i.vatOre,
        totalOre: i.totalOre,
        currency: "DKK",
        billedTo: { name: i.billingName, street: i.billingStreet, postalCode: i.billingPostalCode, city: i.billingCity, country: i.billingCountry },
        retainedUntil: iso(invoiceRetainUntil(i.issuedAt, fy)),
      }),
    );

    yield ',"websiteBehaviour":';
    yield* jsonArray(
      paged((cursor) =>
        db.websiteEvent.findMany({
          where: { customerId: id },
          ...pageAfter(cursor),
          select: { id: true, occurredAt: true, kind: true, path: true, searchTerm: true, productSku: true, browser: true, device: true, ipAddress: true },
        }),
      ),
      ({ id: _id, occurredAt, ...e }) => ({ occurredAt: iso(occurredAt), ...e }),
    );

    const consents = await db.consentEvent.findMany({
      where: { customerId: id },
      orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
      select: { purpose: true, action: true, occurredAt: true, channel: true, wordingVersion: true },
    });
    yield ',"consentHistory":' + JSON.stringify(consents.map((e) => ({ ...e, occurredAt: iso(e.occurredAt) })));

    const mp = await db.marketingProfile.findUnique({ where: { customerId: id }, select: { interests: true, preferredCategories: true, lastComputedAt: true } });
    yield ',"marketingProfile":' +
      JSON.stringify(
        mp
          ? {
              interests: mp.interests.split(",").map((s) => s.trim()).filter(Boolean),
              preferredCategories: mp.preferredCategories.split(",").map((s) => s.trim()).filter(Boolean),
              lastComputedAt: iso(mp.lastComputedAt),
            }
          : null,
      );

    const subs = await db.notificationSubscription.findMany({
      where: { email: profile.email },
      orderBy: { createdAt: "asc" },
      select: { email: true, productSku: true, productName: true, createdAt: true, notifiedAt: true },
    });
    yield ',"notificationSubscriptions":' + JSON.stringify(subs.map((s) => ({ ...s, createdAt: iso(s.createdAt), notifiedAt: iso(s.notifiedAt) })));

    const reqs = await db.privacyRequest.findMany({
      where: { customerId: id },
      orderBy: { createdAt: "asc" },
      select: { requestNumber: true, type: true, status: true, reason: true, createdAt: true, dueAt: true, closedAt: true, resolution: true },
    });
    yield ',"privacyRequests":' + JSON.stringify(reqs.map((r) => ({ ...r, createdAt: iso(r.createdAt), dueAt: iso(r.dueAt), closedAt: iso(r.closedAt) })));

    // Art. 19, last sentence: the customer may know which recipients were told (issue 9).
    const told = await db.outboundEvent.findMany({
      where: { subjectRef: id },
      orderBy: { seq: "asc" },
      select: { kind: true, occurredAt: true, payload: true, deliveries: { orderBy: { recipient: "asc" }, select: { recipient: true, status: true, deliveredAt: true } } },
    });
    yield ',"recipientNotifications":' +
      JSON.stringify(
        told.map((e) => ({
          event: e.kind,
          title: OUTBOUND_EVENTS[e.kind as OutboundEventKind]?.title ?? e.kind,
          occurredAt: iso(e.occurredAt),
          changedFields: Object.keys((JSON.parse(e.payload) as { fields?: object }).fields ?? {}),
          recipients: e.deliveries.map((d) => ({ recipient: RECIPIENTS[d.recipient as RecipientId]?.name ?? d.recipient, status: d.status, deliveredAt: iso(d.deliveredAt) })),
        })),
      );

    const sessions = await db.authSession.findMany({
      where: { customerId: id },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true, expiresAt: true, revokedAt: true },
    });
    const failures = await db.loginFailure.count({
      where: { key: pseudonym("acct", profile.email), occurredAt: { gt: new Date(now.getTime() - 86_400_000) } },
    });
    yield ',"security":' +
      JSON.stringify({
        sessions: sessions.map((s) => ({ createdAt: iso(s.createdAt), expiresAt: iso(s.expiresAt), revokedAt: iso(s.revokedAt) })),
        failedLoginsLast24h: failures,
      });
    yield "}";
  })();
}
