import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { authOptions } from "@/lib/auth/options";
import { principalForSession, type Principal, type StaffRole } from "./auth";

export type CustomerPrincipal = Extract<Principal, { kind: "customer" }>;
export type StaffPrincipal = Extract<Principal, { kind: "staff" }>;

/**
 * The verified principal of this request: the next-auth JWT names a session, and the session row must
 * exist, be unrevoked and unexpired, and its owner must still exist. Checked on every request (ASVS 7.4).
 */
export const getPrincipal = cache(async (): Promise<Principal | null> => {
  let session;
  try {
    session = await getServerSession(authOptions);
  } catch {
    return null;
  }
  if (!session?.sid) return null;
  return principalForSession(session.sid);
});

export async function getCustomer(): Promise<CustomerPrincipal | null> {
  const p = await getPrincipal();
  return p?.kind === "customer" ? p : null;
}

export async function getStaff(roles?: readonly StaffRole[]): Promise<StaffPrincipal | null> {
  const p = await getPrincipal();
  if (p?.kind !== "staff") return null;
  if (roles && !roles.includes(p.role)) return null;
  return p;
}

/** For pages under /konto: the customer, or a redirect to the login (staff go to their own area). */
export async function requireCustomerPage(returnTo: string): Promise<CustomerPrincipal> {
  const p = await getPrincipal();
  if (p?.kind === "customer") return p;
  if (p?.kind === "staff") redirect("/personale");
  redirect(`/log-ind?callbackUrl=${encodeURIComponent(returnTo)}`);
}

/** For pages under /personale (6.2): staff with one of the roles; a customer never reaches it. */
export async function requireStaffPage(returnTo: string, roles?: readonly StaffRole[]): Promise<StaffPrincipal> {
  const p = await getPrincipal();
  if (p?.kind === "customer") redirect("/konto");
  if (!p) redirect(`/log-ind?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (roles && !roles.includes(p.role)) redirect("/personale?adgang=naegtet");
  return p;
}
