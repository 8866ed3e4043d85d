import "server-only";
import { createHash } from "node:crypto";
import pg, { type Pool, type QueryConfig, type QueryResult } from "pg";
import { errorFields, log } from "@/lib/log";

// PostgreSQL: the connections lib/dal/db.ts `queryRows` runs on (the session lookup, /konto's summary).
//
// Their sessions price sequential and bitmap scans out (`enable_seqscan`/`enable_bitmapscan` off: still used where
// no index serves, never chosen over one). Those statements read one customer's rows through that customer's
// indexes, counts capped at a limit (lib/dal/overview.ts). Only a plain index scan stops at the limit: a bitmap
// scan reads every index entry of the customer first, and a sequential scan walks the table until it has found
// enough. The planner picks those when its statistics are missing or stale (after a bulk import or a restore,
// before autovacuum has analysed the tables) and, for a prepared statement, in its generic plan, which assumes an
// average customer. Measured on 150,000 website events (one customer with 50,000): the capped count took 4.7 ms as
// a bitmap scan without statistics and 11 ms as a sequential scan with statistics but no vacuum, against
// 0.2–2.7 ms as an index scan; the bitmap scan grows with the customer's history, the sequential scan with the table.
//
// Each statement is prepared once per connection under a name made from its text (parsed and planned once, issue
// 13.3), so one name means one text in every instance and version.
//
// Behind a pooler both can fail, and the reader then goes on without them, with one warning in the log each, rather
// than failing every login (README, "Drift"; test/index-reads.test.ts):
// - The settings travel in the startup packet's `options`, which PgBouncer refuses unless `options` is in its
//   ignore_startup_parameters ("unsupported startup parameter: options", 08P01), and then drops them: the first
//   read checks that they arrived.
// - In transaction pooling, a client's next statement may reach another server connection than the one that
//   prepared it: "prepared statement … does not exist" (26000) or "already exists" (42P05). The reader then
//   sends unnamed statements (parsed each time, as Prisma's own are).

/** Connections of the reader's pool, beside the Prisma adapter's 10 (README, "Drift"). */
export const INDEX_READ_CONNECTIONS = 4;

const INDEX_ONLY_OPTIONS = "-c enable_seqscan=off -c enable_bitmapscan=off";

export interface IndexReader {
  query<R>(config: Omit<QueryConfig, "name">): Promise<QueryResult<R>>;
  /** Whether its connections carry the planner settings (false after a pooler refused them). */
  readonly guarded: boolean;
  /** Whether it prepares named statements (false after a pooler lost one). */
  readonly named: boolean;
  end(): Promise<void>;
}

/** A refusal of the startup packet's `options` (a pooler's protocol_violation naming it), not any other failure. */
export function isOptionsRefusal(e: unknown): boolean {
  const err = e as { code?: unknown; message?: unknown };
  return err?.code === "08P01" && typeof err.message === "string" && /startup parameter/i.test(err.message) && /options/i.test(err.message);
}

/** A named statement that the connection did not have or already had: a transaction pooler's doing. */
export function isLostStatement(e: unknown): boolean {
  const code = (e as { code?: unknown })?.code;
  return code === "26000" || code === "42P05";
}

const UNGUARDED = "the per-request reads go on without enable_seqscan/enable_bitmapscan off (README, Drift)";

const statementName = (text: string) => `portal_${createHash("sha256").update(text).digest("hex").slice(0, 24)}`;

export function indexReader(connectionString: string, max = INDEX_READ_CONNECTIONS): IndexReader {
  // node-postgres lets an `options` in the URL win over the config's: keep the operator's and add ours to it.
  const url = new URL(connectionString);
  const ownOptions = url.searchParams.get("options");
  url.searchParams.delete("options");
  const open = (guarded: boolean): Pool => {
    const options = [ownOptions, guarded ? INDEX_ONLY_OPTIONS : null].filter(Boolean).join(" ");
    const pool = new pg.Pool({
      connectionString: url.toString(),
      max,
      // Idle connections do not keep a CLI or a test worker alive; a server stays up anyway.
      allowExitOnIdle: true,
      ...(options ? { options } : {}),
    });
    // A connection that breaks while idle (the server restarted) is dropped by the pool; without a listener the
    // pool's "error" event would end the process.
    pool.on("error", (e) => log("warn", "db.index_reads.idle_error", errorFields(e)));
    return pool;
  };
  let current = { pool: open(true), guarded: true };
  let named = true;
  const names = new Map<string, string>();
  const run = <R>(pool: Pool, config: Omit<QueryConfig, "name">) => {
    if (!named) return pool.query<R>(config);
    let name = names.get(config.text);
    if (!name) names.set(config.text, (name = statementName(config.text)));
    return pool.query<R>({ ...config, name });
  };
  // Once: whether the settings reached the server (a pooler told to ignore `options` drops them without a word).
  let checked: Promise<void> | null = null;
  const check = (used: typeof current) =>
    used.pool.query<{ s: string }>("SELECT current_setting('enable_seqscan') AS s").then(
      (r) => {
        if (r.rows[0]?.s !== "off" && current === used) {
          log("warn", "db.index_reads.options_dropped", {
            consequence: UNGUARDED,
          });
          used.guarded = false;
        }
      },
      () => {
        checked = null; // the read itself reports what went wrong; the next one checks again
      },
    );
  const query = async <R>(config: Omit<QueryConfig, "name">): Promise<QueryResult<R>> => {
    const used = current;
    if (used.guarded) await (checked ??= check(used));
    const usedNamed = named;
    try {
      return await run<R>(used.pool, config);
    } catch (e) {
      if (used.guarded && isOptionsRefusal(e)) {
        // The first refusal switches to a pool without the settings; reads refused meanwhile retry on it too.
        if (current === used) {
          log("warn", "db.index_reads.options_refused", {
            ...errorFields(e),
            consequence: UNGUARDED,
          });
          // The refused pool holds no connection (none got past the startup); it is left to the garbage collector,
          // not ended: ending it would strand the reads still queued on it instead of letting them fail and retry.
          current = { pool: open(false), guarded: false };
        }
        return query<R>(config);
      }
      if (usedNamed && isLostStatement(e)) {
        if (named) {
          log("warn", "db.index_reads.statement_lost", { ...errorFields(e), consequence: "the per-request reads go on as unnamed statements (README, Drift)" });
          named = false;
        }
        return query<R>(config);
      }
      throw e;
    }
  };
  return {
    get guarded() {
      return current.guarded;
    },
    get named() {
      return named;
    },
    query,
    end: () => current.pool.end(),
  };
}
