import "server-only";
import { authenticateApiKey, type ApiPrincipal } from "@/lib/dal/integration-apikeys";
import { consumeRate } from "@/lib/dal/rate-limit";
import { pseudonym, log } from "@/lib/log";

// Shared by the API-key routes of /api/v1 (issue 9): authentication by key (sessions do not count), the rate
// limit per key (state in the database, so it counts across instances), and JSON answers.

export const API_RATE = { max: 120, windowMs: 60_000 } as const;

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff", ...headers },
  });
}

export async function apiPrincipal(request: Request): Promise<{ ok: true; principal: ApiPrincipal } | { ok: false; response: Response }> {
  const principal = await authenticateApiKey(request.headers.get("authorization"));
  if (!principal) {
    log("warn", "api.denied", { path: new URL(request.url).pathname });
    return {
      ok: false,
      response: json(401, { error: "Ugyldig eller tilbagekaldt API-nøgle. Send Authorization: Bearer <nøgle>." }, { "WWW-Authenticate": 'Bearer realm="api"' }),
    };
  }
  const rate = await consumeRate(pseudonym("apikey", principal.keyId), API_RATE);
  if (!rate.ok) {
    const seconds = Math.max(1, Math.ceil((rate.retryAt.getTime() - Date.now()) / 1000));
    return { ok: false, response: json(429, { error: `For mange forespørgsler. Prøv igen om ${seconds} sekunder.` }, { "Retry-After": String(seconds) }) };
  }
  return { ok: true, principal };
}
