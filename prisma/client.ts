// Opens a Prisma client for a DATABASE_URL: `file:` → SQLite (better-sqlite3 adapter), `postgresql://` →
// PostgreSQL (@prisma/adapter-pg and the client generated from the derived schema, prisma/generate.ts).
// lib/dal/db.ts is the one user at run time; the seed, the e2e fixtures and tests use it too.
// Both clients have the same models and methods; the type is the SQLite client's (the common surface).
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type BetterSqlite3 from "better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../lib/generated/prisma/client";
import { PrismaClient as PgPrismaClient } from "../lib/generated/prisma-pg/client";
import { providerOf, type DbProvider } from "./providers";

export { providerOf, type DbProvider };

export function openPrisma(url: string, opts: { poolSize?: number } = {}): PrismaClient {
  if (providerOf(url) === "postgresql") {
    // allowExitOnIdle: idle connections do not keep a CLI (retention, seed) alive; a server stays up anyway.
    const adapter = new PrismaPg({ connectionString: url, max: opts.poolSize ?? 10, allowExitOnIdle: true });
    return new PgPrismaClient({ adapter }) as unknown as PrismaClient;
  }
  const adapter = new StatementCachingSQLite3({ url });
  const client = new PrismaClient({ adapter });
  sqliteAdapters.set(client, adapter);
  return client;
}

/**
 * The better-sqlite3 adapter prepares every statement anew (`prepare(sql).bind(args)`): for /konto's session
 * lookup and overview aggregate that was ~5 % of the server's CPU (issue 13.3). This keeps the last
 * STATEMENT_CACHE statements of the connection by their SQL and binds the arguments per call instead. SQLite
 * re-prepares a kept statement by itself when the schema changes.
 */
const STATEMENT_CACHE = 200;

class StatementCachingSQLite3 extends PrismaBetterSQLite3 {
  /** The connection's kept statements, once Prisma has connected (see `sqliteStatements`). */
  statements: ((sql: string) => BetterSqlite3.Statement) | undefined;
  override async connect() {
    const adapter = await super.connect();
    this.statements = cacheStatements((adapter as unknown as { client: BetterSqlite3.Database }).client);
    return adapter;
  }
}

const sqliteAdapters = new WeakMap<object, StatementCachingSQLite3>();

/**
 * The kept statements of a SQLite client's one connection, or undefined (PostgreSQL, or not connected yet). For
 * lib/dal/db.ts `queryRows`: the per-request statements (session lookup, /konto's summary) run on the same
 * connection Prisma uses, without the client's raw-query pipeline (issue 13.3).
 */
export function sqliteStatements(client: PrismaClient): ((sql: string) => BetterSqlite3.Statement) | undefined {
  return sqliteAdapters.get(client)?.statements;
}

/** What the adapter calls on `prepare(sql).bind(args)`, backed by one kept statement and the call's arguments. */
function cacheStatements(database: BetterSqlite3.Database): (sql: string) => BetterSqlite3.Statement {
  const prepare = database.prepare.bind(database);
  const kept = new Map<string, BetterSqlite3.Statement>();
  const statement = (sql: string) => {
    let stmt = kept.get(sql);
    if (stmt) kept.delete(sql);
    else {
      stmt = prepare(sql);
      if (kept.size >= STATEMENT_CACHE) kept.delete(kept.keys().next().value!);
    }
    kept.set(sql, stmt); // most recently used last
    return stmt;
  };
  database.prepare = ((sql: string) => {
    const stmt = statement(sql);
    const bound = (args: unknown[] = []) => ({
      reader: stmt.reader,
      columns: () => stmt.columns(),
      run: () => stmt.run(...args),
      raw: () => ({ all: () => stmt.raw(true).all(...args) }),
    });
    return { reader: stmt.reader, columns: () => stmt.columns(), run: (...a: unknown[]) => stmt.run(...a), bind: bound };
  }) as unknown as BetterSqlite3.Database["prepare"];
  return statement;
}
