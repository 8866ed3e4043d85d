// Vitest global setup. TEST_DB=postgresql (test/run-all.sh sets it for the PostgreSQL run): a template
// database is migrated once, each test file gets a copy of it (test/support/setup-db.ts), and all of them
// are dropped when the run ends. Otherwise (SQLite) each file makes its own database file.
import { randomBytes } from "node:crypto";
import type { TestProject } from "vitest/node";
import { migrate } from "../../prisma/migrate";
import { createDatabase, dropDatabases, TEST_PG_URL } from "./pg";

declare module "vitest" {
  export interface ProvidedContext {
    pgTemplate: string;
    pgPrefix: string;
  }
}

export default async function setup(project: TestProject) {
  if (process.env.TEST_DB !== "postgresql") return;
  const prefix = process.env.TEST_PG_PREFIX ?? `portal_unit_${randomBytes(4).toString("hex")}_`;
  const template = `${prefix}tmpl`;
  await migrate(await createDatabase(template));
  project.provide("pgTemplate", template);
  project.provide("pgPrefix", prefix);
  console.log(`Unit tests on PostgreSQL (${TEST_PG_URL}, databases ${prefix}*)`);
  return async () => {
    await dropDatabases(prefix);
  };
}
