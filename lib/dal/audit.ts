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
