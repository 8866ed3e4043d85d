import { describe, expect, it } from "vitest";
import { accountDeletionDate, addYears, financialYearEndExclusive, invoiceRetainUntil, orderRetainUntil, parseFinancialYearEnd, requestDueDate } from "@/lib/policy";

const d = (s: string) => new Date(s);

describe("retention arithmetic (clause 5)", () => {
  it("5.2: an invoice is kept 5 years from the end of a calendar financial year", () => {
    const fy = parseFinancialYearEnd("12-31");
    expect(invoiceRetainUntil(d("2020-03-15T10:00:00Z"), fy).toISOString()).toBe("2026-01-01T00:00:00.000Z");
    expect(invoiceRetainUntil(d("2020-12-31T23:59:59Z"), fy).toISOString()).toBe("2026-01-01T00:00:00.000Z");
    expect(invoiceRetainUntil(d("2021-01-01T00:00:00Z"), fy).toISOString()).toBe("2027-01-01T00:00:00.000Z");
  });

  it("5.2: a financial year that is not the calendar year (1 July – 30 June)", () => {
    const fy = parseFinancialYearEnd("06-30");
    expect(financialYearEndExclusive(d("2021-03-10T00:00:00Z"), fy).toISOString()).toBe("2021-07-01T00:00:00.000Z");
    expect(invoiceRetainUntil(d("2021-03-10T00:00:00Z"), fy).toISOString()).toBe("2026-07-01T00:00:00.000Z");
    expect(invoiceRetainUntil(d("2021-07-01T00:00:00Z"), fy).toISOString()).toBe("2027-07-01T00:00:00.000Z");
  });

  it("leap years: 29 February plus five years is 1 March, never before the full period", () => {
    expect(addYears(d("2024-02-29T12:00:00Z"), 5).toISOString()).toBe("2029-03-01T12:00:00.000Z");
    expect(orderRetainUntil(d("2020-02-29T00:00:00Z")).toISOString()).toBe("2025-03-01T00:00:00.000Z");
    expect(addYears(d("2023-02-28T00:00:00Z"), 5).toISOString()).toBe("2028-02-28T00:00:00.000Z");
  });

  it("a financial year ending 28 February in a leap year still ends on 28 February", () => {
    const fy = parseFinancialYearEnd("02-28");
    expect(financialYearEndExclusive(d("2024-02-28T10:00:00Z"), fy).toISOString()).toBe("2024-02-29T00:00:00.000Z");
    expect(financialYearEndExclusive(d("2024-02-29T10:00:00Z"), fy).toISOString()).toBe("2025-03-01T00:00:00.000Z");
  });

  it("5.1: an account goes five years after its last activity", () => {
    expect(accountDeletionDate(d("2021-06-01T08:00:00Z")).toISOString()).toBe("2026-06-01T08:00:00.000Z");
  });

  it("GDPR art. 12(3): a request is due one month later, at the end of a shorter month", () => {
    expect(requestDueDate(d("2026-01-31T10:00:00Z")).toISOString()).toBe("2026-02-28T10:00:00.000Z");
    expect(requestDueDate(d("2028-01-31T10:00:00Z")).toISOString()).toBe("2028-02-29T10:00:00.000Z");
    expect(requestDueDate(d("2026-11-25T10:00:00Z")).toISOString()).toBe("2026-12-25T10:00:00.000Z");
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
        return (issuedAt < invoiceAnonymisationCutoff(now, fy)) === (invoiceRetainUntil(issuedAt, fy) <= now);
      }),
      { numRuns: 5000 },
    );
  });
});
