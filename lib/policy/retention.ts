// Date arithmetic for clause 5 and 5a. Pure functions: the clock is always passed in.
// Dates are instants; a "date" boundary is the first instant at which the data must be gone. Periods and the
// financial year are counted on the Danish calendar (Europe/Copenhagen, issue 10 item 2): a financial year
// ends at Danish midnight, and "5 years" is five years on the Danish wall clock.
import { category } from "./categories";
import { addDanishMonth, addDanishYears, danishMidnight, danishWallClock } from "./danish-time";

/** `years` calendar years after `from` on the Danish calendar. 29 February moves to 1 March in a non-leap year (never earlier than the full period). */
export function addYears(from: Date, years: number): Date {
  return addDanishYears(from, years);
}

/** The last day something is kept, for "til og med …": the Danish day before an exclusive end boundary. */
export function lastDayKept(exclusiveEnd: Date): Date {
  return new Date(exclusiveEnd.getTime() - 1);
}

export interface FinancialYearEnd {
  month: number; // 1–12
  day: number; // 1–31
}

export function parseFinancialYearEnd(mmdd: string): FinancialYearEnd {
  const [month, day] = mmdd.split("-").map(Number);
  return { month, day };
}

/** Danish midnight after the last day of the financial year that ends in calendar year `y` (exclusive end). */
function fyBoundary(y: number, fy: FinancialYearEnd): Date {
  return danishMidnight(y, fy.month, fy.day + 1);
}

/** The end of the financial year that `date` falls in (on the Danish calendar), as the start of the next day (exclusive end). */
export function financialYearEndExclusive(date: Date, fy: FinancialYearEnd): Date {
  const y = danishWallClock(date).year;
  const thisYearsEnd = fyBoundary(y, fy);
  return date.getTime() < thisYearsEnd.getTime() ? thisYearsEnd : fyBoundary(y + 1, fy);
}

/** 5.2: an invoice is anonymised from this instant: 5 years after the end of its financial year. */
export function invoiceRetainUntil(issuedAt: Date, fy: FinancialYearEnd): Date {
  const end = financialYearEndExclusive(issuedAt, fy);
  const rule = category("fakturaer").retention;
  return addYears(end, rule.kind === "financial-year" ? rule.years : 5);
}

/**
 * invoiceRetainUntil for many invoices (the export, 4.7): the same result, without the Danish-calendar arithmetic per
 * invoice (Intl, ~20 µs). The exclusive end of an invoice's financial year is the first year-end boundary after it;
 * boundaries grow with the year, and the one after an instant of UTC year Y is that of Y-1, Y or Y+1. Boundaries and
 * results are remembered per year (a handful per export).
 */
export function invoiceRetainUntilMany(fy: FinancialYearEnd): (issuedAt: Date) => Date {
  const rule = category("fakturaer").retention;
  const years = rule.kind === "financial-year" ? rule.years : 5;
  const boundaries = new Map<number, number>();
  const boundary = (y: number) => {
    let b = boundaries.get(y);
    if (b === undefined) boundaries.set(y, (b = fyBoundary(y, fy).getTime()));
    return b;
  };
  const results = new Map<number, Date>();
  return (issuedAt) => {
    const t = issuedAt.getTime();
    const y = issuedAt.getUTCFullYear();
    const end = [boundary(y - 1), boundary(y), boundary(y + 1)].find((b) => t < b)!;
    let r = results.get(end);
    if (!r) results.set(end, (r = addYears(new Date(end), years)));
    return r;
  };
}

/** 5.3: purchase data are deleted from this instant. */
export function orderRetainUntil(placedAt: Date): Date {
  const rule = category("koeb").retention;
  return addYears(placedAt, rule.kind === "after-event" ? rule.years : 5);
}

/** 5.1: an account inactive since `lastActivityAt` is deleted from this instant. */
export function accountDeletionDate(lastActivityAt: Date): Date {
  const rule = category("konto").retention;
  return addYears(lastActivityAt, rule.kind === "inactivity" ? rule.years : 5);
}

export function addDays(from: Date, days: number): Date {
  return new Date(from.getTime() + days * 86_400_000);
}

/** GDPR art. 12(3): a request is answered within one month. */
export function requestDueDate(createdAt: Date): Date {
  return addDanishMonth(createdAt);
}

/**
 * 5.2 for the retention job: invoices issued before this instant are due for anonymisation at `now`.
 * It is the latest financial-year boundary E with E + 5 years <= now, so that for every invoice
 * `issuedAt < cutoff` exactly when `invoiceRetainUntil(issuedAt) <= now`.
 */
export function invoiceAnonymisationCutoff(now: Date, fy: FinancialYearEnd): Date {
  const rule = category("fakturaer").retention;
  const years = rule.kind === "financial-year" ? rule.years : 5;
  const nowYear = danishWallClock(now).year;
  for (let y = nowYear - years; y > nowYear - years - 3; y--) {
    const boundary = fyBoundary(y, fy);
    if (addYears(boundary, years) <= now) return boundary;
  }
  throw new Error("unreachable: a boundary three years back always qualifies");
}

/**
 * The audit trail (who did what, when; never personal values, and an erased person only under a pseudonym):
 * the policy names no period (see the policy notes), so the portal keeps it for the time a claim about the
 * handling can be raised and then deletes it (art. 5(1)(e), art. 5(2) accountability).
 */
export const AUDIT_RETENTION = {
  years: 5,
  clause: "art. 5(1)(e)",
  description: "Revisionsspor slettes 5 år efter hændelsen (dokumentation efter art. 5(2); politikken nævner ingen periode).",
} as const;

/** Closed privacy requests (4.5, 4.6, 4.8): the documentation that a right was handled, kept as long as the audit trail. */
export const REQUEST_RECORD_RETENTION = {
  years: 5,
  clause: "art. 5(1)(e)",
  description: "Afsluttede anmodninger slettes 5 år efter, de blev afsluttet (dokumentation efter art. 5(2)).",
} as const;
