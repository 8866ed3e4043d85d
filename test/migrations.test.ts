// Issue 12, item 1: one schema source, migrations for SQLite and PostgreSQL, the portal's own applier.
// Runs on the database of the run (TEST_DB): the applier tests on either; each equivalence test on its own
// database type (describe.runIf), so `npm test` covers both.
import { describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import pg from "pg";
import { randomBytes, randomUUID } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { inject } from "vitest";
import { migrate, sqlitePath } from "../prisma/migrate";
import { migrationNames, MIGRATIONS_DIR } from "../prisma/migration-files";
import { providerOf } from "../prisma/providers";
import { diffSchemas, HAND_WRITTEN_MISSING } from "../prisma/new-migration";
import { migrationProblem } from "@/lib/dal/migrations";
import { createDatabase } from "./support/pg";

const provider = providerOf(process.env.DATABASE_URL!);

async function freshDatabase(): Promise<string> {
  if (provider === "postgresql") return createDatabase(`${inject("pgPrefix")}${randomBytes(6).toString("hex")}`);
  return `file:./data/unit/${randomUUID()}.db`;
}

function copyOfMigrations(): string {
  const dir = `data/unit/migrations-${randomUUID()}`;
  mkdirSync(dir, { recursive: true });
  cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

async function tableExists(url: string, table: string): Promise<boolean> {
  if (providerOf(url) === "sqlite") {
    const db = new Database(sqlitePath(url), { readonly: true });
    try {
      return !!db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(table);
    } finally {
      db.close();
    }
  }
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(`SELECT 1 FROM information_schema.tables WHERE table_schema = 'public' AND table_name = $1`, [table])).rows.length === 1;
  } finally {
    await c.end();
  }
}

describe("every migration exists for both databases", () => {
  it("each prisma/migrations/<nnnn>_<name>/ has migration.sql (SQLite) and a complete postgresql.sql (npm run db:migration)", () => {
    const names = migrationNames();
    expect(names.length).toBeGreaterThan(3);
    const missing = names.filter((n) => !existsSync(path.join(MIGRATIONS_DIR, n, "postgresql.sql")));
    expect(missing, "run: npm run db:migration -- --postgresql-missing").toEqual([]);
    const unfinished = names.filter((n) => readFileSync(path.join(MIGRATIONS_DIR, n, "postgresql.sql"), "utf8").includes(HAND_WRITTEN_MISSING));
    expect(unfinished, "hand-written SQLite SQL without its PostgreSQL equivalent").toEqual([]);
    // The numbers are unique: two branches that took the same number would apply in an arbitrary order.
    const numbers = names.map((n) => n.split("_")[0]);
    expect(new Set(numbers).size).toBe(numbers.length);
  });
});

describe(`the migration applier (${provider})`, () => {
  it("applies each migration once, in order, and records its checksum", async () => {
    const url = await freshDatabase();
    expect(await migrate(url)).toEqual(migrationNames());
    expect(await migrate(url)).toEqual([]);
  });

  it("refuses a database where an applied migration was altered afterwards", async () => {
    const url = await freshDatabase();
    const dir = copyOfMigrations();
    await migrate(url, dir);
    const first = migrationNames(dir)[0];
    const script = path.join(dir, first, provider === "postgresql" ? "postgresql.sql" : "migration.sql");
    writeFileSync(script, readFileSync(script, "utf8") + "\n-- a later edit\n");
    await expect(migrate(url, dir)).rejects.toThrow(/ændret efter de blev anvendt: 0001_init/);
  });

  it("a failing migration changes nothing and is not recorded; the next run tries it again", async () => {
    const url = await freshDatabase();
    const dir = copyOfMigrations();
    await migrate(url, dir);
    mkdirSync(path.join(dir, "9999_broken"));
    const broken = `CREATE TABLE "HalfDone" ("id" TEXT NOT NULL PRIMARY KEY);\nCREATE TABLE "Broken" (this is not sql);\n`;
    writeFileSync(path.join(dir, "9999_broken", "migration.sql"), broken);
    writeFileSync(path.join(dir, "9999_broken", "postgresql.sql"), broken);
    await expect(migrate(url, dir)).rejects.toThrow();
    expect(await tableExists(url, "HalfDone")).toBe(false);
    writeFileSync(
      path.join(dir, "9999_broken", provider === "postgresql" ? "postgresql.sql" : "migration.sql"),
      `CREATE TABLE "HalfDone" ("id" TEXT NOT NULL PRIMARY KEY);\n`,
    );
    expect(await migrate(url, dir)).toEqual(["9999_broken"]);
    expect(await tableExists(url, "HalfDone")).toBe(true);
    // The code no longer knowing an applied migration (an older version started on a newer database).
    await expect(migrate(url, MIGRATIONS_DIR)).rejects.toThrow(/ukendt for denne version: 9999_broken/);
  });

  it("the server's start-up check finds nothing to object to on a migrated database", async () => {
    expect(await migrationProblem()).toBeNull();
  });
});

