import { describe, expect, it } from "vitest";
import {
  accountDeletionDate,
  addYears,
  financialYearEndExclusive,
  invoiceRetainUntil,
  invoiceRetainUntilMany,
  orderRetainUntil,
  parseFinancialYearEnd,
  requestDueDate,
} from "@/lib/policy";

const d = (s: string) => new Date(s);

describe("retention arithmetic (clause 5)", () => {
  // Issue 10 item 2: the financial year ends at Danish midnight (Europe/Copenhagen), not UTC midnight.
  it("5.2: an invoice is kept 5 years from the end of a calendar financial year, on the Danish calendar", () => {
    const fy = parseFinancialYearEnd("12-31");
    // 1 January 2026 00:00 Danish time (CET, UTC+1) is 31 December 2025 23:00 UTC.
    expect(invoiceRetainUntil(d("2020-03-15T10:00:00Z"), fy).toISOString()).toBe("2025-12-31T23:00:00.000Z");
    expect(invoiceRetainUntil(d("2020-12-31T22:59:59Z"), fy).toISOString()).toBe("2025-12-31T23:00:00.000Z");
    // 31 December 2020 23:59:59 UTC is 1 January 2021 00:59:59 in Denmark: the new financial year (was counted in 2020 in UTC).
    expect(invoiceRetainUntil(d("2020-12-31T23:59:59Z"), fy).toISOString()).toBe("2026-12-31T23:00:00.000Z");
    expect(invoiceRetainUntil(d("2020-12-31T23:30:00Z"), fy).toISOString()).toBe("2026-12-31T23:00:00.000Z");
  });

  it("5.2: a financial year that is not the calendar year (1 July – 30 June), summer time", () => {
    const fy = parseFinancialYearEnd("06-30");
    // 1 July 00:00 Danish summer time (CEST, UTC+2) is 30 June 22:00 UTC.
    expect(financialYearEndExclusive(d("2021-03-10T00:00:00Z"), fy).toISOString()).toBe("2021-06-30T22:00:00.000Z");
    expect(invoiceRetainUntil(d("2021-03-10T00:00:00Z"), fy).toISOString()).toBe("2026-06-30T22:00:00.000Z");
    expect(invoiceRetainUntil(d("2021-06-30T22:30:00Z"), fy).toISOString()).toBe("2027-06-30T22:00:00.000Z");
  });

  it("a boundary near the change to summer time stays at Danish midnight in every year", () => {
    // Financial year ending 28 March: 29 March 2021 is summer time, 29 March 2026 (before 02:00) is winter time.
    const fy = parseFinancialYearEnd("03-28");
    expect(financialYearEndExclusive(d("2021-01-10T12:00:00Z"), fy).toISOString()).toBe("2021-03-28T22:00:00.000Z");
    expect(invoiceRetainUntil(d("2021-01-10T12:00:00Z"), fy).toISOString()).toBe("2026-03-28T23:00:00.000Z");
  });

  it("leap years: 29 February plus five years is 1 March, never before the full period", () => {
    expect(addYears(d("2024-02-29T12:00:00Z"), 5).toISOString()).toBe("2029-03-01T12:00:00.000Z");
    expect(orderRetainUntil(d("2020-02-29T00:00:00Z")).toISOString()).toBe("2025-03-01T00:00:00.000Z");
    expect(addYears(d("2023-02-28T00:00:00Z"), 5).toISOString()).toBe("2028-02-28T00:00:00.000Z");
  });

  it("a financial year ending 28 February in a leap year still ends on 28 February", () => {
    const fy = parseFinancialYearEnd("02-28");
    expect(financialYearEndExclusive(d("2024-02-28T10:00:00Z"), fy).toISOString()).toBe("2024-02-28T23:00:00.000Z");
    expect(financialYearEndExclusive(d("2024-02-29T10:00:00Z"), fy).toISOString()).toBe("2025-02-28T23:00:00.000Z");
  });

  it("5.1: an account goes five years after its last activity", () => {
    expect(accountDeletionDate(d("2021-06-01T08:00:00Z")).toISOString()).toBe("2026-06-01T08:00:00.000Z");
  });

  it("GDPR art. 12(3): a request is due one month later, at the end of a shorter month", () => {
    expect(requestDueDate(d("2026-01-31T10:00:00Z")).toISOString()).toBe("2026-02-28T10:00:00.000Z");
    expect(requestDueDate(d("2028-01-31T10:00:00Z")).toISOString()).toBe("2028-02-29T10:00:00.000Z");
    expect(requestDueDate(d("2026-11-25T10:00:00Z")).toISOString()).toBe("2026-12-25T10:00:00.000Z");
    // 31 January 23:30 UTC is already 1 February in Denmark: due 1 March (Danish), not 28 February.
    expect(requestDueDate(d("2026-01-31T23:30:00Z")).toISOString()).toBe("2026-02-28T23:30:00.000Z");
  });
});

describe("5.2 cutoff used by the retention job", () => {
  it("agrees with invoiceRetainUntil for every issue date and clock, for several financial years", async () => {
    const fc = await import("fast-check");
    const { invoiceAnonymisationCutoff } = await import("@/lib/policy");
    const date = fc.date({ min: new Date("2010-01-01T00:00:00Z"), max: new Date("2040-12-31T00:00:00Z"), noInvalidDate: true });
    fc.assert(
      fc.property(date, date, fc.constantFrom("12-31", "06-30", "02-28", "09-30", "03-31"), (issuedAt, now, fyEnd) => {
        const fy = parseFinancialYearEnd(fyEnd);
        return issuedAt < invoiceAnonymisationCutoff(now, fy) === invoiceRetainUntil(issuedAt, fy) <= now;
      }),
      { numRuns: 5000 },
    );
  });

  // The export (4.7) computes 5.2's date for thousands of invoices with invoiceRetainUntilMany: it must give exactly
  // invoiceRetainUntil's date, at and around every year-end boundary (Danish midnight, winter and summer time).
  it("5.2: invoiceRetainUntilMany gives invoiceRetainUntil's date for every instant, around the year-end boundaries too", () => {
    for (const fyText of ["12-31", "06-30", "03-31", "02-28", "09-30"]) {
      const fy = parseFinancialYearEnd(fyText);
      const many = invoiceRetainUntilMany(fy);
      const instants: Date[] = [];
      for (let y = 2015; y <= 2031; y++) {
        const end = financialYearEndExclusive(new Date(Date.UTC(y, 5, 1)), fy).getTime();
        for (const delta of [-3_600_001, -3_600_000, -1, 0, 1, 3_599_999, 3_600_000, 86_400_000]) instants.push(new Date(end + delta));
        for (const m of [0, 11]) for (const h of [0, 21, 22, 23]) instants.push(new Date(Date.UTC(y, m, m === 0 ? 1 : 31, h, 30)));
      }
      for (let i = 0; i < 2000; i++) instants.push(new Date(Date.UTC(2014, 0, 1) + Math.floor(Math.random() * 18 * 365.25 * 86_400_000)));
      for (const t of instants) expect(many(t).toISOString(), `${fyText} ${t.toISOString()}`).toBe(invoiceRetainUntil(t, fy).toISOString());
    }
  });
});
