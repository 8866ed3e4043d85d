import { apiPrincipal, json } from "@/lib/integration/api";
import { feedPage, FEED_PAGE } from "@/lib/dal/integration-feed";
import { EVENTS_SCOPE } from "@/lib/dal/integration-apikeys";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Issue 9: the pull feed of events for one recipient of clause 3 (schemas/events/v1/feed-page.schema.json). */
export async function GET(request: Request): Promise<Response> {
  const auth = await apiPrincipal(request);
  if (!auth.ok) return auth.response;
  const p = auth.principal;
  if (!p.scopes.has(EVENTS_SCOPE) || !p.recipient) return json(403, { error: "Nøglen har ikke adgang til hændelsesfeedet." });
  const params = new URL(request.url).searchParams;
  const after = params.get("after") ?? "0";
  const limit = params.get("limit") ?? String(FEED_PAGE);
  if (!/^\d{1,15}$/.test(after) || !/^\d{1,3}$/.test(limit) || Number(limit) < 1 || Number(limit) > FEED_PAGE) {
    return json(400, { error: `after skal være en cursor fra et tidligere svar (eller 0), limit 1-${FEED_PAGE}.` });
  }
  return json(200, await feedPage(p, Number(after), Number(limit)));
}
