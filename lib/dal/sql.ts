import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { dbProvider } from "./db";

// Pieces of portable raw SQL for the set-based statements of erasure and retention (issue 12), and for the export's
// hot path. A list of values travels as ONE parameter (a JSON array), so a statement is the same text whatever the
// list's length: no limit of 999 parameters (SQLite), and none of the Prisma query compiler's per-value cost, which
// made erasing a batch of 500 accounts with Prisma's `in: [...]` filters cost ~1 ms per account.
// SQLite: json_each; PostgreSQL: jsonb, with `= ANY(ARRAY(…))` so that the planner uses the column's index.
// Prisma.sql puts `?` or `$n` per database; every identifier is double-quoted (both databases accept that).

const pg = () => dbProvider === "postgresql";

/** `col IN (the values)`, one parameter. */
export function inList(column: Prisma.Sql, values: readonly string[]): Prisma.Sql {
  const json = JSON.stringify(values);
  return pg()
    ? Prisma.sql`${column} = ANY(ARRAY(SELECT jsonb_array_elements_text(${json}::jsonb)))`
    : Prisma.sql`${column} IN (SELECT value FROM json_each(${json}))`;
}

/** A quoted identifier (column or table); `name` must be a constant of the code, never input. */
export function ident(...parts: string[]): Prisma.Sql {
  return Prisma.raw(parts.map((p) => `"${p}"`).join("."));
}

/** A timestamp parameter usable anywhere (PostgreSQL cannot infer its type in a SELECT list). */
export function ts(d: Date): Prisma.Sql {
  return pg() ? Prisma.sql`${d}::timestamp(3)` : Prisma.sql`${d}`;
}

/**
 * A table of rows from one JSON parameter, with text columns `columns` (and `n`, the row's index, for ORDER BY):
 * `(SELECT … ) AS alias`.
 */
export function jsonRows(rows: readonly Record<string, string | null>[], columns: readonly string[], alias: string): Prisma.Sql {
  const json = JSON.stringify(rows.map((r, n) => ({ ...r, n })));
  if (pg()) {
    const defs = Prisma.raw([...columns.map((c) => `"${c}" text`), `"n" int`].join(", "));
    return Prisma.sql`(SELECT * FROM jsonb_to_recordset(${json}::jsonb) AS x(${defs})) AS ${Prisma.raw(`"${alias}"`)}`;
  }
  const cols = Prisma.raw([...columns, "n"].map((c) => `json_extract(value, '$.${c}') AS "${c}"`).join(", "));
  return Prisma.sql`(SELECT ${cols} FROM json_each(${json})) AS ${Prisma.raw(`"${alias}"`)}`;
}

/** A new random id for a row written by raw SQL (ids are opaque strings; the Prisma default would be a cuid). */
export function newIdExpr(): Prisma.Sql {
  return pg() ? Prisma.raw(`md5(random()::text || clock_timestamp()::text)`) : Prisma.raw(`lower(hex(randomblob(16)))`);
}
