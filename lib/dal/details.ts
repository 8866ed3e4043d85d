import "server-only";
import { db } from "./db";
import { invoiceBookkeepingSelect } from "./invoice-select";
import type { CustomerPrincipal } from "./session";

// The rows behind each card of /konto (4.3): the details pages show them a page at a time, and the e-mailed
// access report (4.3.2) walks through every page. Every query names the session's customer in its where.

export const DETAIL_PAGE_SIZE = 50;

export interface Paged<T> {
  total: number;
  page: number;
  pages: number;
  rows: T[];
}

function window(page: number, total: number, size: number) {
  const pages = Math.max(1, Math.ceil(total / size));
  const p = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  return { page: p, pages, skip: (p - 1) * size };
}

export interface OrderLineView {
  productName: string;
  productSku: string;
  quantity: number;
  unitPriceOre: number;
  returnedQuantity: number;
  returnedAt: Date | null;
  returnReason: string | null;
}

export interface OrderView {
  orderNumber: string;
  placedAt: Date;
  totalOre: number;
  carrier: string;
  ipAddress: string | null;
  shipping: { name: string | null; street: string | null; postalCode: string | null; city: string | null; country: string | null };
  lines: OrderLineView[];
}

export async function listMyOrders(c: CustomerPrincipal, page = 1, size = DETAIL_PAGE_SIZE): Promise<Paged<OrderView>> {
  const where = { customerId: c.customerId };
  const total = await db.order.count({ where });
  const w = window(page, total, size);
  const rows = await db.order.findMany({
    where,
    orderBy: [{ placedAt: "desc" }, { id: "desc" }],
    skip: w.skip,
    take: size,
    select: {
      orderNumber: true,
      placedAt: true,
      totalOre: true,
      carrier: true,
      ipAddress: true,
      shippingName: true,
      shippingStreet: true,
      shippingPostalCode: true,
      shippingCity: true,
      shippingCountry: true,
      lines: {
        orderBy: { id: "asc" },
        select: { productName: true, productSku: true, quantity: true, unitPriceOre: true, returnedQuantity: true, returnedAt: true, returnReason: true },
      },
    },
  });
  return {
    total,
    page: w.page,
    pages: w.pages,
    rows: rows.map((o) => ({
      orderNumber: o.orderNumber,
      placedAt: o.placedAt,
      totalOre: o.totalOre,
      carrier: o.carrier,
      ipAddress: o.ipAddress,
      shipping: { name: o.shippingName, street: o.shippingStreet, postalCode: o.shippingPostalCode, city: o.shippingCity, country: o.shippingCountry },
      lines: o.lines,
    })),
  };
}

export interface InvoiceView {
  invoiceNumber: string;
  issuedAt: Date;
  description: string;
  netOre: number;
  vatOre: number;
  totalOre: number;
  billing: { name: string | null; street: string | null; postalCode: string | null; city: string | null; country: string | null };
  anonymisedAt: Date | null;
}

export async function listMyInvoices(c: CustomerPrincipal, page = 1, size = DETAIL_PAGE_SIZE): Promise<Paged<InvoiceView>> {
  const where = { customerId: c.customerId };
  const total = await db.invoice.count({ where });
  const w = window(page, total, size);
  const rows = await db.invoice.findMany({
    where,
    orderBy: [{ issuedAt: "desc" }, { id: "desc" }],
    skip: w.skip,
    take: size,
    // The fields bookkeeping keeps (5.2), as the export and the staff lookup read them, plus when they were anonymised.
    select: { ...invoiceBookkeepingSelect, anonymisedAt: true },
  });
  return {
    total,
    page: w.page,
    pages: w.pages,
    rows: rows.map((i) => ({
      invoiceNumber: i.invoiceNumber,
      issuedAt: i.issuedAt,
      description: i.description,
      netOre: i.netOre,
      vatOre: i.vatOre,
      totalOre: i.totalOre,
      billing: { name: i.billingName, street: i.billingStreet, postalCode: i.billingPostalCode, city: i.billingCity, country: i.billingCountry },
      anonymisedAt: i.anonymisedAt,
    })),
  };
}

export interface WebsiteEventView {
  occurredAt: Date;
  kind: "page_view" | "search" | "product_click";
  path: string | null;
  searchTerm: string | null;
  productSku: string | null;
  browser: string;
  device: string;
  ipAddress: string;
}

export async function listMyWebsiteEvents(c: CustomerPrincipal, page = 1, size = DETAIL_PAGE_SIZE): Promise<Paged<WebsiteEventView>> {
  const where = { customerId: c.customerId };
  const total = await db.websiteEvent.count({ where });
  const w = window(page, total, size);
  const rows = await db.websiteEvent.findMany({
    where,
    orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
    skip: w.skip,
    take: size,
    select: { occurredAt: true, kind: true, path: true, searchTerm: true, productSku: true, browser: true, device: true, ipAddress: true },
  });
  return { total, page: w.page, pages: w.pages, rows };
}

export interface MarketingProfileView {
  interests: string[];
  preferredCategories: string[];
  lastComputedAt: Date;
}

const splitList = (v: string) =>
  v
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

export async function getMyMarketingProfile(c: CustomerPrincipal): Promise<MarketingProfileView | null> {
  const m = await db.marketingProfile.findUnique({
    where: { customerId: c.customerId },
    select: { interests: true, preferredCategories: true, lastComputedAt: true },
  });
  return m ? { interests: splitList(m.interests), preferredCategories: splitList(m.preferredCategories), lastComputedAt: m.lastComputedAt } : null;
}

export interface SessionView {
  createdAt: Date;
  expiresAt: Date;
}

/** The customer's sessions that still work (6.1). */
export async function listMyActiveSessions(c: CustomerPrincipal, now: Date = new Date()): Promise<SessionView[]> {
  return db.authSession.findMany({
    where: { customerId: c.customerId, revokedAt: null, expiresAt: { gt: now } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true, expiresAt: true },
  });
}
