// PostgreSQL for the test runs (issue 12, item 2): TEST_PG_URL names a server and a database to connect to
// for administration (default postgresql://postgres@127.0.0.1:5432/postgres, trust auth). Each run makes its
// own databases under a unique prefix and drops them afterwards.
import pg, { type Client } from "pg";

export const TEST_PG_URL = process.env.TEST_PG_URL || "postgresql://postgres@127.0.0.1:5432/postgres";

/** The URL of database `name` on the TEST_PG_URL server. */
export function pgUrlFor(name: string, base = TEST_PG_URL): string {
  const u = new URL(base);
  if (!u.username) u.username = "postgres";
  u.pathname = `/${name}`;
  return u.toString();
}

export async function pgAdmin<T>(fn: (c: Client) => Promise<T>, base = TEST_PG_URL): Promise<T> {
  const c = new pg.Client({ connectionString: pgUrlFor(new URL(base).pathname.slice(1) || "postgres", base) });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

export async function pgAnswers(base = TEST_PG_URL): Promise<boolean> {
  try {
    await pgAdmin((c) => c.query("SELECT 1"), base);
    return true;
  } catch {
    return false;
  }
}

const ident = (name: string) => {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`unsafe database name ${name}`);
  return `"${name}"`;
};

export async function createDatabase(name: string, template?: string): Promise<string> {
  await pgAdmin(async (c) => {
    for (let attempt = 0; ; attempt++) {
      try {
        await c.query(`CREATE DATABASE ${ident(name)}${template ? ` TEMPLATE ${ident(template)}` : ""}`);
        return;
      } catch (e) {
        // "source database is being accessed by other users": another file is copying the template now.
        if (attempt > 20 || !/being accessed/.test((e as Error).message)) throw e;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
  });
  return pgUrlFor(name);
}

export async function dropDatabases(prefix: string): Promise<string[]> {
  return pgAdmin(async (c) => {
    const { rows } = await c.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${prefix}%`]);
    for (const r of rows) await c.query(`DROP DATABASE IF EXISTS ${ident(r.datname)} WITH (FORCE)`);
    return rows.map((r) => r.datname);
  });
}
