import "server-only";
import { cache } from "react";
import { hkdfSync } from "node:crypto";
import { cookies } from "next/headers";
import { jwtDecrypt } from "jose";
import { redirect } from "next/navigation";
import { env, secureCookies } from "@/lib/env";
import { sessionState, type PendingStaff, type Principal, type SessionState, type StaffRole } from "./auth";
import { log } from "@/lib/log";
import { actorLabel } from "./roles";

export { actorLabel };

/** next-auth's session cookie name (the __Secure- prefix when cookies are Secure). */
export const SESSION_COOKIE = `${secureCookies ? "__Secure-" : ""}next-auth.session-token`;

export type CustomerPrincipal = Extract<Principal, { kind: "customer" }>;
export type StaffPrincipal = Extract<Principal, { kind: "staff" }>;

let derived: { secret: string; key: Uint8Array } | null = null;

/**
 * next-auth's JWE key (HKDF-SHA256 of NEXTAUTH_SECRET, empty salt, its fixed info string), derived once per secret
 * instead of on every request as next-auth/jwt's `decode` does (issue 13.3). The token is then decrypted and its
 * claims checked exactly as `decode` does (jose, `dir` + A256GCM, 15 s clock tolerance).
 */
function sessionKey(secret: string): Uint8Array {
  if (derived?.secret !== secret) {
    derived = { secret, key: new Uint8Array(hkdfSync("sha256", secret, "", "NextAuth.js Generated Encryption Key", 32)) };
  }
  return derived.key;
}

export async function decodeSessionToken(raw: string, secret: string = env.NEXTAUTH_SECRET): Promise<Record<string, unknown> | null> {
  try {
    const { payload } = await jwtDecrypt(raw, sessionKey(secret), { clockTolerance: 15 });
    return payload;
  } catch {
    return null;
  }
}

/**
 * The verified principal of this request: the next-auth JWT (signed and encrypted with NEXTAUTH_SECRET)
 * names a session, and the session row must
 * exist, be unrevoked and unexpired, and its owner must still exist. Checked on every request (ASVS 7.4).
 */
const getSessionState = cache(async (): Promise<SessionState> => {
  const jar = await cookies();
  const raw = jar.get(SESSION_COOKIE)?.value;
  if (!raw) return null;
  const token = await decodeSessionToken(raw);
  if (!token?.sid || typeof token.sid !== "string") return null;
  return sessionState(token.sid);
});

/**
 * The logged-in principal, or null. A staff session that still owes its second factor (issue 8, ASVS 6.3.3) is
 * null here, like no session: every page, action (lib/actions/safe-action.ts) and route handler uses this.
 */
export const getPrincipal = cache(async (): Promise<Principal | null> => {
  const s = await getSessionState();
  return s?.state === "full" ? s.principal : null;
});

/** Only for /log-ind/kode, /log-ind/opsaet-kode and their actions: the staff member who still owes the second factor. */
export async function getPendingSecondFactor(): Promise<PendingStaff | null> {
  const s = await getSessionState();
  return s?.state === "second-factor" ? s.pending : null;
}

/** Where a session that owes the second factor is sent (the code, or the first-login set-up). */
export function secondFactorPath(pending: PendingStaff, returnTo?: string): string {
  const page = pending.enrolled ? "/log-ind/kode" : "/log-ind/opsaet-kode";
  return returnTo ? `${page}?callbackUrl=${encodeURIComponent(returnTo)}` : page;
}

async function redirectIfPending(returnTo: string): Promise<void> {
  const pending = await getPendingSecondFactor();
  if (pending) redirect(secondFactorPath(pending, returnTo));
}

export async function getCustomer(): Promise<CustomerPrincipal | null> {
  const p = await getPrincipal();
  return p?.kind === "customer" ? p : null;
}

/**
 * Who may see a customer page: the customer, or where anyone else is sent (staff to their own area, a staff session
 * that owes its second factor to the code, everyone else to the login). For /konto, a route handler
 * (app/konto/route.ts), which answers with the redirect itself; pages use requireCustomerPage.
 */
export async function customerPageAccess(returnTo: string): Promise<{ customer: CustomerPrincipal } | { redirectTo: string }> {
  const p = await getPrincipal();
  if (p?.kind === "customer") return { customer: p };
  if (p?.kind === "staff") {
    log("warn", "access.denied", { actor: actorLabel(p), path: returnTo });
    return { redirectTo: "/personale" };
  }
  const pending = await getPendingSecondFactor();
  if (pending) return { redirectTo: secondFactorPath(pending, "/personale") };
  return { redirectTo: `/log-ind?callbackUrl=${encodeURIComponent(returnTo)}` };
}

/** For pages under /konto: the customer, or a redirect to the login (staff go to their own area). */
export async function requireCustomerPage(returnTo: string): Promise<CustomerPrincipal> {
  const access = await customerPageAccess(returnTo);
  if ("redirectTo" in access) redirect(access.redirectTo);
  return access.customer;
}

/** For pages under /personale (6.2): staff with one of the roles; a customer never reaches it. */
export async function requireStaffPage(returnTo: string, roles?: readonly StaffRole[]): Promise<StaffPrincipal> {
  const p = await getPrincipal();
  if (p?.kind === "customer") {
    log("warn", "access.denied", { actor: actorLabel(p), path: returnTo });
    redirect("/konto");
  }
  if (!p) {
    await redirectIfPending(returnTo);
    redirect(`/log-ind?callbackUrl=${encodeURIComponent(returnTo)}`);
  }
  if (roles && !roles.includes(p.role)) {
    log("warn", "access.denied", { actor: actorLabel(p), path: returnTo });
    redirect("/personale?adgang=naegtet");
  }
  return p;
}
