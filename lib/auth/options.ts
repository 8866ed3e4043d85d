import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { env, secureCookies } from "@/lib/env";
import { login, principalForSession, revokeSession, sessionState } from "@/lib/dal/auth";
import { recordAudit } from "@/lib/dal/audit";
import { log } from "@/lib/log";
import { knownDeviceFromCookieHeader, knownDeviceSetCookie } from "./known-device";
import { loginContext } from "./login-context";
import { loginSchema } from "@/lib/validation/login";
import { SESSION_MAX_AGE_SECONDS } from "@/lib/policy";

/** The client address, only from the configured trusted proxy header (ASVS 6.3.1); null when none is trusted. */
export function clientAddressFrom(headers: Record<string, string | string[] | undefined> | Headers | undefined): string | null {
  if (!env.TRUSTED_PROXY_HEADER || !headers) return null;
  const raw = headers instanceof Headers ? headers.get(env.TRUSTED_PROXY_HEADER) : headers[env.TRUSTED_PROXY_HEADER];
  const value = Array.isArray(raw) ? raw[raw.length - 1] : raw;
  // The proxy appends the address it saw: the last entry is the one we can trust.
  const last = value?.split(",").pop()?.trim();
  return last ? last.slice(0, 64) : null;
}

/** Error codes the login form turns into Danish (components/login-form.tsx). */
export const LOGIN_ERROR = { invalid: "CredentialsSignin", throttledPrefix: "THROTTLED:" } as const;

class SessionEnded extends Error {
  constructor() {
    super("session ended");
    this.name = "SessionEnded";
  }
}

export const authOptions: NextAuthOptions = {
  secret: env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
  useSecureCookies: secureCookies,
  pages: { signIn: "/log-ind", error: "/log-ind" },
  providers: [
    CredentialsProvider({
      name: "E-mail og adgangskode",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, req) {
        const parsed = loginSchema.safeParse({ email: credentials?.email, password: credentials?.password });
        if (!parsed.success) return null;
        const cookieHeader: unknown = req?.headers?.cookie;
        const result = await login(parsed.data.email, parsed.data.password, clientAddressFrom(req?.headers), new Date(), {
          knownDevice: knownDeviceFromCookieHeader(
            Array.isArray(cookieHeader) ? cookieHeader.join("; ") : typeof cookieHeader === "string" ? cookieHeader : undefined,
          ),
        });
        if (!result.ok) {
          if (result.reason === "throttled") throw new Error(LOGIN_ERROR.throttledPrefix + result.retryAt.toISOString());
          return null;
        }
        // Issue 11 item 6: this browser is now a known device of the account (refreshed at every login).
        loginContext.getStore()?.setCookies.push(knownDeviceSetCookie(result.knownDevice));
        const p = result.principal;
        return { id: p.kind === "customer" ? p.customerId : p.staffId, name: p.name, sid: p.sessionId, kind: p.kind };
      },
    }),
  ],
  events: {
    // Issue 11 item 4: next-auth's own POST /api/auth/signout revokes the session row too, not only the cookie.
    async signOut({ token }) {
      const sid = (token as { sid?: unknown } | null)?.sid;
      if (typeof sid !== "string") return;
      const p = await principalForSession(sid);
      await revokeSession(sid);
      if (p) {
        await recordAudit({
          actorType: p.kind,
          actorRef: p.kind === "customer" ? p.customerId : p.staffId,
          subjectRef: p.kind === "customer" ? p.customerId : null,
          action: "logout",
        });
      }
    },
  },
  // next-auth's own messages go through our structured log (no stacks; an ended session is not an error).
  logger: {
    error(code, metadata) {
      const name = (metadata as { name?: string; error?: { name?: string } } | undefined)?.error?.name ?? (metadata as { name?: string })?.name;
      if (code === "JWT_SESSION_ERROR" && name === "SessionEnded") return;
      log("warn", "auth.nextauth", { code });
    },
    warn(code) {
      log("warn", "auth.nextauth", { code });
    },
    debug() {},
  },
  callbacks: {
    // Only destinations on this site; anything else (including malformed URLs) goes to /konto. next-auth's
    // default throws on a relative path such as "../x", which would be a 500.
    async redirect({ url, baseUrl }) {
      if (url.startsWith("/") && !url.startsWith("//") && !url.startsWith("/\\")) return baseUrl + url;
      try {
        if (new URL(url).origin === new URL(baseUrl).origin) return url;
      } catch {
        // fall through
      }
      return `${baseUrl}/konto`;
    },
    async jwt({ token, user }) {
      if (user) {
        // Only the session id and kind travel in the token; everything else is looked up per request.
        return { sub: user.id, sid: user.sid, kind: user.kind };
      }
      // Issue 11 item 4: /api/auth/session checks the session row like every page does. A revoked, expired or
      // superseded session has no session here either: next-auth then answers {} and clears the cookie.
      const state = typeof token.sid === "string" ? await sessionState(token.sid) : null;
      if (!state) throw new SessionEnded();
      // Issue 8: a session that still owes the second factor is kept (the code page needs it) and says which page
      // comes next; it is no login anywhere else (lib/dal/session.ts).
      const { secondFactor: _previous, ...rest } = token;
      void _previous;
      return state.state === "second-factor" ? { ...rest, secondFactor: state.pending.enrolled ? "kode" : "opsaet-kode" } : rest;
    },
    async session({ session, token }) {
      // What /api/auth/session shows the browser: no ids; the server reads the JWT itself (lib/dal/session.ts).
      return { expires: session.expires, kind: token.kind, ...(typeof token.secondFactor === "string" ? { secondFactor: token.secondFactor } : {}) };
    },
  },
};