// The migrations, applied in order, give exactly the schema that prisma/schema.prisma describes (compared in
// the database's catalog; triggers and the migrations table aside). Catches a wrong or missing postgresql.sql.
describe.runIf(provider === "postgresql")("PostgreSQL: the migrations build exactly the schema", () => {
  async function catalog(url: string) {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      const q = async (sql: string) => (await c.query(sql)).rows;
      return {
        columns: await q(`SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default FROM information_schema.columns
                          WHERE table_schema = 'public' AND table_name <> '_portal_migrations' ORDER BY 1, 2`),
        indexes: await q(
          `SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_portal_migrations' ORDER BY 1, 2`,
        ),
        constraints: await q(`SELECT conrelid::regclass::text AS rel, conname, pg_get_constraintdef(oid) AS def FROM pg_constraint
                              WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '"_portal_migrations"' AND conrelid::regclass::text <> '_portal_migrations' ORDER BY 1, 2`),
        enums: await q(`SELECT t.typname, e.enumlabel FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid ORDER BY 1, 2`),
      };
    } finally {
      await c.end();
    }
  }

  it("all postgresql.sql in order = the PostgreSQL schema generated from prisma/schema.prisma", async () => {
    const fromScratch = await freshDatabase();
    const c = new pg.Client({ connectionString: fromScratch });
    await c.connect();
    await c.query(diffSchemas("postgresql", null, readFileSync("prisma/schema.prisma", "utf8")));
    await c.end();
    expect(await catalog(process.env.DATABASE_URL!)).toEqual(await catalog(fromScratch));
  }, 120_000);
});

describe.runIf(provider === "sqlite")("SQLite: the migrations build exactly the schema", () => {
  function catalog(url: string) {
    const db = new Database(sqlitePath(url), { readonly: true });
    try {
      const tables = (
        db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_portal_migrations' ORDER BY name`).all() as {
          name: string;
        }[]
      ).map((t) => t.name);
      return tables.map((t) => ({
        table: t,
        columns: (db.prepare(`PRAGMA table_info("${t}")`).all() as { name: string; type: string; notnull: number; dflt_value: unknown; pk: number }[])
          .map(({ name, type, notnull, dflt_value, pk }) => ({ name, type, notnull, dflt_value, pk }))
          .sort((a, b) => a.name.localeCompare(b.name)),
        indexes: (db.prepare(`PRAGMA index_list("${t}")`).all() as { name: string; unique: number }[])
          .map((i) => ({ name: i.name, unique: i.unique, cols: (db.prepare(`PRAGMA index_info("${i.name}")`).all() as { name: string }[]).map((c) => c.name) }))
          .sort((a, b) => a.name.localeCompare(b.name)),
        foreignKeys: (
          db.prepare(`PRAGMA foreign_key_list("${t}")`).all() as { table: string; from: string; to: string; on_update: string; on_delete: string }[]
        ).map(({ table, from, to, on_update, on_delete }) => ({ table, from, to, on_update, on_delete })),
      }));
    } finally {
      db.close();
    }
  }

  it("all migration.sql in order = the schema of prisma/schema.prisma", async () => {
    const fromScratch = await freshDatabase();
    const raw = new Database(sqlitePath(fromScratch));
    raw.exec(diffSchemas("sqlite", null, readFileSync("prisma/schema.prisma", "utf8")));
    raw.close();
    expect(catalog(process.env.DATABASE_URL!)).toEqual(catalog(fromScratch));
  }, 120_000);
});
