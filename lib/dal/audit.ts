import "server-only";
import { db, type Tx } from "./db";
import { assertStaffRole } from "./roles";
import type { StaffPrincipal } from "./session";

// The audit trail (4.2, 6.1): who did what, when. Details hold field names, counts and reasons;
// never personal values. The subject is the customer's random id: a pseudonymous reference once erased.

export interface AuditEntry {
  actorType: "customer" | "staff" | "system";
  actorRef: string;
  action: string;
  subjectRef?: string | null;
  details?: Record<string, string | number | boolean | string[] | null | undefined>;
  occurredAt?: Date;
}

export async function recordAudit(entry: AuditEntry, tx: Tx = db): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorType: entry.actorType,
      actorRef: entry.actorRef,
      action: entry.action,
      subjectRef: entry.subjectRef ?? null,
      details: JSON.stringify(entry.details ?? {}),
      occurredAt: entry.occurredAt ?? new Date(),
    },
  });
}

export interface AuditView {
  occurredAt: Date;
  actorType: string;
  actorRef: string;
  action: string;
  subjectRef: string | null;
  details: Record<string, unknown>;
}

function toView(r: { occurredAt: Date; actorType: string; actorRef: string; action: string; subjectRef: string | null; details: string }): AuditView {
  let details: Record<string, unknown> = {};
  try {
    details = JSON.parse(r.details) as Record<string, unknown>;
  } catch {
    details = {};
  }
  return { occurredAt: r.occurredAt, actorType: r.actorType, actorRef: r.actorRef, action: r.action, subjectRef: r.subjectRef, details };
}

const auditSelect = { occurredAt: true, actorType: true, actorRef: true, action: true, subjectRef: true, details: true } as const;

/** Audit events about one subject (a customer's pseudonymous reference). */
export async function auditForSubject(subjectRef: string, take = 100): Promise<AuditView[]> {
  const rows = await db.auditEvent.findMany({ where: { subjectRef }, orderBy: { occurredAt: "desc" }, take, select: auditSelect });
  return rows.map(toView);
}

export async function recentAudit(staff: StaffPrincipal, take = 100): Promise<AuditView[]> {
  assertStaffRole(staff, ["dpo"]);
  const rows = await db.auditEvent.findMany({ orderBy: { occurredAt: "desc" }, take, select: auditSelect });
  return rows.map(toView);
}

export interface AuditFilter {
  /** The customer's number (kundenummer); their random id is the subject reference. */
  customerNumber?: number;
  /** An action code, with or without ".refused". */
  action?: string;
  /** Days, inclusive, as instants (the page converts Danish dates). */
  from?: Date;
  to?: Date;
  page?: number;
}

export interface AuditRow extends AuditView {
  /** Who acted, for people: the staff member's name or the customer's number; null for the system. */
  actorName: string | null;
  subjectCustomerNumber: number | null;
}

export const AUDIT_PAGE_SIZE = 50;

/**
 * The dpo's audit trail (6.1, 6.2): filtered by customer number, action and date, newest first, paged.
 * Staff ids become names and customer ids become customer numbers (never names or e-mails); an erased
 * customer has no number any more and stays a pseudonymous reference.
 */
export async function searchAudit(
  staff: StaffPrincipal,
  f: AuditFilter,
): Promise<{ rows: AuditRow[]; total: number; page: number; pages: number; unknownCustomer: boolean }> {
  assertStaffRole(staff, ["dpo"]);
  let subjectRef: string | undefined;
  if (f.customerNumber !== undefined) {
    const c = await db.customer.findUnique({ where: { customerNumber: f.customerNumber }, select: { id: true } });
    if (!c) return { rows: [], total: 0, page: 1, pages: 1, unknownCustomer: true };
    subjectRef = c.id;
  }
  const where = {
    ...(subjectRef ? { subjectRef } : {}),
    ...(f.action ? { action: { in: [f.action, `${f.action}.refused`] } } : {}),
    ...(f.from || f.to ? { occurredAt: { ...(f.from ? { gte: f.from } : {}), ...(f.to ? { lt: f.to } : {}) } } : {}),
  };
  const total = await db.auditEvent.count({ where });
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.floor(f.page ?? 1) || 1), pages);
  const raw = await db.auditEvent.findMany({
    where,
    orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * AUDIT_PAGE_SIZE,
    take: AUDIT_PAGE_SIZE,
    select: auditSelect,
  });
  const rows = raw.map(toView);
  const staffIds = [...new Set(rows.filter((r) => r.actorType === "staff").map((r) => r.actorRef))];
  const customerIds = [...new Set(rows.flatMap((r) => [r.actorType === "customer" ? r.actorRef : null, r.subjectRef]).filter((x): x is string => !!x))];
  const [staffRows, customerRows] = await Promise.all([
    staffIds.length ? db.staffUser.findMany({ where: { id: { in: staffIds } }, select: { id: true, name: true } }) : [],
    customerIds.length ? db.customer.findMany({ where: { id: { in: customerIds } }, select: { id: true, customerNumber: true } }) : [],
  ]);
  const staffName = new Map(staffRows.map((s) => [s.id, s.name]));
  const number = new Map(customerRows.map((c) => [c.id, c.customerNumber]));
  return {
    total,
    page,
    pages,
    unknownCustomer: false,
    rows: rows.map((r) => ({
      ...r,
      actorName:
        r.actorType === "staff"
          ? (staffName.get(r.actorRef) ?? null)
          : r.actorType === "customer" && number.has(r.actorRef)
            ? `Kunden, kundenr. ${number.get(r.actorRef)}`
            : null,
      subjectCustomerNumber: r.subjectRef ? (number.get(r.subjectRef) ?? null) : null,
    })),
  };
}
