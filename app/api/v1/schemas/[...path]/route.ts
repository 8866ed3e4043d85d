import { publishedSchemas, schemaText } from "@/lib/import/schemas";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// Issue 9: the published contract at a stable URL, e.g. /api/v1/schemas/import/v1/customer.schema.json and
// /api/v1/schemas/events/v1/event.schema.json; /api/v1/schemas/index.json lists them. Public on purpose: the
// schemas describe formats and hold no data, and the shop's developers read them without a key.
export async function GET(_request: Request, { params }: { params: Promise<{ path: string[] }> }): Promise<Response> {
  const { path } = await params;
  const all = publishedSchemas();
  const name = path.join("/");
  const headers = { "Content-Type": "application/schema+json; charset=utf-8", "Cache-Control": "public, max-age=300", "X-Content-Type-Options": "nosniff" };
  if (name === "index.json") return new Response(JSON.stringify({ schemas: Object.keys(all).map((p) => `/api/v1/schemas/${p}`) }, null, 2), { headers });
  const schema = all[name];
  if (!schema)
    return new Response(JSON.stringify({ error: "Findes ikke." }), {
      status: 404,
      headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" },
    });
  return new Response(schemaText(schema), { headers });
}
