import { NextResponse, type NextRequest } from "next/server";
import { SCRIPTLESS_PAGE_POLICY, contentSecurityPolicy, securityHeaders } from "@/lib/security/headers";
import { isProduction, secureCookies } from "@/lib/env";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { rootStylesheets } from "@/lib/build-assets";
import { refusalDocument } from "@/components/refusal-html";
import {
  MAX_BODY_BYTES,
  REFUSALS,
  actionIndexFromManifest,
  checkPagePost,
  hasBadPercentEncoding,
  isBrowserNavigation,
  type ActionIndex,
  type Refusal,
} from "@/lib/security/request-guard";

// Proxy (Next 16's middleware) only sets headers and redirects the obviously logged-out to the login.
// It is never the authorisation: every page, action and route handler checks the session itself
// through lib/dal/session.ts (the CVE-2025-29927 lesson).

const PROTECTED = ["/konto", "/personale"];
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

/**
 * ASVS 3.5: a request that can change something (anything but GET/HEAD/OPTIONS) must come from this site.
 * Browsers send Sec-Fetch-Site and Origin; a foreign one is refused before any page, action or route runs.
 * (Next.js checks server actions' Origin too, but answers a mismatch with a 500.)
 */
export function isCrossSiteWrite(request: NextRequest): boolean {
  if (["GET", "HEAD", "OPTIONS"].includes(request.method)) return false;
  const site = request.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return true;
  const origin = request.headers.get("origin");
  if (!origin) return false;
  try {
    return new URL(origin).host !== request.headers.get("host");
  } catch {
    return true;
  }
}

let actionIndex: ActionIndex | null | undefined;
/** The build's action ids and the pages that hold them (production only: a dev build's ids differ). */
function builtActionIndex(): ActionIndex | null {
  if (actionIndex !== undefined) return actionIndex;
  try {
    actionIndex = isProduction
      ? actionIndexFromManifest(JSON.parse(readFileSync(join(process.cwd(), ".next/server/server-reference-manifest.json"), "utf8")))
      : null;
  } catch {
    actionIndex = null;
  }
  return actionIndex;
}

/**
 * Issue 11, item 5: what Next.js would answer with a 500 (malformed multipart, broken `$ACTION_…` form
 * encodings, bodies over its 1 MB action limit, undecodable percent-encoding) is refused here.
 */
async function refusal(request: NextRequest): Promise<Refusal | null> {
  const { pathname } = request.nextUrl;
  if (hasBadPercentEncoding(pathname)) return REFUSALS.badPath;
  if (["GET", "HEAD", "OPTIONS"].includes(request.method)) return null;
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) return REFUSALS.tooLarge;
  let body: ArrayBuffer;
  try {
    body = await request.clone().arrayBuffer();
  } catch {
    return REFUSALS.badBody;
  }
  if (body.byteLength > MAX_BODY_BYTES) return REFUSALS.tooLarge;
  if (pathname === "/api" || pathname.startsWith("/api/")) return null; // route handlers parse their own bodies
  if (request.method !== "POST") return null;
  return checkPagePost(
    { pathname, actionId: request.headers.get("next-action"), contentType: request.headers.get("content-type") ?? "", body },
    builtActionIndex(),
  );
}

export async function proxy(request: NextRequest) {
  const refused = isCrossSiteWrite(request) ? REFUSALS.crossSite : await refusal(request);
  if (refused && isBrowserNavigation(request.headers)) {
    // A person's browser, not a script: a Danish page with a way back (a form sent before its page's scripts ran).
    const body = refusalDocument(refused, { path: request.nextUrl.pathname + request.nextUrl.search, stylesheets: await rootStylesheets(request.url) });
    return new NextResponse(body, {
      status: refused.status,
      headers: {
        "Content-Type": "text/html; charset=utf-8",
        "Cache-Control": "no-store",
        "Content-Security-Policy": SCRIPTLESS_PAGE_POLICY,
        ...securityHeaders(secureCookies),
      },
    });
  }
  if (refused) {
    const headers: Record<string, string> = {
      "Content-Type": "application/json; charset=utf-8",
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    };
    // The client router reloads the page on this header (a deployment newer than the open page).
    if ("actionNotFound" in refused) headers["x-nextjs-action-not-found"] = "1";
    return new NextResponse(JSON.stringify({ error: refused.message }), { status: refused.status, headers });
  }
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
