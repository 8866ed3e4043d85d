import "server-only";
import { db, dbProvider } from "./db";
import { compareMigrations, describeState, localMigrations, MIGRATIONS_TABLE, type AppliedMigration } from "@/prisma/migration-files";

// The server's start-up check (issue 12, item 1): `next start` refuses a database with unapplied migrations,
// migrations altered after they were applied, or migrations this code does not know. It only reads;
// `npm start` / `npm run setup` apply them (prisma/migrate.ts).
export async function migrationProblem(): Promise<string | null> {
  let applied: AppliedMigration[];
  try {
    applied = await db.$queryRawUnsafe<AppliedMigration[]>(`SELECT name, checksum FROM "${MIGRATIONS_TABLE}"`);
  } catch {
    return `Databasen har ingen migrationer med kontrolsum (${MIGRATIONS_TABLE}): kør npm run setup.`;
  }
  return describeState(compareMigrations(localMigrations(dbProvider), applied));
}
