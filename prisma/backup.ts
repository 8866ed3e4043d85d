// `npm run backup [-- <file>]`: a consistent copy of the database while the portal keeps running.
//   SQLite:     SQLite's online backup API (better-sqlite3 `backup`), then an integrity check of the copy.
//   PostgreSQL: `pg_dump --format=custom` (restore with pg_restore; README "Drift").
// Default file: data/backups/portal-<UTC time>.db (.dump for PostgreSQL); folder 0700, file 0600: a backup
// holds every customer's personal data. Reads DATABASE_URL (unset: the demo database), like the applier.
import Database from "better-sqlite3";
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { sqlitePath } from "./migrate";
import { providerOf } from "./providers";

export async function backup(databaseUrl: string, dest?: string): Promise<string> {
  const provider = providerOf(databaseUrl);
  const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\..*/, "");
  const file = path.resolve(dest ?? `data/backups/portal-${stamp}.${provider === "sqlite" ? "db" : "dump"}`);
  if (existsSync(file)) throw new Error(`${file} findes allerede`);
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  if (provider === "sqlite") {
    const source = sqlitePath(databaseUrl);
    if (!existsSync(source)) throw new Error(`Databasen ${source} findes ikke`);
    const db = new Database(source, { fileMustExist: true });
    try {
      await db.backup(file);
    } finally {
      db.close();
    }
    chmodSync(file, 0o600);
    const copy = new Database(file, { readonly: true });
    try {
      const check = copy.pragma("integrity_check", { simple: true });
      if (check !== "ok") throw new Error(`Kopien ${file} fejlede integritetstjekket: ${String(check)}`);
    } finally {
      copy.close();
    }
  } else {
    const r = spawnSync("pg_dump", ["--format=custom", "--no-owner", "--file", file, databaseUrl], { encoding: "utf8" });
    if (r.error) throw new Error(`pg_dump kunne ikke køres (${r.error.message}); installer PostgreSQL-klienten`);
    if (r.status !== 0) throw new Error(`pg_dump fejlede: ${r.stderr}`);
    chmodSync(file, 0o600);
  }
  return file;
}

if (process.argv[1]?.endsWith("backup.ts")) {
  const url = process.env.DATABASE_URL || "file:./data/portal.db";
  backup(url, process.argv[2]).then(
    (file) => console.log(`Sikkerhedskopi: ${file}`),
    (e) => {
      console.error((e as Error).message);
      process.exit(1);
    },
  );
}
