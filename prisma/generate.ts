// `npm run db:generate`: both Prisma clients from the one schema source (issue 12, item 1).
//   lib/generated/prisma     SQLite client (prisma/schema.prisma, as `npx prisma generate` makes it)
//   lib/generated/prisma-pg  PostgreSQL client (lib/generated/postgresql/schema.prisma, written here)
// lib/dal/db.ts picks one at run time from DATABASE_URL.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PG_SCHEMA_PATH, SCHEMA_PATH, schemaFor } from "./providers";

export function writePostgresSchema(): string {
  mkdirSync(path.dirname(PG_SCHEMA_PATH), { recursive: true });
  writeFileSync(PG_SCHEMA_PATH, schemaFor("postgresql", readFileSync(SCHEMA_PATH, "utf8")));
  return PG_SCHEMA_PATH;
}

export function prismaCli(args: string[], opts: { quiet?: boolean } = {}): string {
  const r = spawnSync(process.execPath, [path.resolve("node_modules/prisma/build/index.js"), ...args], {
    encoding: "utf8",
    env: { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
  });
  if (r.status !== 0) throw new Error(`prisma ${args.join(" ")} failed:\n${r.stdout}\n${r.stderr}`);
  if (!opts.quiet) process.stderr.write(r.stderr.replace(/^Loaded Prisma config.*\n/m, ""));
  return r.stdout;
}

if (process.argv[1]?.endsWith("generate.ts")) {
  prismaCli(["generate"]);
  writePostgresSchema();
  prismaCli(["generate", "--config", "prisma/postgresql.config.ts"]);
  console.log("Prisma clients generated: lib/generated/prisma (SQLite), lib/generated/prisma-pg (PostgreSQL).");
}
