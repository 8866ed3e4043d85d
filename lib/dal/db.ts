import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { openPrisma, providerOf, type DbProvider } from "@/prisma/client";
import { env } from "@/lib/env";

// The one place that opens the database. One client per process (kept across dev hot reloads).
// DATABASE_URL `file:…` → SQLite, `postgresql://…` → PostgreSQL (issue 12); code that must differ per
// database (raw SQL) branches on `dbProvider`.
const globalForDb = globalThis as unknown as { portalDb?: PrismaClient };

export const dbProvider: DbProvider = providerOf(env.DATABASE_URL);

export const db: PrismaClient = globalForDb.portalDb ?? openPrisma(env.DATABASE_URL);

if (env.NODE_ENV !== "production") globalForDb.portalDb = db;

export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
