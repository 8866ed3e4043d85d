import "server-only";
import { queryRows } from "./db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CustomerPrincipal } from "./session";
import { bool, num, toDate } from "./raw";

// The first screen of /konto (issue 13): how much we hold in each category and the first and last dates,
// from aggregate queries only. No rows are read, so the page costs the same for a customer with ten orders
// and one with ten thousand: counts and min/max come from indexes ((customerId, placedAt), (customerId,
// issuedAt), (customerId, occurredAt)); the details pages (lib/dal/details.ts) read the rows, paged.

/**
 * Counts stop at COUNT_CAP: the first screen reads at most that many index entries per category, whatever the
 * history; `more` says there are more (the details page counts them all).
 */
export const COUNT_CAP = 1_000;

export interface Counted {
  count: number;
  more: boolean;
  first: Date | null;
  last: Date | null;
}

export interface OverviewSummary {
  profile: {
    customerNumber: number;
    name: string;
    email: string;
    /** The address is confirmed (a link sent to it was opened, issue 8); the access report goes only to one that is. */
    emailConfirmed: boolean;
    createdAt: Date;
    lastActivityAt: Date;
    processingRestricted: boolean;
    objectsToAnalytics: boolean;
  };
  orders: Counted;
  invoices: Counted;
  websiteEvents: Counted;
  consentEvents: number;
  newsletter: { subscribed: boolean; since: Date | null };
  marketingProfile: boolean;
  notifications: number;
  requests: { count: number; open: number };
  activeSessions: number;
}

function counted(n: unknown, first: unknown, last: unknown): Counted {
  const count = num(n);
  return { count: Math.min(count, COUNT_CAP), more: count > COUNT_CAP, first: toDate(first), last: toDate(last) };
}

interface SummaryRow {
  customerNumber: unknown;
  name: string;
  email: string;
  emailVerifiedAt: unknown;
  createdAt: unknown;
  lastActivityAt: unknown;
  processingRestricted: unknown;
  objectsToAnalytics: unknown;
  orders: unknown;
  firstOrder: unknown;
  lastOrder: unknown;
  invoices: unknown;
  firstInvoice: unknown;
  lastInvoice: unknown;
  events: unknown;
  firstEvent: unknown;
  lastEvent: unknown;
  consents: unknown;
  lastConsentAction: string | null;
  lastConsentAt: unknown;
  marketing: unknown;
  notifications: unknown;
  requests: unknown;
  openRequests: unknown;
  activeSessions: unknown;
}

/**
 * The statement behind `getOverviewSummary`: everything the overview's cards and timeline need, in one statement
 * (portable SQL: SQLite and PostgreSQL), scoped to the customer in every subquery. Each subquery reads one
 * customer's rows through an index; on PostgreSQL `queryRows` keeps it to index scans (lib/dal/index-reads.ts).
 */
