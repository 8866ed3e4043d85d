// A small migration applier: runs prisma/migrations/*/migration.sql in order, once each, and records
// them in _portal_migrations. Used by `npm start`, the tests and the benchmark. (`prisma migrate deploy`
// works too on SQLite; this one needs no CLI and is the path a PostgreSQL deployment would take.)
import Database from "better-sqlite3";
import { mkdirSync, readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { ensurePrivateDirSync, makePrivateSync, PRIVATE_DIR_MODE } from "../lib/private-files";

export function sqlitePath(databaseUrl: string): string {
  return path.resolve(databaseUrl.replace(/^file:/, ""));
}

export function migrate(databaseUrl: string, migrationsDir = path.resolve("prisma/migrations")): string[] {
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
    db.exec(`CREATE TABLE IF NOT EXISTS "_portal_migrations" (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)`);
    const done = new Set((db.prepare(`SELECT name FROM "_portal_migrations"`).all() as { name: string }[]).map((r) => r.name));
    const applied: string[] = [];
    const names = readdirSync(migrationsDir, { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(path.join(migrationsDir, d.name, "migration.sql")))
      .map((d) => d.name)
      .sort();
    for (const name of names) {
      if (done.has(name)) continue;
      const sql = readFileSync(path.join(migrationsDir, name, "migration.sql"), "utf8");
      db.transaction(() => {
        db.exec(sql);
        db.prepare(`INSERT INTO "_portal_migrations" (name, applied_at) VALUES (?, ?)`).run(name, new Date().toISOString());
      })();
      applied.push(name);
    }
    return applied;
  } finally {
    db.close();
    makePrivateSync(file, `${file}-wal`, `${file}-shm`);
  }
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  const url = process.env.DATABASE_URL ?? "file:./data/portal.db";
  const applied = migrate(url);
  console.log(applied.length ? `Migrations applied: ${applied.join(", ")}` : "Database is up to date.");
}
