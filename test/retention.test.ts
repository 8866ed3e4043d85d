import { describe, expect, it, beforeAll } from "vitest";
import { db } from "@/lib/dal/db";
import { runRetention } from "@/lib/dal/retention";
import { parseFinancialYearEnd, invoiceRetainUntil } from "@/lib/policy";
import { seed } from "../prisma/seed";

// Clause 5 and 5a.3 on the demo data, with the clock moved from outside.
const SEEDED_AT = new Date("2026-11-25T12:00:00Z");
const fy = parseFinancialYearEnd("12-31");
const counts = (r: Awaited<ReturnType<typeof runRetention>>) => Object.fromEntries(r.map((x) => [x.rule, x.count]));

beforeAll(async () => {
  await seed(db, SEEDED_AT);
});

describe("retention", () => {
  it("the dry run changes nothing and the real run does exactly what it said; a second run does nothing", async () => {
    const now = SEEDED_AT;
    const before = { orders: await db.order.count(), customers: await db.customer.count() };
    const dry = await runRetention({ now, fy, dryRun: true, batchSize: 2 });
    expect(await db.order.count()).toBe(before.orders);
    expect(await db.customer.count()).toBe(before.customers);

    const real = await runRetention({ now, fy, dryRun: false, batchSize: 2 });
    expect(counts(real)).toEqual(counts(dry));
    // Åse Bøgh, inactive > 5 years (5.1), has an open restriction request (4.6): held, not erased (issue 10 item 5).
    expect(counts(real)["accounts.delete_inactive"]).toBe(0);
    expect(counts(real)["accounts.held_restricted"]).toBe(1);
    expect(counts(real)["orders.delete"]).toBeGreaterThan(0); // 5.3
    expect(counts(real)["notifications.delete_sent"]).toBe(1); // 5a.3

    const again = await runRetention({ now, fy, dryRun: false, batchSize: 2 });
    const { ["accounts.held_restricted"]: stillHeld, ...rest } = counts(again);
    expect(stillHeld).toBe(1); // reported on every pass while the restriction is open
    expect(Object.values(rest).every((n) => n === 0)).toBe(true);

    expect(await db.customer.findUnique({ where: { email: "inaktiv@example.dk" } })).not.toBeNull();
    expect(await db.customer.findUnique({ where: { email: "kunde@example.dk" } })).not.toBeNull();
    // 5.3: orders over 5 years are gone, except those billed by an invoice still kept under 5.2 (issue 10 item 3):
    // these keep their lines but lose the person.
    const old = await db.order.findMany({ where: { placedAt: { lte: new Date("2021-11-25T12:00:00Z") } }, include: { invoices: true, lines: true } });
    expect(old.length).toBeGreaterThan(0);
    for (const o of old) {
      expect(o).toMatchObject({ customerId: null, ipAddress: null, shippingName: null, shippingStreet: null });
      expect(o.lines.length).toBeGreaterThan(0);
      expect(o.invoices.some((i) => i.anonymisedAt === null && invoiceRetainUntil(i.issuedAt, fy) > now)).toBe(true);
    }
    expect(await db.auditEvent.count({ where: { action: "retention.run" } })).toBe(2);
  });

  it("5.2: invoices are anonymised once their financial year plus five years has passed, not before", async () => {
    const inv = await db.invoice.findFirstOrThrow({ where: { anonymisedAt: null }, orderBy: { issuedAt: "asc" } });
    const retainUntil = invoiceRetainUntil(inv.issuedAt, fy);
    const justBefore = new Date(retainUntil.getTime() - 1);
    await runRetention({ now: justBefore, fy, dryRun: false });
    expect((await db.invoice.findUniqueOrThrow({ where: { id: inv.id } })).anonymisedAt).toBeNull();

    await runRetention({ now: retainUntil, fy, dryRun: false });
    const after = await db.invoice.findUniqueOrThrow({ where: { id: inv.id } });
    expect(after).toMatchObject({ billingName: null, billingStreet: null, customerId: null, totalOre: inv.totalOre, invoiceNumber: inv.invoiceNumber });
    expect(after.anonymisedAt?.toISOString()).toBe(retainUntil.toISOString());
  });

  it("5.1: activity (a login) moves the date; an account goes exactly five years after its last activity", async () => {
    const c = await db.customer.findUniqueOrThrow({ where: { email: "ny@example.dk" } });
    const fiveYears = new Date(c.lastActivityAt);
    fiveYears.setUTCFullYear(fiveYears.getUTCFullYear() + 5);
    const dry = await runRetention({ now: new Date(fiveYears.getTime() - 1000), fy, dryRun: true });
    const dueBefore = dry.find((r) => r.rule === "accounts.delete_inactive")!;
    expect(dueBefore.sample).not.toContain(`kunde ${c.customerNumber}`);
    const dryAt = await runRetention({ now: fiveYears, fy, dryRun: true, batchSize: 100 });
    expect(dryAt.find((r) => r.rule === "accounts.delete_inactive")!.sample).toContain(`kunde ${c.customerNumber}`);
  });

  it("a financial year that is not the calendar year is honoured (1 July – 30 June)", async () => {
    const juneEnd = parseFinancialYearEnd("06-30");
    const issued = new Date("2021-03-10T09:00:00Z");
    const inv = await db.invoice.create({
      data: { invoiceNumber: "F-FY-1", issuedAt: issued, description: "x", netOre: 80, vatOre: 20, totalOre: 100, billingName: "Å" },
    });
    // 1 July 00:00 Danish summer time (issue 10 item 2).
    expect(invoiceRetainUntil(issued, juneEnd).toISOString()).toBe("2026-06-30T22:00:00.000Z");
    await runRetention({ now: new Date("2026-06-30T21:59:59Z"), fy: juneEnd, dryRun: false });
    expect((await db.invoice.findUniqueOrThrow({ where: { id: inv.id } })).billingName).toBe("Å");
    await runRetention({ now: new Date("2026-06-30T22:00:00Z"), fy: juneEnd, dryRun: false });
    expect((await db.invoice.findUniqueOrThrow({ where: { id: inv.id } })).billingName).toBeNull();
  });
});
