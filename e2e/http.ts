import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { readFileSync } from "node:fs";
import { freshTotpCode, knownTotpSecret, skipToNextStep } from "./totp";

// HTTP-level helpers for the security specs: log in through next-auth, and call server actions
// the way the browser does (POST with a Next-Action header), so every check runs on the server.

export const BASE = `http://localhost:${process.env.E2E_PORT ?? 3211}`;

export interface ActionRef {
  id: string;
  file: string;
  /** A page whose bundle includes the action: the URL the browser would post to. */
  path: string;
}

/** Every server action in the production build, by exported name. */
export function builtActions(): Record<string, ActionRef> {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { filename: string; exportedName: string; workers: Record<string, unknown> }>;
  };
  const out: Record<string, ActionRef> = {};
  for (const [id, v] of Object.entries(manifest.node)) {
    // Actions without a session (issue 8) are posted where the browser posts them: a page under /log-ind. The
    // second-factor pages (/log-ind/kode, /log-ind/opsaet-kode) hold "Log ud" (logoutAction), which is posted from
    // a customer page that includes it (the account bars' "Log ud" is a plain form to /api/log-ud).
    const workers = Object.keys(v.workers);
    const secondFactorPage = (w: string) => /^app\/log-ind\/(kode|opsaet-kode)\//.test(w);
    const worker =
      workers.find((w) => w.startsWith("app/log-ind/") && !secondFactorPage(w)) ??
      workers.find((w) => w.startsWith("app/konto") || w.startsWith("app/personale")) ??
      workers[0];
    const path =
      "/" +
      worker
        .replace(/^app\//, "")
        .replace(/\/page$/, "")
        .replace(/\[id\]/, "x")
        .replace(/^page$/, "");
    out[v.exportedName] = { id, file: v.filename, path };
  }
  return out;
}

export async function anonymous(): Promise<APIRequestContext> {
  return playwrightRequest.newContext({ baseURL: BASE, maxRedirects: 0 });
}

/**
 * Logs in over HTTP. Staff who owe a second factor (issue 8) give it too when the test knows their TOTP secret
 * (e2e/totp.ts); `{ secondFactor: false }` keeps the session at the password step (the "pending" principal).
 */
export async function loggedIn(email: string, password: string, opts: { secondFactor?: boolean } = {}): Promise<APIRequestContext> {
  const ctx = await playwrightRequest.newContext({ baseURL: BASE, maxRedirects: 0 });
  const { csrfToken } = await (await ctx.get("/api/auth/csrf")).json();
  const r = await ctx.post("/api/auth/callback/credentials", { form: { csrfToken, email, password, json: "true" } });
  const cookies = await ctx.storageState();
  if (r.status() !== 200 || !cookies.cookies.some((c) => c.name.endsWith("next-auth.session-token"))) {
    throw new Error(`login failed for a test principal (${r.status()})`);
  }
  if (opts.secondFactor === false || !knownTotpSecret(email)) return ctx;
  const session = (await (await ctx.get("/api/auth/session")).json()) as { secondFactor?: string };
  if (session.secondFactor !== "kode") return ctx;
  const verify = builtActions().verifySecondFactorAction;
  for (let attempt = 0; attempt < 2; attempt++) {
    const v = await callAction(ctx, verify, { code: await freshTotpCode(email) });
    if (v.result?.ok) return ctx;
    await skipToNextStep(email);
  }
  throw new Error(`second factor refused for a test principal`);
}

export interface ActionResponse {
  status: number;
  /** The action's return value, when it ran. */
  result?: { ok: boolean; message: string; fieldErrors?: Record<string, string[]>; data?: unknown };
  location?: string;
  /** Where a server action's redirect() sends the browser. */
  redirect?: string;
  body: string;
}

export async function callAction(ctx: APIRequestContext, ref: ActionRef, arg: unknown, extraHeaders: Record<string, string> = {}): Promise<ActionResponse> {
  const res = await ctx.post(ref.path, { headers: actionHeaders(ref, extraHeaders), data: actionBody(arg) });
  return actionResponse(res.status(), await res.text(), res.headers());
}

/**
 * A logged-in session for plain `fetch`: the cookies of a Playwright request context as one Cookie header. The fuzz
 * spec sends its tens of thousands of requests this way: through Playwright's request context each request costs a
 * round trip to its driver process, and the test runner, not the server, was the bottleneck (75 % vs 12 % CPU).
 */
export interface FetchSession {
  cookie: string;
}

export async function fetchSession(ctx: APIRequestContext): Promise<FetchSession> {
  const { cookies } = await ctx.storageState();
  return { cookie: cookies.map((c) => `${c.name}=${c.value}`).join("; ") };
}

/** GET or POST with the session's cookies, never following redirects; status, body and headers. */
export async function send(
  session: FetchSession | null,
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; body: string; headers: Record<string, string> }> {
  const res = await fetch(BASE + path, {
    method: init.method ?? "GET",
    redirect: "manual",
    headers: { ...(session ? { Cookie: session.cookie } : {}), ...init.headers },
    body: init.body,
  });
  return { status: res.status, body: await res.text(), headers: Object.fromEntries(res.headers) };
}

/** callAction over plain fetch (see FetchSession). */
export async function fetchAction(session: FetchSession, ref: ActionRef, arg: unknown): Promise<ActionResponse> {
  const r = await send(session, ref.path, { method: "POST", headers: actionHeaders(ref), body: actionBody(arg) });
  return actionResponse(r.status, r.body, r.headers);
}

function actionHeaders(ref: ActionRef, extra: Record<string, string> = {}): Record<string, string> {
  return { "Next-Action": ref.id, Origin: BASE, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component", ...extra };
}

function actionBody(arg: unknown): string {
  return JSON.stringify(arg === undefined ? [] : [arg]);
}

function actionResponse(status: number, body: string, headers: Record<string, string>): ActionResponse {
  const line = body.split("\n").find((l) => l.startsWith("1:"));
  let result: ActionResponse["result"];
  if (line) {
    try {
      result = JSON.parse(line.slice(2));
    } catch {
      result = undefined;
    }
  }
  return { status, result, location: headers["location"], redirect: headers["x-action-redirect"], body };
}
