import { describe, expect, it } from "vitest";
import { db } from "@/lib/dal/db";
import { getOverviewSummary } from "@/lib/dal/overview";
import { makeCustomer } from "./support/fixtures";

// /konto's first screen in one SQL statement (issue 13.3), on SQLite and PostgreSQL (TEST_DB=postgresql): the
// e-mail address's confirmation (issue 8, 11.8) comes with it, so the page needs no second lookup.
describe("overview summary", () => {
  it("reports the figures and whether the e-mail address is confirmed", async () => {
    const c = await makeCustomer();
    const before = await getOverviewSummary(c);
    expect(before?.profile).toMatchObject({ customerNumber: c.customerNumber, email: c.email, emailConfirmed: false });
    expect(before?.orders).toMatchObject({ count: 0, more: false, first: null, last: null });
    expect(before?.activeSessions).toBe(1);
    await db.customer.update({ where: { id: c.customerId }, data: { emailVerifiedAt: new Date() } });
    expect((await getOverviewSummary(c))?.profile.emailConfirmed).toBe(true);
    expect(await getOverviewSummary({ ...c, customerId: "findes-ikke" })).toBeNull();
  });
});
