// `npm run import -- <file.ndjson> [--dry-run] [--batch=1000]` (issue 9): imports the shop's records (the contract in
// schemas/import/v1/, example in examples/import.ndjson). Upserts by the shop's ids: importing the same file twice
// changes nothing. Each batch is one transaction. Bad records are printed with their line number and reason and
// nothing of them is imported; the exit code is then 1. --dry-run checks everything and changes nothing.
import { existsSync } from "node:fs";
import { importFile, type ImportSummary } from "./run-import";

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith("--"));
const dryRun = args.includes("--dry-run");
const batchArg = args.find((a) => a.startsWith("--batch="))?.slice(8);
const batchSize = batchArg ? Number(batchArg) : 1000;
if (!file || !existsSync(file) || !Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000) {
  console.error("Brug: npm run import -- <fil.ndjson> [--dry-run] [--batch=1000]");
  process.exit(2);
}

const total = (s: ImportSummary) => Object.values(s.counts).reduce((n, c) => n + c.created + c.updated + c.unchanged + c.refused, 0);
const tty = process.stderr.isTTY;
const progress = (s: ImportSummary) => {
  const rate = Math.round((s.lines / Math.max(1, s.ms)) * 1000);
  const line = `linje ${s.lines.toLocaleString("da-DK")} · ${rate.toLocaleString("da-DK")} linjer/s · ${total(s).toLocaleString("da-DK")} poster · ${s.rejected.length} afvist`;
  process.stderr.write(tty ? `\r${line}   ` : `${line}\n`);
};

const s = await importFile(file, { dryRun, batchSize, onProgress: progress });
if (tty) process.stderr.write("\n");
console.log(`${dryRun ? "Prøvekørsel (intet er ændret)" : "Import"} af ${file}: ${s.lines.toLocaleString("da-DK")} linjer på ${(s.ms / 1000).toFixed(1)} s`);
for (const [kind, c] of Object.entries(s.counts)) {
  console.log(
    `  ${kind.padEnd(26)} oprettet ${String(c.created).padStart(8)}  opdateret ${String(c.updated).padStart(8)}  uændret ${String(c.unchanged).padStart(8)}${c.refused ? `  afvist (kundens indsigelse/begrænsning, pkt. 4.8/4.6, art. 21(3)) ${c.refused}` : ""}`,
  );
}
if (s.rejected.length) {
  console.log(`${s.rejected.length} poster blev ikke importeret:`);
  for (const r of s.rejected.slice(0, 1000)) console.log(`  linje ${r.line}: ${r.reason}`);
  if (s.rejected.length > 1000) console.log(`  … og ${s.rejected.length - 1000} mere`);
  process.exit(1);
}
