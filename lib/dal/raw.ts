import "server-only";

// Reading values of $queryRaw rows the same on both databases (issue 12): SQLite returns DateTime columns and
// aggregates as ISO text (or epoch numbers) and booleans as 0/1, PostgreSQL as Date and boolean.

export function toDate(v: unknown): Date | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v;
  const d = new Date(typeof v === "number" || typeof v === "string" ? v : Number.NaN);
  return Number.isNaN(d.getTime()) ? null : d;
}

export const num = (v: unknown): number => Number(v ?? 0);

export const bool = (v: unknown): boolean => v === true || v === 1 || v === 1n || v === "1" || v === "true";
