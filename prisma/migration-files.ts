// The migrations on disk and the comparison with what a database has applied (no driver imports: used by
// the applier, by the server's start-up check in lib/dal/migrations.ts and by tests).
// prisma/migrations/<nnnn>_<name>/migration.sql is the SQLite script, postgresql.sql the PostgreSQL one;
// both are made by `npm run db:migration` (prisma/new-migration.ts) from the one schema source.
// The server reads them from <cwd>/prisma/migrations at start-up; the file accesses are marked for Turbopack not
// to trace (it would otherwise pull the whole project, data/ included, into the standalone output), and
// deploy/build-standalone.sh copies the folder instead.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { DbProvider } from "./providers";

export const MIGRATIONS_DIR = "prisma/migrations";
export const MIGRATIONS_TABLE = "_portal_migrations";
export const SCRIPT_FILE: Record<DbProvider, string> = { sqlite: "migration.sql", postgresql: "postgresql.sql" };

export interface LocalMigration {
  name: string;
  sql: string;
  checksum: string;
}

export interface AppliedMigration {
  name: string;
  checksum: string | null;
}

export function checksumOf(sql: string): string {
  return createHash("sha256").update(sql.replace(/\r\n/g, "\n")).digest("hex");
}

export function migrationNames(dir = MIGRATIONS_DIR): string[] {
  const root = path.resolve(/*turbopackIgnore: true*/ dir);
  return readdirSync(/*turbopackIgnore: true*/ root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(/*turbopackIgnore: true*/ path.join(root, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort();
}

/** Every migration for `provider`, in order. A migration without its script for this database is an error. */
export function localMigrations(provider: DbProvider, dir = MIGRATIONS_DIR): LocalMigration[] {
  return migrationNames(dir).map((name) => {
    const file = path.resolve(/*turbopackIgnore: true*/ dir, name, SCRIPT_FILE[provider]);
    if (!existsSync(/*turbopackIgnore: true*/ file)) {
      throw new Error(`Migration ${name} mangler ${SCRIPT_FILE[provider]} (${provider}); kør: npm run db:migration -- --postgresql-missing`);
    }
    const sql = readFileSync(/*turbopackIgnore: true*/ file, "utf8");
    return { name, sql, checksum: checksumOf(sql) };
  });
}

export interface MigrationState {
  pending: string[];
  altered: string[];
  unknown: string[];
}

/** What stands between the database and the code: unapplied, altered since applied, applied but unknown here. */
export function compareMigrations(local: LocalMigration[], applied: AppliedMigration[]): MigrationState {
  const byName = new Map(applied.map((a) => [a.name, a]));
  const names = new Set(local.map((l) => l.name));
  return {
    pending: local.filter((l) => !byName.has(l.name)).map((l) => l.name),
    altered: local.filter((l) => byName.has(l.name) && byName.get(l.name)!.checksum !== l.checksum).map((l) => l.name),
    unknown: applied.filter((a) => !names.has(a.name)).map((a) => a.name),
  };
}

export function describeState(s: MigrationState): string | null {
  const parts: string[] = [];
  if (s.pending.length) parts.push(`ikke anvendt: ${s.pending.join(", ")} (kør npm run setup)`);
  if (s.altered.length) parts.push(`ændret efter de blev anvendt: ${s.altered.join(", ")}`);
  if (s.unknown.length) parts.push(`anvendt i databasen, men ukendt for denne version: ${s.unknown.join(", ")}`);
  return parts.length ? `Databasens migrationer passer ikke til koden: ${parts.join("; ")}.` : null;
}
