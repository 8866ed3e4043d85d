// Benchmark: one retention pass (clause 5, 5a.3) over 100,000 customers, 1,000,000 orders and
// 1,000,000 invoices, on SQLite or PostgreSQL. Prints the time of the dry run and of the real run, and peak memory.
//
//   npm run bench:retention                               # SQLite, full size
//   BENCH_CUSTOMERS=10000 npm run bench:retention         # smaller, same shape
//   DATABASE_URL=postgresql://127.0.0.1:5432/speed_bench npm run bench:retention
//                                                         # PostgreSQL: its own database <name>_retention
//                                                         # (dropped and made again; only speed_… / bench_… names)
//
// The data are bulk-loaded outside the application (SQLite: better-sqlite3 prepared statements in one transaction;
// PostgreSQL: multi-row INSERT … SELECT FROM json_to_recordset through node-postgres, 20,000 rows a statement),
// the same rows on both from one generator; the pass itself is the application's own runRetention through Prisma,
// exactly as `npm run retention` runs it.
import Database from "better-sqlite3";
import pg from "pg";
import { spawnSync } from "node:child_process";
import { rmSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { migrate } from "../prisma/migrate";
import { cpuReferenceMs } from "./support/cpu-reference";

const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 100_000);
const ORDERS_PER_CUSTOMER = 10;
const NOW = new Date("2026-11-25T03:00:00Z");
const DAY = 86_400_000;
const FILE = "data/bench/retention.db";

/** PostgreSQL when the benchmark is pointed at one (BENCH_DATABASE_URL / DATABASE_URL), else a SQLite file of its own. */
function databaseUrl(): string {
  const given = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!given?.startsWith("postgres")) return `file:./${FILE}`;
  const u = new URL(given);
  const name = `${u.pathname.slice(1)}_retention`;
  if (!/^(speed_|bench_)/.test(name)) throw new Error(`refusing to recreate database "${name}": give the benchmark its own (speed_… or bench_…)`);
  const admin = new URL(given);
  admin.pathname = "/postgres";
  for (const sql of [`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`, `CREATE DATABASE "${name}"`]) {
    const r = spawnSync("psql", [admin.toString(), "-qc", sql], {
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, PGOPTIONS: "-c client_min_messages=warning" },
    });
    if (r.status !== 0) throw new Error(`psql failed: ${sql}`);
  }
  u.pathname = `/${name}`;
  return u.toString();
}

const url = databaseUrl();
const isPg = url.startsWith("postgres");
if (!isPg) {
  mkdirSync("data/bench", { recursive: true });
  for (const suffix of ["", "-wal", "-shm"]) rmSync(FILE + suffix, { force: true });
}
await migrate(url);

// ---- the data: one generator for both databases
interface Rows {
  customer: (string | number | null)[];
  orders: (string | number | null)[][];
  invoices: (string | number | null)[][];
  sub: (string | number | null)[] | null;
}
const iso = (ms: number) => new Date(ms).toISOString();
const span = 7 * 365 * DAY;
let seq = 0;
function rowsOf(i: number): Rows {
  const id = `bc${i.toString(36).padStart(8, "0")}`;
  const inactive = i % 7 === 0; // ~14 % have been inactive for more than five years (5.1)
  const last = inactive ? NOW.getTime() - (5 * 365 + 30 + (i % 300)) * DAY : NOW.getTime() - (i % 1500) * DAY;
  const name = `Kunde Ærø ${i}`;
  const r: Rows = {
    customer: [id, 1_000_000 + i, name, `bench${i}@example.test`, iso(last - 400 * DAY), iso(last), iso(last)],
    orders: [],
    invoices: [],
    sub: null,
  };
  for (let j = 0; j < ORDERS_PER_CUSTOMER; j++) {
    // Orders spread over the seven years before the last activity.
    const placed = Math.min(last, NOW.getTime() - span + Math.floor((((i * 7919 + j * 104729) % 1000) / 1000) * span));
    const oid = `bo${(seq++).toString(36).padStart(9, "0")}`;
    r.orders.push([oid, `O-${seq}`, id, iso(placed), name]);
    r.invoices.push([`bi${seq.toString(36).padStart(9, "0")}`, `F-${seq}`, oid, id, iso(placed + 3_600_000), name]);
  }
  if (i % 10 === 0) r.sub = [randomUUID(), `bench${i}@example.test`, iso(NOW.getTime() - 20 * DAY), i % 20 === 0 ? iso(NOW.getTime() - DAY) : null];
  return r;
}

// ---- bulk load
const t0 = performance.now();
if (isPg) await loadPostgres();
else loadSqlite();
const loadSeconds = (performance.now() - t0) / 1000;

