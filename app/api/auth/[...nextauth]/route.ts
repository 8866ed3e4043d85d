import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/options";
import { loginContext, type LoginContext } from "@/lib/auth/login-context";
import { errorFields, log } from "@/lib/log";

export const runtime = "nodejs";
// next-auth 4 types its App Router handler as any.
const handler = NextAuth(authOptions) as (req: Request, ctx: unknown) => Promise<Response>;

/**
 * Issue 11 item 4: only the next-auth routes the portal uses are served; everything else (the built-in sign-in
 * and sign-out pages, GET on the credentials callback, unknown or malformed paths) answers 404 (400 when malformed), never 500.
 */
const USED: Record<string, ReadonlySet<string>> = {
  GET: new Set(["session", "csrf", "providers"]),
  POST: new Set(["callback/credentials", "signout"]),
};

type RouteContext = { params: Promise<{ nextauth?: string[] }> };

function answer(status: number, error: string): Response {
  return new Response(JSON.stringify({ error }), {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" },
  });
}

async function handle(req: NextRequest, ctx: RouteContext): Promise<Response> {
  let route: string;
  try {
    route = ((await ctx.params).nextauth ?? []).join("/");
  } catch {
    return answer(400, "Ugyldig forespørgsel.");
  }
  if (!USED[req.method]?.has(route)) return answer(404, "Siden findes ikke.");
  const context: LoginContext = { setCookies: [] };
  let res: Response;
  try {
    res = await loginContext.run(context, () => handler(req, ctx));
  } catch (e) {
    // next-auth throws on some malformed bodies and query strings: bad input is a 400, never a 500.
    log("warn", "auth.route.rejected", { route, ...errorFields(e) });
    return answer(400, "Ugyldig forespørgsel.");
  }
  if (context.setCookies.length === 0) return res;
  const headers = new Headers(res.headers);
  for (const c of context.setCookies) headers.append("Set-Cookie", c);
  return new Response(res.body, { status: res.status, statusText: res.statusText, headers });
}

export { handle as GET, handle as POST };
