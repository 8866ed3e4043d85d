import "server-only";
import pg from "pg";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { openPrisma, providerOf, sqliteStatements, type DbProvider } from "@/prisma/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import { indexReader, type IndexReader } from "./index-reads";

// The one place that opens the database. One client per process (kept across dev hot reloads).
// DATABASE_URL `file:…` → SQLite, `postgresql://…` → PostgreSQL (issue 12); code that must differ per
// database (raw SQL) branches on `dbProvider`.
const globalForDb = globalThis as unknown as { portalDb?: PrismaClient; portalIndexReads?: IndexReader };

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

/** PostgreSQL: the reader `queryRows` runs on, through indexes only (lib/dal/index-reads.ts); opened on first use. */
let indexReads: IndexReader | undefined = globalForDb.portalIndexReads;

/**
 * The rows of one read-only statement, for the statements every request runs (the session lookup, /konto's
 * summary), without the client's raw-query pipeline (the wasm query compiler, the interpreter, result mapping),
 * which cost about as much CPU as rendering a small page (issue 13.3). On SQLite it runs on Prisma's own
 * connection through its kept statements (before Prisma has connected: `$queryRaw`); on PostgreSQL as a named
 * prepared statement (parsed and planned once per connection) on a pool of its own that reads through indexes
 * only (lib/dal/index-reads.ts). Values come back as `$queryRaw` gives them or as the driver's own text/bigint (counts
 * may be text on PostgreSQL, bigint on SQLite): read them with lib/dal/raw.ts. Only for a fixed set of
 * statements (each distinct text is kept), each scoped to one customer through an indexed column. Not inside a
 * transaction: it reads what is committed.
 */
export async function queryRows<T>(query: Prisma.Sql): Promise<T[]> {
  if (dbProvider === "postgresql") {
    if (!indexReads) {
      indexReads = indexReader(env.DATABASE_URL);
      if (env.NODE_ENV !== "production") globalForDb.portalIndexReads = indexReads;
    }
    const r = await indexReads.query<T>({ text: query.text, values: query.values.map(pgArg), types: PG_TYPES });
    return r.rows;
  }
  const statements = sqliteStatements(db);
  if (statements) {
    return statements(query.sql)
      .raw(false)
      .all(...query.values.map(sqliteArg)) as T[];
  }
  return db.$queryRaw<T[]>(query);
}
