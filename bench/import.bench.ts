// Benchmark (issue 9): `npm run import` of 1,000,000 records of the published contract on SQLite, then the same file
// again (idempotent: nothing changes). Prints times, rates and peak memory.
//
//   npm run bench:import                         # 1,000,000 records
//   BENCH_IMPORT_RECORDS=100000 npm run bench:import
//
// The file mixes the kinds as a shop's export would: per customer 1 customer, 3 orders (1-3 lines), 3 invoices,
// 2 website events and 1 consent event (10 records). The import is the application's own importFile, through
// Prisma, in batches of 1,000, exactly as the CLI runs it.
import { createWriteStream, mkdirSync, rmSync } from "node:fs";
import { once } from "node:events";
import { migrate } from "../prisma/migrate";

const RECORDS = Number(process.env.BENCH_IMPORT_RECORDS ?? 1_000_000);
const CUSTOMERS = Math.ceil(RECORDS / 10);
const FILE = "data/bench/import.ndjson";
const DB = "data/bench/import.db";

mkdirSync("data/bench", { recursive: true });
for (const f of [DB, DB + "-wal", DB + "-shm"]) rmSync(f, { force: true });
const url = `file:./${DB}`;
await migrate(url);
process.env.DATABASE_URL = url;
process.env.NEXTAUTH_SECRET ??= "bench-secret-bench-secret-bench-secret-0123";
process.env.NEXTAUTH_URL ??= "http://localhost:3000";
process.env.PRIVACY_CONTACT_EMAIL ??= "persondata@example.dk";
process.env.SMTP_URL ??= "smtp://127.0.0.1:9";
process.env.MAIL_FROM ??= "bench <bench@example.dk>";
process.env.LOG_LEVEL = "silent";

// ---- the file
const tGen = performance.now();
const out = createWriteStream(FILE);
const write = async (o: unknown) => {
  if (!out.write(JSON.stringify(o) + "\n")) await once(out, "drain");
};
let records = 0;
const iso = (ms: number) => new Date(ms).toISOString();
const BASE = Date.parse("2022-01-01T00:00:00Z");
for (let i = 0; i < CUSTOMERS && records < RECORDS; i++) {
  const cid = `c${i}`;
  const name = `Kunde Ærø ${i}`;
  const address = { name, street: `Benchvej ${i % 200}`, postalCode: "6400", city: "Sønderborg", country: "DK" };
  await write({
    kind: "customer",
    v: 1,
    id: cid,
    customerNumber: 3_000_000 + i,
    name,
    street: address.street,
    postalCode: "6400",
    city: "Sønderborg",
    country: "DK",
    email: `k${i}@bench.example`,
    createdAt: iso(BASE),
  });
  records++;
  for (let j = 0; j < 3 && records < RECORDS; j++) {
    const placed = BASE + ((i * 7 + j * 13) % 1400) * 86_400_000;
    const lines = Array.from({ length: 1 + ((i + j) % 3) }, (_, k) => ({
      sku: `SKU-${(i + k) % 500}`,
      name: `Vare ${(i + k) % 500}`,
      quantity: 1 + k,
      unitPriceOre: 4_995,
    }));
    const total = lines.reduce((s, l) => s + l.quantity * l.unitPriceOre, 0);
    await write({
      kind: "order",
      v: 1,
      id: `o${i}-${j}`,
      orderNumber: `B-${i}-${j}`,
      customerId: cid,
      placedAt: iso(placed),
      ipAddress: "192.0.2.1",
      shipping: address,
      totalOre: total,
      lines,
    });
    records++;
    if (records < RECORDS) {
      const vat = Math.round(total / 5);
      await write({
        kind: "invoice",
        v: 1,
        id: `i${i}-${j}`,
        invoiceNumber: `BF-${i}-${j}`,
        orderId: `o${i}-${j}`,
        customerId: cid,
        issuedAt: iso(placed + 60_000),
        description: `Ordre B-${i}-${j}`,
        netOre: total - vat,
        vatOre: vat,
        totalOre: total,
        billing: address,
      });
      records++;
    }
  }
  for (let j = 0; j < 2 && records < RECORDS; j++) {
    await write({
      kind: "website_event",
      v: 1,
      id: `w${i}-${j}`,
      customerId: cid,
      occurredAt: iso(BASE + j * 1000),
      type: "page_view",
      path: "/",
      browser: "Firefox",
      device: "desktop",
      ipAddress: "192.0.2.1",
    });
    records++;
  }
  if (records < RECORDS) {
    await write({
      kind: "consent_event",
      v: 1,
      id: `s${i}`,
      customerId: cid,
      purpose: "newsletter",
      action: "given",
      occurredAt: iso(BASE),
      channel: "kassen",
      wordingVersion: "nyhedsbrev-2021-03",
    });
    records++;
  }
}
out.end();
await once(out, "finish");
const genMs = performance.now() - tGen;

const { importFile } = await import("../lib/import/run-import");
let peak = 0;
const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 200);
const fmt = (n: number) => n.toLocaleString("en-US");

const cpu0 = process.cpuUsage();
const first = await importFile(FILE, { onProgress: (s) => process.stderr.write(`\r  line ${fmt(s.lines)} (${Math.round(s.lines / (s.ms / 1000))}/s)   `) });
process.stderr.write("\n");
const cpu1 = process.cpuUsage(cpu0);
const second = await importFile(FILE);
const cpu2 = process.cpuUsage(cpu0);
clearInterval(sample);

const total = (s: typeof first, k: "created" | "updated" | "unchanged") => Object.values(s.counts).reduce((n, c) => n + c[k], 0);
console.log(`Import benchmark: ${fmt(records)} records (${fmt(CUSTOMERS)} customers) on SQLite, file written in ${(genMs / 1000).toFixed(1)} s`);
const cpuS = (u: NodeJS.CpuUsage) => ((u.user + u.system) / 1e6).toFixed(1);
console.log(
  `  first import : ${(first.ms / 1000).toFixed(1)} s wall, ${cpuS(cpu1)} s CPU, ${fmt(Math.round(records / (first.ms / 1000)))} records/s, created ${fmt(total(first, "created"))}, rejected ${first.rejected.length}`,
);
console.log(
  `  second import: ${(second.ms / 1000).toFixed(1)} s wall, ${cpuS({ user: cpu2.user - cpu1.user, system: cpu2.system - cpu1.system })} s CPU, ${fmt(Math.round(records / (second.ms / 1000)))} records/s, created ${total(second, "created")}, updated ${total(second, "updated")}, unchanged ${fmt(total(second, "unchanged"))}`,
);
console.log(
  `  load average during the run: ${(await import("node:os"))
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(" ")} on ${(await import("node:os")).cpus().length} cores`,
);
console.log(`  peak RSS ${Math.round(peak / 1048576)} MiB`);
console.log("  rerun: npm run bench:import (BENCH_IMPORT_RECORDS=… for another size)");
if (first.rejected.length || total(second, "created") || total(second, "updated")) process.exit(1);
