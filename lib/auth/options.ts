import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { env, secureCookies } from "@/lib/env";
import { login } from "@/lib/dal/auth";
import { loginSchema } from "@/lib/validation/auth";
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
        const result = await login(parsed.data.email, parsed.data.password, clientAddressFrom(req?.headers));
        if (!result.ok) {
          if (result.reason === "throttled") throw new Error(LOGIN_ERROR.throttledPrefix + result.retryAt.toISOString());
          return null;
        }
        const p = result.principal;
        return { id: p.kind === "customer" ? p.customerId : p.staffId, name: p.name, sid: p.sessionId, kind: p.kind };
      },
    }),
  ],
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
      return token;
    },
    async session({ session, token }) {
      // What /api/auth/session shows the browser: no ids; the server reads the JWT itself (lib/dal/session.ts).
      return { expires: session.expires, kind: token.kind };
    },
  },
};
