import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { openPrisma, providerOf, sqliteStatements, type DbProvider } from "@/prisma/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

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
 * The rows of one read-only statement, for the statements every request runs (the session lookup, /konto's
 * summary). On SQLite it runs on Prisma's own connection through its kept statements, without the client's
 * raw-query pipeline, which cost about as much CPU as rendering a small page (issue 13.3); on PostgreSQL, and
 * before Prisma has connected, it is `$queryRaw`. Values come back as `$queryRaw` gives them on either database
 * or as SQLite's own text/bigint: read them with lib/dal/raw.ts.
 */
export async function queryRows<T>(query: Prisma.Sql): Promise<T[]> {
  const statements = sqliteStatements(db);
  if (!statements) return db.$queryRaw<T[]>(query);
  return statements(query.sql)
    .raw(false)
    .all(...query.values.map(sqliteArg)) as T[];
}
