import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

// The one place that opens the database. One client per process (kept across dev hot reloads).
const globalForDb = globalThis as unknown as { portalDb?: PrismaClient };

export const db: PrismaClient =
  globalForDb.portalDb ?? new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: env.DATABASE_URL }) });

if (env.NODE_ENV !== "production") globalForDb.portalDb = db;

export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