function loadSqlite(): void {
  const raw = new Database(FILE);
  raw.pragma("journal_mode = WAL");
  raw.pragma("synchronous = NORMAL");
  // The stored form of a DateTime of Prisma's better-sqlite3 adapter.
  const d = (v: string | number | null) => (typeof v === "string" && /^\d{4}-\d\d-\d\dT.*Z$/.test(v) ? v.replace("Z", "+00:00") : v);
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
  const insSub = raw.prepare(
    `INSERT INTO NotificationSubscription (id, email, productSku, productName, createdAt, notifiedAt) VALUES (?, ?, 'SKU', 'Vare', ?, ?)`,
  );
  raw.transaction(() => {
    for (let i = 0; i < CUSTOMERS; i++) {
      const r = rowsOf(i);
      insCustomer.run(...r.customer.map(d));
      for (const o of r.orders) insOrder.run(...o.map(d));
      for (const v of r.invoices) insInvoice.run(...v.map(d));
      if (r.sub) insSub.run(...r.sub.map(d));
    }
  })();
  raw.close();
}

async function loadPostgres(): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  // One statement per table and chunk: the rows travel as one JSON parameter (arrays, in the generator's order).
  const insert = (table: string, columns: string[], types: string[], fixed: string) => {
    const defs = columns.map((c, k) => `"${c}" ${types[k]}`).join(", ");
    const sel = columns.map((c) => `x."${c}"`).join(", ");
    const fixedCols = fixed ? fixed.split(";")[0] : "";
    const fixedVals = fixed ? fixed.split(";")[1] : "";
    return async (rows: (string | number | null)[][]) => {
      if (!rows.length) return;
      const objects = rows.map((r) => Object.fromEntries(columns.map((c, k) => [c, r[k]])));
      await client.query(
        `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}${fixedCols ? ", " + fixedCols : ""})
         SELECT ${sel}${fixedVals ? ", " + fixedVals : ""} FROM json_to_recordset($1::json) AS x(${defs})`,
        [JSON.stringify(objects)],
      );
    };
  };
  const ts = "timestamp(3)";
  const customers = insert(
    "Customer",
    ["id", "customerNumber", "name", "email", "createdAt", "updatedAt", "lastActivityAt"],
    ["text", "int", "text", "text", ts, ts, ts],
    `"street", "postalCode", "city", "country", "phone", "passwordHash", "version", "processingRestricted", "objectsToAnalytics";'Benchvej 1', '6400', 'Sønderborg', 'DK', NULL, 'x', 0, false, false`,
  );
  const orders = insert(
    "Order",
    ["id", "orderNumber", "customerId", "placedAt", "shippingName"],
    ["text", "text", "text", ts, "text"],
    `"ipAddress", "totalOre", "carrier";'192.0.2.1', 10000, 'PostNord'`,
  );
  const invoices = insert(
    "Invoice",
    ["id", "invoiceNumber", "orderId", "customerId", "issuedAt", "billingName"],
    ["text", "text", "text", "text", ts, "text"],
    `"description", "netOre", "vatOre", "totalOre", "billingStreet", "billingPostalCode", "billingCity", "billingCountry";'Faktura', 8000, 2000, 10000, 'Benchvej 1', '6400', 'Sønderborg', 'DK'`,
  );
  const subs = insert(
    "NotificationSubscription",
    ["id", "email", "createdAt", "notifiedAt"],
    ["text", "text", ts, ts],
    `"productSku", "productName";'SKU', 'Vare'`,
  );
  const CHUNK = 2_000; // customers per round: 20,000 orders and 20,000 invoices
  for (let start = 0; start < CUSTOMERS; start += CHUNK) {
    const batch = Array.from({ length: Math.min(CHUNK, CUSTOMERS - start) }, (_, k) => rowsOf(start + k));
    await client.query("BEGIN");
    await customers(batch.map((r) => r.customer));
    await orders(batch.flatMap((r) => r.orders));
    await invoices(batch.flatMap((r) => r.invoices));
    await subs(batch.flatMap((r) => (r.sub ? [r.sub] : [])));
    await client.query("COMMIT");
  }
  await client.query("ANALYZE");
  await client.end();
}

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

