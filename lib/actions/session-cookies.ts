import "server-only";
import { cookies } from "next/headers";
import { getPendingSecondFactor, getPrincipal, SESSION_COOKIE } from "@/lib/dal/session";
import { revokeSession } from "@/lib/dal/auth";
import { recordAudit } from "@/lib/dal/audit";
import { encode } from "next-auth/jwt";
import { env, secureCookies } from "@/lib/env";
import { SESSION_MAX_AGE_SECONDS } from "@/lib/policy";

// Shared by the customer's and the staff's account actions (lib/actions/account.ts, lib/actions/staff-account.ts).
// Not a "use server" module: nothing here is an action.

export async function clearSessionCookies() {
  const jar = await cookies();
  // Same attributes as next-auth's cookie, so browsers accept the overwrite of a __Secure- cookie.
  if (jar.has(SESSION_COOKIE)) jar.set(SESSION_COOKIE, "", { maxAge: 0, path: "/", httpOnly: true, sameSite: "lax", secure: secureCookies });
}

/** Where "Log ud" ends. */
export const LOGGED_OUT_PATH = "/log-ind?logget-ud=1";

/**
 * "Log ud" for customers and staff: the server-side session is revoked, so a copied cookie stops working. Run by
 * logoutAction (the second-factor pages) and by POST /api/log-ud (the account bars, components/site-shell.ts).
 */
export async function endSession(): Promise<void> {
  // Issue 8: a session that still owes the second factor is ended too ("Afbryd" on the code pages).
  const pending = await getPendingSecondFactor();
  if (pending) await revokeSession(pending.sessionId);
  const p = await getPrincipal();
  if (p) {
    await revokeSession(p.sessionId);
    await recordAudit({
      actorType: p.kind,
      actorRef: p.kind === "customer" ? p.customerId : p.staffId,
      subjectRef: p.kind === "customer" ? p.customerId : null,
      action: "logout",
    });
  }
  await clearSessionCookies();
}

/**
 * ASVS 7.2.4 (issue 8): the staff login completed by the second factor gets a new session, so a new cookie: the
 * same token next-auth issues at login (only the session id, the subject and the kind), the same attributes.
 */
export async function issueSessionCookie(token: { sub: string; sid: string; kind: "staff" | "customer" }) {
  const value = await encode({ token, secret: env.NEXTAUTH_SECRET, maxAge: SESSION_MAX_AGE_SECONDS });
  const jar = await cookies();
  jar.set(SESSION_COOKIE, value, { maxAge: SESSION_MAX_AGE_SECONDS, path: "/", httpOnly: true, sameSite: "lax", secure: secureCookies });
}

/** Issue 11 item 2: the current password is throttled like a login; the same Danish wording as the login form. */
export function tooManyAttempts(retryAt: Date): string {
  const time = retryAt.toLocaleTimeString("da-DK", { hour: "2-digit", minute: "2-digit", second: "2-digit", timeZone: "Europe/Copenhagen" });
  return `For mange mislykkede forsøg. Af sikkerhedshensyn kan du prøve igen kl. ${time}.`;
}
