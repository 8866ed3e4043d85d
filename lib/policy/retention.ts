// Date arithmetic for clause 5 and 5a. Pure functions: the clock is always passed in.
// All dates are UTC instants; a "date" boundary is the first instant at which the data must be gone.
import { category } from "./categories";

/** `years` calendar years after `from`. 29 February moves to 1 March in a non-leap year (never earlier than the full period). */
export function addYears(from: Date, years: number): Date {
  // setUTCFullYear lets 29 February overflow to 1 March in a non-leap year: the later date, so the full period passes.
  const d = new Date(from.getTime());
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d;
}

export interface FinancialYearEnd {
  month: number; // 1–12
  day: number; // 1–31
}

export function parseFinancialYearEnd(mmdd: string): FinancialYearEnd {
  const [month, day] = mmdd.split("-").map(Number);
  return { month, day };
}

/** The last instant of the financial year that `date` falls in, as the start of the next day (exclusive end). */
export function financialYearEndExclusive(date: Date, fy: FinancialYearEnd): Date {
  const y = date.getUTCFullYear();
  const thisYearsEnd = Date.UTC(y, fy.month - 1, fy.day + 1);
  return new Date(date.getTime() < thisYearsEnd ? thisYearsEnd : Date.UTC(y + 1, fy.month - 1, fy.day + 1));
}

/** 5.2: an invoice is anonymised from this instant: 5 years after the end of its financial year. */
export function invoiceRetainUntil(issuedAt: Date, fy: FinancialYearEnd): Date {
  const end = financialYearEndExclusive(issuedAt, fy);
  const rule = category("fakturaer").retention;
  return addYears(end, rule.kind === "financial-year" ? rule.years : 5);
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
  const d = new Date(createdAt.getTime());
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + 1);
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, lastDay));
  return d;
}

/**
 * 5.2 for the retention job: invoices issued before this instant are due for anonymisation at `now`.
 * It is the latest financial-year boundary E with E + 5 years <= now, so that for every invoice
 * `issuedAt < cutoff` exactly when `invoiceRetainUntil(issuedAt) <= now`.
 */
export function invoiceAnonymisationCutoff(now: Date, fy: FinancialYearEnd): Date {
  const rule = category("fakturaer").retention;
  const years = rule.kind === "financial-year" ? rule.years : 5;
  for (let y = now.getUTCFullYear() - years; y > now.getUTCFullYear() - years - 3; y--) {
    const boundary = new Date(Date.UTC(y, fy.month - 1, fy.day + 1));
    if (addYears(boundary, years) <= now) return boundary;
  }
  throw new Error("unreachable: a boundary three years back always qualifies");
}
