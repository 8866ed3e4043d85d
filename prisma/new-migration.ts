// `npm run db:migration -- <nnnn>_<name> [--from <git-rev>]`: a new migration for both databases from the
// one schema source (issue 12, item 1). It diffs the schema at <git-rev> (default: where this branch left
// main, `git merge-base HEAD main`) against the working tree's prisma/schema.prisma with
// `prisma migrate diff` (offline, datamodel to datamodel), once per provider, and writes
//   prisma/migrations/<nnnn>_<name>/migration.sql    SQLite
//   prisma/migrations/<nnnn>_<name>/postgresql.sql   PostgreSQL
// Without a number the next free one is taken. Hand-written SQL (triggers …) goes at the end of both files.
//
// `npm run db:migration -- --postgresql-missing`: writes postgresql.sql for every migration that has only
// migration.sql (made with `prisma migrate diff` by hand). It finds in git history the pair of schema
// versions whose SQLite diff is exactly that migration.sql, and diffs the same pair for PostgreSQL.
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { prismaCli } from "./generate";
import { MIGRATIONS_DIR, migrationNames, SCRIPT_FILE } from "./migration-files";
import { SCHEMA_PATH, schemaFor, type DbProvider } from "./providers";

export const HAND_WRITTEN_MISSING = "-- HAND-WRITTEN PART MISSING";
const TMP = "data/tmp-migration";

function git(args: string[]): string | null {
  try {
    return execFileSync("git", args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], maxBuffer: 1 << 26 });
  } catch {
    return null;
  }
}

export function schemaAt(rev: string): string | null {
  return git(["show", `${rev}:${SCHEMA_PATH}`]);
}

/** The SQL that takes a database from schema `from` (null: empty) to schema `to`, for `provider`. */
export function diffSchemas(provider: DbProvider, from: string | null, to: string): string {
  const tmp = path.join(TMP, randomUUID());
  mkdirSync(tmp, { recursive: true });
  try {
    return diffInDir(tmp, provider, from, to);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

function diffInDir(tmp: string, provider: DbProvider, from: string | null, to: string): string {
  const write = (name: string, text: string) => {
    const file = path.join(tmp, `${name}.${provider}.prisma`);
    writeFileSync(file, schemaFor(provider, text));
    return file;
  };
  const args = ["migrate", "diff", "--script"];
  args.push(...(from === null ? ["--from-empty"] : ["--from-schema-datamodel", write("from", from)]));
  args.push("--to-schema-datamodel", write("to", to));
  if (provider === "postgresql") args.push("--config", "prisma/postgresql.config.ts");
  let sql = prismaCli(args, { quiet: true });
  // The schema exists already; creating it would need the CREATE privilege on the database.
  if (provider === "postgresql") sql = sql.replace(/-- CreateSchema\nCREATE SCHEMA IF NOT EXISTS "public";\n\n?/, "");
  return sql;
}

export function isEmptyDiff(sql: string): boolean {
  return statements(sql) === "";
}

/** The SQL without comments and blank lines, for comparing a generated script with a committed one. */
function statements(sql: string): string {
  return sql
    .replace(/\r\n/g, "\n")
    .split("\n")
    .map((l) => l.trimEnd())
    .filter((l) => l.trim() !== "" && !l.trim().startsWith("--"))
    .join("\n");
}

function nextNumber(): string {
  const last = migrationNames().at(-1);
  return String((last ? Number(last.slice(0, 4)) : 0) + 1).padStart(4, "0");
}

function newMigration(rawName: string, fromRev: string | undefined): void {
  const name = /^\d{4}[a-z]?_[a-z0-9_]+$/.test(rawName) ? rawName : `${nextNumber()}_${rawName.replace(/[^a-z0-9_]+/gi, "_").toLowerCase()}`;
  const dir = path.join(MIGRATIONS_DIR, name);
  if (existsSync(dir)) throw new Error(`${dir} findes allerede`);
  const rev = fromRev ?? git(["merge-base", "HEAD", "main"])?.trim() ?? "HEAD";
  const prev = schemaAt(rev);
  if (prev === null) throw new Error(`Kan ikke læse ${SCHEMA_PATH} i ${rev}`);
  const current = readFileSync(SCHEMA_PATH, "utf8");
  const sqlite = diffSchemas("sqlite", prev, current);
  if (isEmptyDiff(sqlite)) throw new Error(`Ingen ændring i ${SCHEMA_PATH} siden ${rev} (angiv --from <git-rev>)`);
  const postgres = diffSchemas("postgresql", prev, current);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, SCRIPT_FILE.sqlite), sqlite);
  writeFileSync(path.join(dir, SCRIPT_FILE.postgresql), postgres);
  console.log(`Schema ${rev.slice(0, 12)} → working tree:\n  ${dir}/${SCRIPT_FILE.sqlite}\n  ${dir}/${SCRIPT_FILE.postgresql}`);
  console.log(sqlite);
}

