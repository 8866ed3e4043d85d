// Benchmark: one retention pass (clause 5, 5a.3) over 100,000 customers, 1,000,000 orders and
// 1,000,000 invoices on SQLite. Prints the time of the dry run and of the real run, and peak memory.
//
//   npm run bench                      # full size
//   BENCH_CUSTOMERS=10000 npm run bench   # smaller, same shape
//
// The data are written with better-sqlite3 directly (fast bulk load); the pass itself is the
// application's own runRetention through Prisma, exactly as `npm run retention` runs it.
import Database from "better-sqlite3";
import { rmSync, mkdirSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { migrate } from "../prisma/migrate";

const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 100_000);
const ORDERS_PER_CUSTOMER = 10;
const NOW = new Date("2026-11-25T03:00:00Z");
const DAY = 86_400_000;
const FILE = "data/bench/retention.db";

mkdirSync("data/bench", { recursive: true });
rmSync(FILE, { force: true });
rmSync(FILE + "-wal", { force: true });
rmSync(FILE + "-shm", { force: true });
const url = `file:./${FILE}`;
await migrate(url);

// ---- bulk load
const t0 = performance.now();
const raw = new Database(FILE);
raw.pragma("journal_mode = WAL");
raw.pragma("synchronous = NORMAL");
const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");
const insCustomer = raw.prepare(
  `INSERT INTO Customer (id, customerNumber, name, street, postalCode, city, country, email, phone, passwordHash, createdAt, updatedAt, lastActivityAt, version, processingRestricted, objectsToAnalytics)
   VALUES (?, ?, ?, 'Benchvej 1', '6400', 'Sønderborg', 'DK', ?, NULL, 'x', ?, ?, ?, 0, 0, 0)`,
);
const insOrder = raw.prepare(
  `INSERT INTO "Order" (id, orderNumber, customerId, placedAt, ipAddress, shippingName, totalOre, carrier) VALUES (?, ?, ?, ?, '192.0.2.1', ?, 10000, 'PostNord')`,
);
const insInvoice = raw.prepare(
  `INSERT INTO Invoice (id, invoiceNumber, orderId, customerId, issuedAt, description, netOre, vatOre, totalOre, billingName, billingStreet, billingPostalCode, billingCity, billingCountry)
   VALUES (?, ?, ?, ?, ?, 'Faktura', 8000, 2000, 10000, ?, 'Benchvej 1', '6400', 'Sønderborg', 'DK')`,
);
const insSub = raw.prepare(`INSERT INTO NotificationSubscription (id, email, productSku, productName, createdAt, notifiedAt) VALUES (?, ?, 'SKU', 'Vare', ?, ?)`);
let seq = 0;
const span = 7 * 365 * DAY;
raw.transaction(() => {
  for (let i = 0; i < CUSTOMERS; i++) {
    const id = `bc${i.toString(36).padStart(8, "0")}`;
    const inactive = i % 7 === 0; // ~14 % have been inactive for more than five years (5.1)
    const last = inactive ? NOW.getTime() - (5 * 365 + 30 + (i % 300)) * DAY : NOW.getTime() - (i % 1500) * DAY;
    const name = `Kunde Ærø ${i}`;
    insCustomer.run(id, 1_000_000 + i, name, `bench${i}@example.test`, iso(last - 400 * DAY), iso(last), iso(last));
    for (let j = 0; j < ORDERS_PER_CUSTOMER; j++) {
      // Orders spread over the seven years before the last activity.
      const placed = Math.min(last, NOW.getTime() - span + Math.floor((((i * 7919 + j * 104729) % 1000) / 1000) * span));
      const oid = `bo${(seq++).toString(36).padStart(9, "0")}`;
      insOrder.run(oid, `O-${seq}`, id, iso(placed), name);
      insInvoice.run(`bi${seq.toString(36).padStart(9, "0")}`, `F-${seq}`, oid, id, iso(placed + 3_600_000), name);
    }
    if (i % 10 === 0) insSub.run(randomUUID(), `bench${i}@example.test`, iso(NOW.getTime() - 20 * DAY), i % 20 === 0 ? iso(NOW.getTime() - DAY) : null);
  }
})();
raw.close();
const loadSeconds = (performance.now() - t0) / 1000;

