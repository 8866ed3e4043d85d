// Issue 8: a configured deployment gets demo data only when asked; files under data/ are private.
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { statSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { migrate } from "../prisma/migrate";
import { setupDatabase } from "../prisma/setup";
import Database from "better-sqlite3";

const tsx = (script: string, env: Record<string, string>) =>
  spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", script], {
    encoding: "utf8",
    timeout: 120_000,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "test", ...env },
  });

const count = (file: string, table: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare(`SELECT COUNT(*) AS n FROM "${table}"`).get() as { n: number }).n;
  } finally {
    db.close();
  }
};

describe("demo data only when asked (issue 8)", () => {
  it("setting up a configured database applies migrations and seeds nothing", async () => {
    const file = `data/unit/configured-${randomUUID()}.db`;
    const r = await setupDatabase(`file:./${file}`, { seedDemo: false });
    expect(r).toMatchObject({ seeded: false });
    expect(count(file, "Customer")).toBe(0);
    expect(count(file, "StaffUser")).toBe(0);
  });

  it("npm run demo:seed seeds a configured database when asked, says so, and refuses a database in use", () => {
    const file = `data/unit/demo-seed-${randomUUID()}.db`;
    const first = tsx("prisma/demo-seed.ts", { DATABASE_URL: `file:./${file}` });
    expect(first.status).toBe(0);
    expect(first.stdout).toContain("demodata er lagt i den konfigurerede database");
    expect(first.stdout).toContain("demo-logins");
    expect(count(file, "StaffUser")).toBe(2);
    const again = tsx("prisma/demo-seed.ts", { DATABASE_URL: `file:./${file}` });
    expect(again.status).toBe(1);
    expect(again.stderr).toContain("der er ikke lagt demodata i den");
  }, 120_000);

  it("the database under data/ is 0600 in a 0700 folder", async () => {
    const dir = `data/unit/perm-${randomUUID()}`;
    await migrate(`file:./${dir}/portal.db`);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(`${dir}/portal.db`).mode & 0o777).toBe(0o600);
  });
});