/** Finds (prev, current) schema versions in git whose SQLite diff is the committed migration.sql. */
function postgresFromHistory(name: string): { sql: string; handWritten: string | null } {
  const file = path.join(MIGRATIONS_DIR, name, SCRIPT_FILE.sqlite);
  const target = statements(readFileSync(file, "utf8"));
  // Candidates for "after": the schema at each commit that wrote this migration.sql (newest first), and the
  // working tree when it is not committed yet.
  const writers = (git(["log", "--format=%H", "--", file]) ?? "").trim().split("\n").filter(Boolean);
  const afters: { rev: string; text: string | null }[] = writers.length
    ? writers.map((rev) => ({ rev, text: schemaAt(rev) }))
    : [{ rev: "HEAD", text: readFileSync(SCHEMA_PATH, "utf8") }];
  const tried = new Set<string>();
  for (const after of afters) {
    const current = after.text;
    if (current === null) continue;
    // Candidates for "before": the schema just before that commit, then before each earlier change of the
    // schema (the schema may have been committed before its migration).
    const base = writers.length ? `${after.rev}^` : "HEAD";
    const touching = (git(["log", "--format=%H", "-n", "20", base, "--", SCHEMA_PATH]) ?? "").trim().split("\n").filter(Boolean);
    for (const rev of [base, ...touching.map((c) => `${c}^`)]) {
      const prev = schemaAt(rev);
      const key = `${prev ?? "<empty>"}\u0000${current}`;
      if (tried.has(key)) continue;
      tried.add(key);
      const generated = statements(diffSchemas("sqlite", prev, current));
      if (generated === "" || !target.startsWith(generated)) continue;
      const rest = target.slice(generated.length).trim();
      return { sql: diffSchemas("postgresql", prev, current), handWritten: rest || null };
    }
  }
  throw new Error(`${name}: ingen version af ${SCHEMA_PATH} i git giver netop denne migration.sql; skriv ${SCRIPT_FILE.postgresql} med --from`);
}

function postgresMissing(): void {
  let missing = 0;
  for (const name of migrationNames()) {
    const out = path.join(MIGRATIONS_DIR, name, SCRIPT_FILE.postgresql);
    if (existsSync(out)) continue;
    missing++;
    const { sql, handWritten } = postgresFromHistory(name);
    if (handWritten) {
      const commented = handWritten
        .split("\n")
        .map((l) => `--   ${l}`)
        .join("\n");
      writeFileSync(out, `${sql}\n${HAND_WRITTEN_MISSING}: write the PostgreSQL equivalent of this SQLite part, then delete these lines\n${commented}\n`);
      console.log(`${out}: written; migration.sql has hand-written SQL at the end: add its PostgreSQL equivalent (see the file).`);
      process.exitCode = 1;
    } else {
      writeFileSync(out, sql);
      console.log(`${out}: written.`);
    }
  }
  if (!missing) console.log("Every migration has its PostgreSQL script.");
}

if (process.argv[1]?.endsWith("new-migration.ts")) {
  const args = process.argv.slice(2);
  try {
    if (args.includes("--postgresql-missing")) postgresMissing();
    else {
      const fromAt = args.indexOf("--from");
      const from = fromAt >= 0 ? args[fromAt + 1] : undefined;
      const name = args.find((a, i) => !a.startsWith("--") && (fromAt < 0 || i !== fromAt + 1));
      if (!name) throw new Error("Brug: npm run db:migration -- <nnnn>_<navn> [--from <git-rev>]  |  --postgresql-missing");
      newMigration(name, from);
    }
  } catch (e) {
    console.error((e as Error).message);
    process.exitCode = 1;
  }
}
