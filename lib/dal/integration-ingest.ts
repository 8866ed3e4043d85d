import "server-only";
import { createHash } from "node:crypto";
import { db } from "./db";
import { recordAudit } from "./audit";
import { importBatch, newDryRunMemory } from "./integration-import";
import type { ApiPrincipal } from "./integration-apikeys";
import { parseRecord, type ImportRecord } from "@/lib/import/contract";

// Live ingest (issue 9): POST /api/v1/ingest with `{ "records": [ … ] }` of the import contract. All or nothing per
// request: a request with a bad record stores nothing and answers 400 with the reason per record (its index), so the
// sender fixes and resends. Each request carries an Idempotency-Key: the same key with the same body gets the same
// answer again without doing anything twice; the same key with another body is refused.

export const MAX_RECORDS_PER_REQUEST = 500;
/** Answers kept for retries this long, then purged (they hold indexes and reasons, never values). */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60_000;

export interface IngestAnswer {
  status: number;
  body: Record<string, unknown>;
  replayed: boolean;
}

const IN_PROGRESS = 0;
const ABANDONED_AFTER_MS = 5 * 60_000;

export async function ingest(p: ApiPrincipal, idempotencyKey: string, rawBody: string, now = new Date()): Promise<IngestAnswer> {
  const bodyHash = createHash("sha256").update(rawBody).digest("hex");
  const where = { apiKeyId_idempotencyKey: { apiKeyId: p.keyId, idempotencyKey } };
  const previous = async (): Promise<IngestAnswer | null> => {
    const row = await db.ingestRequest.findUnique({ where, select: { bodyHash: true, status: true, response: true, createdAt: true } });
    if (!row) return null;
    if (row.bodyHash !== bodyHash) return { status: 422, body: { error: "Idempotency-Key er brugt før med en anden forespørgsel." }, replayed: false };
    // A reservation left by a process that stopped mid-request is freed; running the request again is safe, because
    // records are upserted by the shop's ids.
    if (row.status === IN_PROGRESS && row.createdAt.getTime() < now.getTime() - ABANDONED_AFTER_MS) {
      await db.ingestRequest.deleteMany({ where: { apiKeyId: p.keyId, idempotencyKey, status: IN_PROGRESS } });
      return null;
    }
    if (row.status === IN_PROGRESS) return { status: 409, body: { error: "En forespørgsel med samme Idempotency-Key er under behandling." }, replayed: false };
    return { status: row.status, body: JSON.parse(row.response) as Record<string, unknown>, replayed: true };
  };
  const seen = await previous();
  if (seen) return seen;
  try {
    await db.ingestRequest.create({ data: { apiKeyId: p.keyId, idempotencyKey, bodyHash, status: IN_PROGRESS, response: "{}", createdAt: now } });
  } catch {
    const raced = await previous();
    if (raced) return raced;
    throw new Error("idempotency reservation failed");
  }
  let answer: { status: number; body: Record<string, unknown> };
  try {
    answer = await process(p, rawBody, now);
  } catch (e) {
    await db.ingestRequest.delete({ where }).catch(() => undefined); // a retry may try again
    throw e;
  }
  await db.ingestRequest.update({ where, data: { status: answer.status, response: JSON.stringify(answer.body) } });
  return { ...answer, replayed: false };
}

async function process(p: ApiPrincipal, rawBody: string, now: Date): Promise<{ status: number; body: Record<string, unknown> }> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(rawBody);
  } catch {
    return { status: 400, body: { error: "Kroppen er ikke gyldig JSON." } };
  }
  const records = (parsed as { records?: unknown })?.records;
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed) || Object.keys(parsed).some((k) => k !== "records") || !Array.isArray(records)) {
    return { status: 400, body: { error: 'Kroppen skal være { "records": [ … ] }.' } };
  }
  if (records.length === 0 || records.length > MAX_RECORDS_PER_REQUEST) {
    return { status: 400, body: { error: `Mellem 1 og ${MAX_RECORDS_PER_REQUEST} poster pr. forespørgsel.` } };
  }
  const errors: { index: number; reason: string }[] = [];
  const outOfScope: { index: number; reason: string }[] = [];
  const valid: { line: number; record: ImportRecord }[] = [];
  records.forEach((value, index) => {
    const r = parseRecord(value);
    if (!r.ok) errors.push({ index, reason: r.reason });
    else if (!p.scopes.has(r.record.kind)) outOfScope.push({ index, reason: `Nøglen må ikke sende "${r.record.kind}"` });
    else valid.push({ line: index, record: r.record });
  });
  if (outOfScope.length) return { status: 403, body: { error: "Nøglen har ikke adgang til alle posternes slags. Intet er gemt.", errors: outOfScope } };
  if (errors.length) return { status: 400, body: { error: "Nogle poster følger ikke kontrakten. Intet er gemt.", errors } };

  // All or nothing: check against the database first (nothing written), then store.
  const check = await importBatch(valid, { dryRun: true, now, memory: newDryRunMemory() });
  if (check.rejected.length) {
    return {
      status: 400,
      body: { error: "Nogle poster kan ikke gemmes. Intet er gemt.", errors: check.rejected.map((r) => ({ index: r.line, reason: r.reason })) },
    };
  }
  const done = await importBatch(valid, { now });
  const counts = done.counts;
  const refused = Object.values(counts).reduce((n, c) => n + c.refused, 0);
  const refusedWebsiteEvents = counts.website_event?.refused ?? 0;
  const refusedConsentEvents = counts.consent_event?.refused ?? 0;
  await recordAudit({
    actorType: "system",
    actorRef: `apikey:${p.keyId}`,
    action: "ingest.accepted",
    occurredAt: now,
    details: { records: valid.length, refusedWebsiteEvents, refusedConsentEvents, rejected: done.rejected.length },
  });
  return {
    status: done.rejected.length ? 400 : 200,
    body: {
      accepted: valid.length - done.rejected.length - refused,
      counts,
      /** Website events of customers who objected (4.8) or asked for restriction (4.6): not stored. */
      refusedWebsiteEvents,
      /** Newsletter consent given while the customer objects to direct marketing (art. 21(3)): not stored. */
      refusedConsentEvents,
      ...(done.rejected.length ? { errors: done.rejected.map((r) => ({ index: r.line, reason: r.reason })) } : {}),
    },
  };
}

/** Retention of the integration's own records: idempotency answers after a day. */
export async function purgeIngestRequests(now = new Date()): Promise<number> {
  return (await db.ingestRequest.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - IDEMPOTENCY_TTL_MS) } } })).count;
}
