import "server-only";
// Role checks and actor labels, free of Next.js imports so the retention CLI and unit tests can load them.
import { log } from "@/lib/log";
import type { Principal, StaffRole } from "./auth";

type StaffPrincipal = Extract<Principal, { kind: "staff" }>;

/**
 * Defence in depth for staff-only data (6.2): the DAL checks the role itself, whatever the caller
 * (page, action or route) already checked.
 */
export function assertStaffRole(staff: StaffPrincipal, roles: readonly StaffRole[]): void {
  if (staff.kind !== "staff" || !roles.includes(staff.role)) {
    log("warn", "access.denied", { actor: actorLabel(staff), roles: roles.join(",") });
    throw new Error("forbidden");
  }
}

/** How a principal appears in logs and the audit trail: kind and random id, never a name or e-mail. */
export function actorLabel(p: Principal): string {
  return p.kind === "customer" ? `customer:${p.customerId}` : `staff:${p.staffId}:${p.role}`;
}