export function overviewSummarySql(id: string, now: Date): Prisma.Sql {
  // A literal, not a bound parameter: SQLite plans LIMIT ? less well.
  const cap = Prisma.raw(String(COUNT_CAP + 1));
  return Prisma.sql`
      SELECT
        c."customerNumber" AS "customerNumber", c."name" AS "name", c."email" AS "email",
        c."emailVerifiedAt" AS "emailVerifiedAt", c."createdAt" AS "createdAt", c."lastActivityAt" AS "lastActivityAt",
        c."processingRestricted" AS "processingRestricted", c."objectsToAnalytics" AS "objectsToAnalytics",
        (SELECT COUNT(*) FROM (SELECT 1 FROM "Order" o WHERE o."customerId" = ${id} LIMIT ${cap}) x) AS "orders",
        (SELECT MIN(o."placedAt") FROM "Order" o WHERE o."customerId" = ${id}) AS "firstOrder",
        (SELECT MAX(o."placedAt") FROM "Order" o WHERE o."customerId" = ${id}) AS "lastOrder",
        (SELECT COUNT(*) FROM (SELECT 1 FROM "Invoice" i WHERE i."customerId" = ${id} LIMIT ${cap}) x) AS "invoices",
        (SELECT MIN(i."issuedAt") FROM "Invoice" i WHERE i."customerId" = ${id}) AS "firstInvoice",
        (SELECT MAX(i."issuedAt") FROM "Invoice" i WHERE i."customerId" = ${id}) AS "lastInvoice",
        (SELECT COUNT(*) FROM (SELECT 1 FROM "WebsiteEvent" w WHERE w."customerId" = ${id} LIMIT ${cap}) x) AS "events",
        (SELECT MIN(w."occurredAt") FROM "WebsiteEvent" w WHERE w."customerId" = ${id}) AS "firstEvent",
        (SELECT MAX(w."occurredAt") FROM "WebsiteEvent" w WHERE w."customerId" = ${id}) AS "lastEvent",
        (SELECT COUNT(*) FROM "ConsentEvent" e WHERE e."customerId" = ${id}) AS "consents",
        (SELECT e."action" FROM "ConsentEvent" e WHERE e."customerId" = ${id} AND e."purpose" = 'newsletter'
           ORDER BY e."occurredAt" DESC, e."id" DESC LIMIT 1) AS "lastConsentAction",
        (SELECT e."occurredAt" FROM "ConsentEvent" e WHERE e."customerId" = ${id} AND e."purpose" = 'newsletter'
           ORDER BY e."occurredAt" DESC, e."id" DESC LIMIT 1) AS "lastConsentAt",
        (SELECT COUNT(*) FROM "MarketingProfile" m WHERE m."customerId" = ${id}) AS "marketing",
        (SELECT COUNT(*) FROM "NotificationSubscription" n WHERE n."email" = c."email") AS "notifications",
        (SELECT COUNT(*) FROM "PrivacyRequest" r WHERE r."customerId" = ${id}) AS "requests",
        (SELECT COUNT(*) FROM "PrivacyRequest" r WHERE r."customerId" = ${id}
           AND r."status" IN ('awaiting_signature', 'signature_received', 'open')) AS "openRequests",
        (SELECT COUNT(*) FROM "AuthSession" s WHERE s."customerId" = ${id} AND s."revokedAt" IS NULL
           AND s."expiresAt" > ${now}) AS "activeSessions"
      FROM "Customer" c WHERE c."id" = ${id}`;
}

/** Everything the overview's cards and timeline need; null when the customer no longer exists. */
export async function getOverviewSummary(c: CustomerPrincipal, now: Date = new Date()): Promise<OverviewSummary | null> {
  const rows = await queryRows<SummaryRow>(overviewSummarySql(c.customerId, now));
  const r = rows[0];
  if (!r) return null;
  return {
    profile: {
      customerNumber: num(r.customerNumber),
      name: r.name,
      email: r.email,
      emailConfirmed: r.emailVerifiedAt !== null && r.emailVerifiedAt !== undefined,
      createdAt: toDate(r.createdAt) ?? now,
      lastActivityAt: toDate(r.lastActivityAt) ?? now,
      processingRestricted: bool(r.processingRestricted),
      objectsToAnalytics: bool(r.objectsToAnalytics),
    },
    orders: counted(r.orders, r.firstOrder, r.lastOrder),
    invoices: counted(r.invoices, r.firstInvoice, r.lastInvoice),
    websiteEvents: counted(r.events, r.firstEvent, r.lastEvent),
    consentEvents: num(r.consents),
    newsletter: { subscribed: r.lastConsentAction === "given", since: r.lastConsentAction ? toDate(r.lastConsentAt) : null },
    marketingProfile: num(r.marketing) > 0,
    notifications: num(r.notifications),
    requests: { count: num(r.requests), open: num(r.openRequests) },
    activeSessions: num(r.activeSessions),
  };
}
