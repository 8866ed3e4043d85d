import "server-only";
import pg, { type Pool } from "pg";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { openPrisma, providerOf, sqliteStatements, type DbProvider } from "@/prisma/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import { errorFields, log } from "@/lib/log";

// The one place that opens the database. One client per process (kept across dev hot reloads).
// DATABASE_URL `file:…` → SQLite, `postgresql://…` → PostgreSQL (issue 12); code that must differ per
// database (raw SQL) branches on `dbProvider`.
const globalForDb = globalThis as unknown as { portalDb?: PrismaClient };

export const dbProvider: DbProvider = providerOf(env.DATABASE_URL);

export const db: PrismaClient = globalForDb.portalDb ?? openPrisma(env.DATABASE_URL);

if (env.NODE_ENV !== "production") globalForDb.portalDb = db;

export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/** A bound value as the SQLite adapter binds it (its default "iso8601" DateTime text, booleans as 0/1). */
function sqliteArg(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString().replace("Z", "+00:00");
  if (typeof v === "boolean") return v ? 1 : 0;
  return v;
}

/**
 * A bound value for node-postgres as Prisma binds it: DateTime columns are `timestamp(3)` holding UTC, so a date is
 * sent as its UTC wall-clock text (pg's own conversion would send local time with an offset, which a `timestamp`
 * parameter drops).
 */
function pgArg(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString().replace("T", " ").replace("Z", "");
  return v;
}

const PG_TIMESTAMP = 1114;
/** Column parsers for `queryRows` on PostgreSQL: `timestamp` is UTC (pg's default reads it as local time); the rest as pg reads them. */
const PG_TYPES = {
  getTypeParser: (oid: number, format: string) => {
    if (oid === PG_TIMESTAMP && format !== "binary") return (s: string) => new Date(`${s.replace(" ", "T")}Z`);
    return pg.types.getTypeParser(oid, format === "binary" ? "binary" : "text");
  },
};

/** Statement names per SQL text: each text is prepared once per connection under its own name. */
const pgNames = new Map<string, string>();

/** Connections of the pool `queryRows` uses on PostgreSQL, beside the Prisma adapter's 10 (README, "Drift"). */
export const INDEX_READ_CONNECTIONS = 4;

/**
 * PostgreSQL: the pool `queryRows` runs on, with sequential and bitmap scans priced out for its sessions
 * (`enable_seqscan`/`enable_bitmapscan` off: still used where no index serves, never chosen over one).
 * Its statements are one customer's rows read through that customer's indexes, counts capped at a limit
 * (lib/dal/overview.ts). Only a plain index scan stops at the limit: a bitmap scan reads every index entry of the
 * customer first, and a sequential scan walks the table until it has found enough. The planner picks those when
 * its statistics are missing or stale (after a bulk import or a restore, before autovacuum has analysed the
 * tables) and, for a prepared statement, in its generic plan, which assumes an average customer. Measured on
 * 150,000 website events (one customer with 50,000): the capped count took 4.7 ms as a bitmap scan without
 * statistics and 11 ms as a sequential scan with statistics but no vacuum, against 0.1–2.5 ms as an index scan,
 * and the bitmap scan grows with the customer's history, the sequential scan with the table.
 */
let indexReads: Pool | undefined;
function indexReadPool(): Pool {
  if (indexReads) return indexReads;
  indexReads = new pg.Pool({
    connectionString: env.DATABASE_URL,
    max: INDEX_READ_CONNECTIONS,
    // Idle connections do not keep a CLI or a test worker alive; a server stays up anyway.
    allowExitOnIdle: true,
    options: "-c enable_seqscan=off -c enable_bitmapscan=off",
  });
  // A connection that breaks while idle (the server restarted) is dropped by the pool; without a listener the
  // pool's "error" event would end the process.
  indexReads.on("error", (e) => log("warn", "db.index_reads.idle_error", errorFields(e)));
  return indexReads;
}

/**
 * The rows of one read-only statement, for the statements every request runs (the session lookup, /konto's
 * summary), without the client's raw-query pipeline (the wasm query compiler, the interpreter, result mapping),
 * which cost about as much CPU as rendering a small page (issue 13.3). On SQLite it runs on Prisma's own
 * connection through its kept statements (before Prisma has connected: `$queryRaw`); on PostgreSQL as a named
 * prepared statement (parsed and planned once per connection) on a pool of its own that reads through indexes
 * only (`indexReadPool`). Values come back as `$queryRaw` gives them or as the driver's own text/bigint (counts
 * may be text on PostgreSQL, bigint on SQLite): read them with lib/dal/raw.ts. Only for a fixed set of
 * statements (each distinct text is kept), each scoped to one customer through an indexed column. Not inside a
 * transaction: it reads what is committed.
 */
export async function queryRows<T>(query: Prisma.Sql): Promise<T[]> {
  if (dbProvider === "postgresql") {
    let name = pgNames.get(query.text);
    if (!name) pgNames.set(query.text, (name = `portal_q${pgNames.size + 1}`));
    const r = await indexReadPool().query({ name, text: query.text, values: query.values.map(pgArg), types: PG_TYPES });
    return r.rows as T[];
  }
  const statements = sqliteStatements(db);
  if (statements) {
    return statements(query.sql)
      .raw(false)
      .all(...query.values.map(sqliteArg)) as T[];
  }
  return db.$queryRaw<T[]>(query);
}
