// The portal's migration applier (issue 12, item 1): prisma/migrations/*/ in order, each once, each in a
// transaction with its record, checksummed (sha256 of the script). It refuses, before applying anything,
// a database where an applied migration was altered afterwards or that has one this code does not know.
// SQLite runs migration.sql through better-sqlite3, PostgreSQL postgresql.sql through node-postgres
// (`prisma migrate deploy` cannot talk to PostgreSQL here). `npm start` and `npm run setup` call it; the
// server itself only checks (lib/dal/migrations.ts) and refuses to start when anything is pending.
import Database from "better-sqlite3";
import pg from "pg";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { compareMigrations, describeState, localMigrations, MIGRATIONS_DIR, MIGRATIONS_TABLE, type AppliedMigration } from "./migration-files";

export { MIGRATIONS_TABLE };
import { providerOf } from "./providers";
import { ensurePrivateDirSync, makePrivateSync, PRIVATE_DIR_MODE } from "../lib/private-files";

export function sqlitePath(databaseUrl: string): string {
  return path.resolve(databaseUrl.replace(/^file:/, "").replace(/\?.*$/, ""));
}

function refuseMismatch(local: ReturnType<typeof localMigrations>, applied: AppliedMigration[]): void {
  const state = compareMigrations(local, applied);
  const problem = describeState({ ...state, pending: [] });
  if (problem) throw new Error(problem);
}

export async function migrate(databaseUrl: string, migrationsDir = MIGRATIONS_DIR): Promise<string[]> {
  return providerOf(databaseUrl) === "postgresql" ? migratePostgres(databaseUrl, migrationsDir) : migrateSqlite(databaseUrl, migrationsDir);
}

function migrateSqlite(databaseUrl: string, migrationsDir: string): string[] {
  const local = localMigrations("sqlite", migrationsDir);
  const file = sqlitePath(databaseUrl);
  const dir = path.dirname(file);
  // data/ holds personal data: folder 0700, files 0600 (issue 8). A folder elsewhere is the operator's.
  if (dir === path.resolve("data") || dir.startsWith(path.resolve("data") + path.sep)) ensurePrivateDirSync(dir);
  else mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  const db = new Database(file);
  makePrivateSync(file);
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("foreign_keys = ON");
    db.pragma("busy_timeout = 10000");
    db.exec(`CREATE TABLE IF NOT EXISTS "${MIGRATIONS_TABLE}" (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL, checksum TEXT)`);
    const columns = db.prepare(`PRAGMA table_info("${MIGRATIONS_TABLE}")`).all() as { name: string }[];
    if (!columns.some((c) => c.name === "checksum")) {
      // Databases migrated before checksums existed: their scripts are taken as they are now, once.
      db.exec(`ALTER TABLE "${MIGRATIONS_TABLE}" ADD COLUMN checksum TEXT`);
    }
    const adopt = db.prepare(`UPDATE "${MIGRATIONS_TABLE}" SET checksum = ? WHERE name = ? AND checksum IS NULL`);
    for (const m of local) adopt.run(m.checksum, m.name);
    const readApplied = () => db.prepare(`SELECT name, checksum FROM "${MIGRATIONS_TABLE}"`).all() as AppliedMigration[];
    refuseMismatch(local, readApplied());
    const applied: string[] = [];
    for (const m of local) {
      // IMMEDIATE: a second process migrating at the same moment waits, then sees the record and skips.
      db.transaction(() => {
        if (db.prepare(`SELECT 1 FROM "${MIGRATIONS_TABLE}" WHERE name = ?`).get(m.name)) return;
        db.exec(m.sql);
        db.prepare(`INSERT INTO "${MIGRATIONS_TABLE}" (name, applied_at, checksum) VALUES (?, ?, ?)`).run(m.name, new Date().toISOString(), m.checksum);
        applied.push(m.name);
      }).immediate();
    }
    return applied;
  } finally {
    db.close();
    makePrivateSync(file, `${file}-wal`, `${file}-shm`);
  }
}

async function migratePostgres(databaseUrl: string, migrationsDir: string): Promise<string[]> {
  const local = localMigrations("postgresql", migrationsDir);
  const client = new pg.Client({ connectionString: databaseUrl, application_name: "portal-migrate" });
  await client.connect();
  try {
    // One applier at a time across every instance starting against this database.
    await client.query(`SELECT pg_advisory_lock(hashtext('portal_migrations'))`);
    await client.query(
      `CREATE TABLE IF NOT EXISTS "${MIGRATIONS_TABLE}" (name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now(), checksum TEXT NOT NULL)`,
    );
    const { rows } = await client.query<AppliedMigration>(`SELECT name, checksum FROM "${MIGRATIONS_TABLE}"`);
    refuseMismatch(local, rows);
    const done = new Set(rows.map((r) => r.name));
    const applied: string[] = [];
    for (const m of local) {
      if (done.has(m.name)) continue;
      await client.query("BEGIN");
      try {
        await client.query(m.sql);
        await client.query(`INSERT INTO "${MIGRATIONS_TABLE}" (name, checksum) VALUES ($1, $2)`, [m.name, m.checksum]);
        await client.query("COMMIT");
      } catch (e) {
        await client.query("ROLLBACK");
        throw new Error(`Migration ${m.name} fejlede og blev rullet tilbage: ${(e as Error).message}`);
      }
      applied.push(m.name);
    }
    return applied;
  } finally {
    await client.query(`SELECT pg_advisory_unlock(hashtext('portal_migrations'))`).catch(() => undefined);
    await client.end();
  }
}

if (process.argv[1]?.endsWith("migrate.ts")) {
  const url = process.env.DATABASE_URL ?? "file:./data/portal.db";
  migrate(url).then(
    (applied) => console.log(applied.length ? `Migrations applied: ${applied.join(", ")}` : "Database is up to date."),
    (e) => {
      console.error((e as Error).message);
      process.exit(1);
    },
  );
}
