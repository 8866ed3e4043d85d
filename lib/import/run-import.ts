import "server-only";
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { parseRecord, type RecordKind } from "./contract";
import { importBatch, newDryRunMemory, type BatchItem, type KindCounts } from "@/lib/dal/integration-import";

// Reads an NDJSON file of the import contract line by line and imports it in batches (issue 9). Used by
// `npm run import` and the tests. Memory stays flat: one batch at a time.

export interface ImportSummary {
  lines: number;
  counts: Partial<Record<RecordKind, KindCounts>>;
  rejected: { line: number; reason: string }[];
  ms: number;
}

export const MAX_LINE_BYTES = 1_000_000;

export async function importFile(
  file: string,
  opts: { dryRun?: boolean; batchSize?: number; now?: Date; onProgress?: (s: ImportSummary) => void } = {},
): Promise<ImportSummary> {
  const started = Date.now();
  const batchSize = opts.batchSize ?? 1000;
  const summary: ImportSummary = { lines: 0, counts: {}, rejected: [], ms: 0 };
  const memory = opts.dryRun ? newDryRunMemory() : undefined;
  let batch: BatchItem[] = [];
  let lastProgress = Date.now();

  const flush = async () => {
    if (!batch.length) return;
    const r = await importBatch(batch, { dryRun: opts.dryRun, now: opts.now, memory });
    batch = [];
    summary.rejected.push(...r.rejected);
    for (const [k, c] of Object.entries(r.counts) as [RecordKind, KindCounts][]) {
      const m = (summary.counts[k] ??= { created: 0, updated: 0, unchanged: 0, refused: 0 });
      m.created += c.created;
      m.updated += c.updated;
      m.unchanged += c.unchanged;
      m.refused += c.refused;
    }
    if (opts.onProgress && Date.now() - lastProgress > 1000) {
      lastProgress = Date.now();
      opts.onProgress({ ...summary, ms: Date.now() - started });
    }
  };

  const rl = createInterface({ input: createReadStream(file, { encoding: "utf8" }), crlfDelay: Infinity });
  for await (const text of rl) {
    const line = ++summary.lines;
    if (!text.trim()) continue;
    if (Buffer.byteLength(text) > MAX_LINE_BYTES) {
      summary.rejected.push({ line, reason: `Linjen er længere end ${MAX_LINE_BYTES} byte` });
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      summary.rejected.push({ line, reason: "Ikke gyldig JSON" });
      continue;
    }
    const parsed = parseRecord(value);
    if (!parsed.ok) {
      summary.rejected.push({ line, reason: parsed.reason });
      continue;
    }
    batch.push({ line, record: parsed.record });
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  summary.rejected.sort((a, b) => a.line - b.line);
  summary.ms = Date.now() - started;
  return summary;
}
