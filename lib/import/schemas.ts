import { z } from "zod";
import { RECORD_SCHEMAS, CONTRACT_VERSION, type RecordKind } from "./contract";
import { eventEnvelope, eventFeedPage } from "@/lib/webhooks/event-contract";

// The published JSON Schemas (issue 9), generated from the zod definitions. Paths are relative to schemas/ in the
// repo and to /api/v1/schemas/ on the portal; both hold the same text.

export const SCHEMA_BASE_PATH = "/api/v1/schemas";

function withId(path: string, schema: z.ZodType): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { target: "draft-2020-12" }) as Record<string, unknown>;
  const { $schema, ...rest } = json;
  return { $schema, $id: `${SCHEMA_BASE_PATH}/${path}`, ...rest };
}

export function publishedSchemas(): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const kind of Object.keys(RECORD_SCHEMAS) as RecordKind[]) {
    out[`import/v${CONTRACT_VERSION}/${kind}.schema.json`] = withId(`import/v${CONTRACT_VERSION}/${kind}.schema.json`, RECORD_SCHEMAS[kind]);
  }
  out["events/v1/event.schema.json"] = withId("events/v1/event.schema.json", eventEnvelope);
  out["events/v1/feed-page.schema.json"] = withId("events/v1/feed-page.schema.json", eventFeedPage);
  return out;
}

export function schemaText(schema: Record<string, unknown>): string {
  return JSON.stringify(schema, null, 2) + "\n";
}
