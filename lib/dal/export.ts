import "server-only";
import { db } from "./db";
import type { CustomerPrincipal } from "./session";
import {
  CATEGORIES,
  CONTROLLER,
  consentWording,
  invoiceRetainUntil,
  parseFinancialYearEnd,
  OUTBOUND_EVENTS,
  RECIPIENTS,
  type OutboundEventKind,
  type RecipientId,
} from "@/lib/policy";
import { env } from "@/lib/env";
import { pseudonym } from "@/lib/log";
import { EXPORTED } from "@/lib/export/coverage";
import { invoiceBookkeepingSelect } from "./invoice-select";

// 4.7 (Art. 15(3), 20): the portability export, streamed as JSON text with bounded memory whatever the
// customer's size: each list is read in pages of PAGE rows by (customerId, id) (an index range, migration
// 0011), each page is turned into JSON text at once and its rows dropped, and the text leaves in chunks of
// about CHUNK characters, so the server never holds more than a page and a chunk. The format is
// lib/export/export.schema.json; what it holds of each model, and why anything is left out, is
// lib/export/coverage.ts (test/export.test.ts checks both against the database's own datamodel).

export const EXPORT_FORMAT = { name: "123multiservice-persondata", version: "1.1.0", schemaId: "https://123multiservice.dk/schemas/persondata-eksport/v1.json" } as const;

/** Which top-level key of the export holds each model (from lib/export/coverage.ts). */
export const EXPORT_SECTIONS: Record<string, string> = Object.fromEntries(Object.entries(EXPORTED).map(([model, e]) => [model, e.section]));

const PAGE = 2000;
const CHUNK = 64 * 1024;
const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** Pages of a customer's rows by id, each after the last id of the previous page. */
async function* pages<T extends { id: string }>(fetch: (after: string | undefined, take: number) => Promise<T[]>): AsyncGenerator<T[]> {
  let after: string | undefined;
  for (;;) {
    const rows = await fetch(after, PAGE);
    if (rows.length) yield rows;
    if (rows.length < PAGE) return;
    after = rows[rows.length - 1].id;
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
export async function exportChunks(c: CustomerPrincipal, now: Date = new Date()): Promise<AsyncGenerator<string> | null> {
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
  const fy = parseFinancialYearEnd(env.FINANCIAL_YEAR_END);

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

    yield* list(
      "orders",
      pages((after, take) =>
        db.order.findMany({
          where: { customerId: id, ...idAfter(after) },
          orderBy: { id: "asc" },
          take,
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
      (o) =>
        JSON.stringify({
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

    yield* list(
      "invoices",
      pages((after, take) =>
        db.invoice.findMany({ where: { customerId: id, ...idAfter(after) }, orderBy: { id: "asc" }, take, select: { id: true, ...invoiceBookkeepingSelect } }),
      ),
      (i) =>
        JSON.stringify({
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

    yield* list(
      "websiteBehaviour",
      pages((after, take) =>
        db.websiteEvent.findMany({
          where: { customerId: id, ...idAfter(after) },
          orderBy: { id: "asc" },
          take,
          select: { id: true, occurredAt: true, kind: true, path: true, searchTerm: true, productSku: true, browser: true, device: true, ipAddress: true },
        }),
      ),
      (e) =>
        JSON.stringify({
          occurredAt: iso(e.occurredAt),
          kind: e.kind,
          path: e.path,
          searchTerm: e.searchTerm,
          productSku: e.productSku,
          browser: e.browser,
          device: e.device,
          ipAddress: e.ipAddress,
        }),
    );

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

    const mp = await db.marketingProfile.findUnique({ where: { customerId: id }, select: { interests: true, preferredCategories: true, lastComputedAt: true } });
    const split = (s: string) => s.split(",").map((x) => x.trim()).filter(Boolean);
    out.push(
      ',"marketingProfile":' +
        JSON.stringify(mp ? { interests: split(mp.interests), preferredCategories: split(mp.preferredCategories), lastComputedAt: iso(mp.lastComputedAt) } : null),
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
          recipients: e.deliveries.map((d) => ({ recipient: RECIPIENTS[d.recipient as RecipientId]?.name ?? d.recipient, status: d.status, deliveredAt: iso(d.deliveredAt) })),
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
      (a) => `{"occurredAt":${JSON.stringify(iso(a.occurredAt))},"actor":${JSON.stringify(a.actorType)},"action":${JSON.stringify(a.action)},"details":${jsonOrString(a.details)}}`,
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

/** Audit details are stored as JSON text; anything else is exported as the text itself. */
function jsonOrString(s: string): string {
  try {
    return JSON.stringify(JSON.parse(s));
  } catch {
    return JSON.stringify(s);
  }
}