// ---- the pass
process.env.DATABASE_URL = url;
process.env.LOG_LEVEL = "silent";
// DATABASE_URL is set, so lib/env.ts treats this as a configured deployment: give it what one needs (no mail is sent).
process.env.NEXTAUTH_SECRET ??= "bench-secret-bench-secret-bench-secret-0123";
process.env.NEXTAUTH_URL ??= "http://localhost:3000";
process.env.PRIVACY_CONTACT_EMAIL ??= "persondata@123multiservice.dk";
process.env.SMTP_URL ??= "smtp://127.0.0.1:9";
process.env.MAIL_FROM ??= "123multiservice <privatliv@123multiservice.dk>";
const { runRetention } = await import("../lib/dal/retention");
const { parseFinancialYearEnd } = await import("../lib/policy");
const fy = parseFinancialYearEnd("12-31");

// Warm up the client (and the query compiler) on an empty pass in the past, so the figure is the pass's own.
await runRetention({ now: new Date("2000-01-01T00:00:00Z"), fy, dryRun: true });
const baseRss = process.memoryUsage().rss;
let peakRss = baseRss;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 25);

// CPU time (user + system) beside wall time: the pass is one thread (better-sqlite3 runs SQLite in it), so on a
// busy machine its CPU time is close to what the wall time would be on an idle one.
const cpu = (c: NodeJS.CpuUsage) => (c.user + c.system) / 1e6;
const d0 = performance.now();
const dc = process.cpuUsage();
const dry = await runRetention({ now: NOW, fy, dryRun: true });
const drySeconds = (performance.now() - d0) / 1000;
const dryCpu = cpu(process.cpuUsage(dc));
const r0 = performance.now();
const rc = process.cpuUsage();
const real = await runRetention({ now: NOW, fy, dryRun: false });
const realSeconds = (performance.now() - r0) / 1000;
const realCpu = cpu(process.cpuUsage(rc));
const a0 = performance.now();
const ac = process.cpuUsage();
const again = await runRetention({ now: NOW, fy, dryRun: false });
const againSeconds = (performance.now() - a0) / 1000;
const againCpu = cpu(process.cpuUsage(ac));
clearInterval(sampler);
peakRss = Math.max(peakRss, process.memoryUsage().rss);

const agree = dry.every((d, i) => d.count === real[i].count);
console.log(`Retention benchmark (${new Date().toISOString()}, Node ${process.version}, SQLite via Prisma 6.19.3 + better-sqlite3)`);
console.log(`  data: ${CUSTOMERS.toLocaleString("en")} customers, ${(CUSTOMERS * ORDERS_PER_CUSTOMER).toLocaleString("en")} orders, ${(CUSTOMERS * ORDERS_PER_CUSTOMER).toLocaleString("en")} invoices (loaded in ${loadSeconds.toFixed(1)} s)`);
for (const [i, r] of real.entries()) {
  console.log(`  ${r.rule.padEnd(26)} ${r.clause.padEnd(13)} ${String(r.count).padStart(9)}   dry ${String(dry[i].ms).padStart(6)} ms   real ${String(r.ms).padStart(6)} ms`);
}
console.log(`  machine: ${(await import("node:os")).cpus().length} cores, load average ${(await import("node:os")).loadavg().map((x) => x.toFixed(1)).join(" ")}`);
console.log(`  dry run:          ${drySeconds.toFixed(1)} s wall, ${dryCpu.toFixed(1)} s CPU`);
console.log(`  real run:         ${realSeconds.toFixed(1)} s wall, ${realCpu.toFixed(1)} s CPU`);
console.log(
  `  second real run:  ${againSeconds.toFixed(1)} s wall, ${againCpu.toFixed(1)} s CPU (idempotent: ${again.every((r) => r.count === 0 || r.rule === "accounts.held_restricted") ? "nothing left to do" : "NOT EMPTY"})`,
);
console.log(`  dry run and real run agree: ${agree ? "yes" : "NO"}`);
console.log(`  peak RSS:         ${(peakRss / 1024 / 1024).toFixed(0)} MiB, ${((peakRss - baseRss) / 1024 / 1024).toFixed(0)} MiB above the RSS before the pass (process max RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB)`);
console.log(`Rerun: npm run bench   (or BENCH_CUSTOMERS=10000 npm run bench for a quick one)`);
process.exit(agree ? 0 : 1);
