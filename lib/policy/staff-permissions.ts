// 6.2: which member of staff may do what. One table, read by the staff actions (lib/actions/staff.ts) and the
// DAL's own role checks, and tested (test/mailed-requests.test.ts, e2e/authorisation-matrix.spec.ts).

export type StaffRoleName = "support" | "dpo";

export interface StaffPermission {
  roles: readonly StaffRoleName[];
  /** Why these roles and no others (6.2: only the staff who must have access). */
  reason: string;
}

export const STAFF_PERMISSIONS = {
  /** 4.2.3, 4.5.2: a request that came by e-mail or letter enters the queue. */
  registerMailedRequest: {
    roles: ["support", "dpo"],
    reason:
      "Kundeservice læser postkassen og brevene og skal kunne lægge en anmodning i køen med det samme, så fristen (art. 12, stk. 3) regnes fra modtagelsen. Opslaget viser kun navn og kundenummer.",
  },
  /** 4.3, 4.7: the customer's complete data leave the portal by e-mail. */
  sendExport: {
    roles: ["dpo"],
    reason:
      "Eksporten indeholder alle kundens oplysninger og sendes ud af huset; kun databeskyttelsesrådgiveren, der også ser kundens e-mailadresse, må sende den.",
  },
} as const satisfies Record<string, StaffPermission>;

export type StaffPermissionName = keyof typeof STAFF_PERMISSIONS;

export function staffMay(role: string, permission: StaffPermissionName): boolean {
  return (STAFF_PERMISSIONS[permission].roles as readonly string[]).includes(role);
}
