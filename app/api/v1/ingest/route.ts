import { apiPrincipal, json } from "@/lib/integration/api";
import { ingest } from "@/lib/dal/integration-ingest";
import { log, errorFields } from "@/lib/log";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:\-]{8,100}$/;

/** Issue 9: live ingest of the shop's records (schemas/import/v1), server to server, with an API key. */
export async function POST(request: Request): Promise<Response> {
  const auth = await apiPrincipal(request);
  if (!auth.ok) return auth.response;
  const key = request.headers.get("idempotency-key") ?? "";
  if (!IDEMPOTENCY_KEY.test(key)) return json(400, { error: "Send en Idempotency-Key (8-100 tegn: bogstaver a-z, tal og . _ : -)." });
  if (!(request.headers.get("content-type") ?? "").toLowerCase().startsWith("application/json")) {
    return json(415, { error: "Content-Type skal være application/json." });
  }
  let raw: string;
  try {
    raw = await request.text();
  } catch {
    return json(400, { error: "Kroppen kunne ikke læses." });
  }
  try {
    const answer = await ingest(auth.principal, key, raw);
    return json(answer.status, answer.body, answer.replayed ? { "Idempotent-Replayed": "true" } : {});
  } catch (e) {
    log("error", "ingest.failed", { key: auth.principal.keyId, ...errorFields(e) });
    return json(503, { error: "Forespørgslen kunne ikke gemmes lige nu. Send den igen med samme Idempotency-Key." }, { "Retry-After": "5" });
  }
}
