import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, securityHeaders } from "@/lib/security/headers";
import { isProduction, secureCookies } from "@/lib/env";

// Proxy (Next 16's middleware) only sets headers and redirects the obviously logged-out to the login.
// It is never the authorisation: every page, action and route handler checks the session itself
// through lib/dal/session.ts (the CVE-2025-29927 lesson).

const PROTECTED = ["/konto", "/personale"];
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const csp = contentSecurityPolicy(nonce, !isProduction);
  const { pathname, search } = request.nextUrl;

  const needsLogin = PROTECTED.some((p) => pathname === p || pathname.startsWith(p + "/"));
  const hasCookie = SESSION_COOKIES.some((c) => request.cookies.has(c));
  let response: NextResponse;
  if (needsLogin && !hasCookie) {
    const url = request.nextUrl.clone();
    url.pathname = "/log-ind";
    url.search = `?callbackUrl=${encodeURIComponent(pathname + search)}`;
    response = NextResponse.redirect(url);
  } else {
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set("x-nonce", nonce);
    requestHeaders.set("Content-Security-Policy", csp);
    response = NextResponse.next({ request: { headers: requestHeaders } });
  }
  response.headers.set("Content-Security-Policy", csp);
  for (const [k, v] of Object.entries(securityHeaders(secureCookies))) response.headers.set(k, v);
  // Every page here may show personal data: never cache (ASVS 14.3.2).
  response.headers.set("Cache-Control", "no-store");
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
