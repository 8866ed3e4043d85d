// Opens a Prisma client for a DATABASE_URL: `file:` → SQLite (better-sqlite3 adapter), `postgresql://` →
// PostgreSQL (@prisma/adapter-pg and the client generated from the derived schema, prisma/generate.ts).
// lib/dal/db.ts is the one user at run time; the seed, the e2e fixtures and tests use it too.
// Both clients have the same models and methods; the type is the SQLite client's (the common surface).
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../lib/generated/prisma/client";
import { PrismaClient as PgPrismaClient } from "../lib/generated/prisma-pg/client";
import { providerOf, type DbProvider } from "./providers";

export { providerOf, type DbProvider };

export function openPrisma(url: string, opts: { poolSize?: number } = {}): PrismaClient {
  if (providerOf(url) === "postgresql") {
    // allowExitOnIdle: idle connections do not keep a CLI (retention, seed) alive; a server stays up anyway.
    const adapter = new PrismaPg({ connectionString: url, max: opts.poolSize ?? 10, allowExitOnIdle: true });
    return new PgPrismaClient({ adapter }) as unknown as PrismaClient;
  }
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url }) });
}
