import "server-only";
import { db } from "./db";
import { assertStaffRole } from "./roles";
import { invoiceBookkeepingSelect } from "./invoice-select";
import type { StaffPrincipal } from "./session";
import { invoiceRetainUntil, parseFinancialYearEnd } from "@/lib/policy";
import { env } from "@/lib/env";

// What staff look up outside the request queue. Callers have checked the role (6.2); the functions
// take the principal so that no call can be made without one.

export interface InvoiceView {
  invoiceNumber: string;
  issuedAt: Date;
  description: string;
  netOre: number;
  vatOre: number;
  totalOre: number;
  billingName: string | null;
  billingAddress: string | null;
  orderNumber: string | null;
  linkedCustomerNumber: number | null;
  retainUntil: Date;
  anonymisedAt: Date | null;
}

/** Invoices by invoice or order number, as bookkeeping needs them (5.2). */
export async function searchInvoices(staff: StaffPrincipal, q: string): Promise<InvoiceView[]> {
  assertStaffRole(staff, ["dpo"]);
  if (!q) return [];
  const rows = await db.invoice.findMany({
    where: { OR: [{ invoiceNumber: q }, { order: { orderNumber: q } }] },
    take: 20,
    select: { ...invoiceBookkeepingSelect, anonymisedAt: true, customer: { select: { customerNumber: true } } },
  });
  return rows.map((r) => ({
    invoiceNumber: r.invoiceNumber,
    issuedAt: r.issuedAt,
    description: r.description,
    netOre: r.netOre,
    vatOre: r.vatOre,
    totalOre: r.totalOre,
    billingName: r.billingName,
    billingAddress: r.billingStreet ? `${r.billingStreet}, ${r.billingPostalCode} ${r.billingCity}, ${r.billingCountry}` : null,
    orderNumber: r.order?.orderNumber ?? null,
    linkedCustomerNumber: r.customer?.customerNumber ?? null,
    retainUntil: invoiceRetainUntil(r.issuedAt, parseFinancialYearEnd(env.FINANCIAL_YEAR_END)),
    anonymisedAt: r.anonymisedAt,
  }));
}