// CPU time (user + system) beside wall time: on SQLite the pass is one thread (better-sqlite3 runs SQLite in it), so
// on a busy machine its CPU time is close to what the wall time would be on an idle one. On PostgreSQL the server's
// backends for this database do the statements' work: their CPU time (from /proc, backends named by the database
// in their process title) is added and shown apart.
const pgDb = isPg ? new URL(url).pathname.slice(1) : "";
const backendCpu = new Map<number, number>(); // pid → CPU seconds last seen
function sampleBackends(): void {
  if (!isPg) return;
  for (const d of readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const cmd = readFileSync(`/proc/${d}/cmdline`, "utf8");
      if (!cmd.startsWith("postgres: ") || !cmd.includes(` ${pgDb} `)) continue;
      const stat = readFileSync(`/proc/${d}/stat`, "utf8");
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      backendCpu.set(Number(d), (Number(f[11]) + Number(f[12])) / 100);
    } catch {
      /* gone */
    }
  }
}
const backendTotal = () => [...backendCpu.values()].reduce((a, b) => a + b, 0);
const backendSampler = isPg ? setInterval(sampleBackends, 100) : undefined;
const cpu = (c: NodeJS.CpuUsage) => (c.user + c.system) / 1e6;
async function timed<T>(f: () => Promise<T>): Promise<{ result: T; seconds: number; cpu: number; dbCpu: number }> {
  sampleBackends();
  const b0 = backendTotal();
  const t = performance.now();
  const c = process.cpuUsage();
  const result = await f();
  const seconds = (performance.now() - t) / 1000;
  const own = cpu(process.cpuUsage(c));
  sampleBackends();
  return { result, seconds, cpu: own, dbCpu: backendTotal() - b0 };
}
const dryT = await timed(() => runRetention({ now: NOW, fy, dryRun: true }));
const realT = await timed(() => runRetention({ now: NOW, fy, dryRun: false }));
const againT = await timed(() => runRetention({ now: NOW, fy, dryRun: false }));
const [dry, real, again] = [dryT.result, realT.result, againT.result];
clearInterval(sampler);
clearInterval(backendSampler);
const cpuText = (t: { cpu: number; dbCpu: number }) =>
  isPg ? `${(t.cpu + t.dbCpu).toFixed(1)} s CPU (Node ${t.cpu.toFixed(1)} s + PostgreSQL backends ${t.dbCpu.toFixed(1)} s)` : `${t.cpu.toFixed(1)} s CPU`;
peakRss = Math.max(peakRss, process.memoryUsage().rss);

const agree = dry.every((d, i) => d.count === real[i].count);
console.log(
  `Retention benchmark (${new Date().toISOString()}, Node ${process.version}, ${isPg ? "PostgreSQL via Prisma 6.19.3 + @prisma/adapter-pg" : "SQLite via Prisma 6.19.3 + better-sqlite3"})`,
);
console.log(
  `  data: ${CUSTOMERS.toLocaleString("en")} customers, ${(CUSTOMERS * ORDERS_PER_CUSTOMER).toLocaleString("en")} orders, ${(CUSTOMERS * ORDERS_PER_CUSTOMER).toLocaleString("en")} invoices (loaded in ${loadSeconds.toFixed(1)} s)`,
);
for (const [i, r] of real.entries()) {
  console.log(
    `  ${r.rule.padEnd(26)} ${r.clause.padEnd(13)} ${String(r.count).padStart(9)}   dry ${String(dry[i].ms).padStart(6)} ms   real ${String(r.ms).padStart(6)} ms (CPU ${String(r.cpuMs).padStart(6)} ms${isPg ? " in Node" : ""})`,
  );
}
console.log(
  `  machine: ${(await import("node:os")).cpus().length} cores, load average ${(await import("node:os"))
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(" ")}, CPU reference ${cpuReferenceMs()} ms (bench/support/cpu-reference.ts)`,
);
console.log(`  dry run:          ${dryT.seconds.toFixed(1)} s wall, ${cpuText(dryT)}`);
console.log(`  real run:         ${realT.seconds.toFixed(1)} s wall, ${cpuText(realT)}`);
console.log(
  `  second real run:  ${againT.seconds.toFixed(1)} s wall, ${cpuText(againT)} (idempotent: ${again.every((r) => r.count === 0 || r.rule === "accounts.held_restricted") ? "nothing left to do" : "NOT EMPTY"})`,
);
console.log(`  dry run and real run agree: ${agree ? "yes" : "NO"}`);
console.log(
  `  peak RSS:         ${(peakRss / 1024 / 1024).toFixed(0)} MiB, ${((peakRss - baseRss) / 1024 / 1024).toFixed(0)} MiB above the RSS before the pass (process max RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB)`,
);
console.log(`Rerun: npm run bench:retention   (BENCH_CUSTOMERS=10000 for a quick one; DATABASE_URL=postgresql://…/speed_bench for PostgreSQL)`);
process.exit(agree ? 0 : 1);
