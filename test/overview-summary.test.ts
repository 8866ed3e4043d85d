import { describe, expect, it } from "vitest";
import { db, dbProvider, queryRows } from "@/lib/dal/db";
import { bool, num, toDate } from "@/lib/dal/raw";
import { Prisma } from "@/lib/generated/prisma/client";
import { sqliteStatements } from "@/prisma/client";
import { COUNT_CAP, getOverviewSummary, overviewSummarySql } from "@/lib/dal/overview";
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

// The per-request statements (session lookup, summary) skip Prisma's raw-query pipeline (issue 13.3, lib/dal/db.ts
// queryRows): Prisma's kept statements on SQLite, named prepared statements on a pool of their own on PostgreSQL.
// The same values as $queryRaw once read with lib/dal/raw.ts, bound dates compared alike.
describe("queryRows", () => {
  it("reads what $queryRaw reads, on Prisma's own connection", async () => {
    const c = await makeCustomer();
    const q = Prisma.sql`
      SELECT c."createdAt" AS "createdAt", c."customerNumber" AS "n", c."processingRestricted" AS "r", c."emailVerifiedAt" AS "v",
        (c."customerNumber" > 0) AS "t",
        (SELECT COUNT(*) FROM "AuthSession" s WHERE s."customerId" = ${c.customerId} AND s."expiresAt" > ${new Date()}) AS "active",
        (SELECT COUNT(*) FROM "AuthSession" s WHERE s."customerId" = ${c.customerId} AND s."expiresAt" > ${new Date(Date.now() + 86_400_000)}) AS "later"
      FROM "Customer" c WHERE c."id" = ${c.customerId}`;
    type Row = { createdAt: unknown; n: unknown; r: unknown; v: unknown; t: unknown; active: unknown; later: unknown };
    const [b] = await db.$queryRaw<Row[]>(q);
    await queryRows<Row>(q); // PostgreSQL: the first use prepares the statement on a connection, later ones reuse it
    const [a] = await queryRows<Row>(q);
    expect(toDate(a.createdAt)?.getTime()).toBe(toDate(b.createdAt)?.getTime());
    expect(num(a.n)).toBe(c.customerNumber);
    expect(num(b.n)).toBe(c.customerNumber);
    expect(bool(a.r)).toBe(bool(b.r));
    expect(bool(a.t)).toBe(true);
    expect(bool(b.t)).toBe(true);
    expect(a.v).toBeNull();
    expect(b.v).toBeNull();
    expect([num(a.active), num(a.later)]).toEqual([1, 0]);
    expect([num(b.active), num(b.later)]).toEqual([1, 0]);
    if (dbProvider === "sqlite") expect(sqliteStatements(db)).toBeDefined();
    // Stored timestamps are UTC on both: the same instant as Prisma reads it, whatever the process's time zone.
    const stored = await db.customer.findUniqueOrThrow({ where: { id: c.customerId }, select: { createdAt: true } });
    expect(toDate(a.createdAt)?.getTime()).toBe(stored.createdAt.getTime());
    expect(await queryRows(Prisma.sql`SELECT 1 AS "x" FROM "Customer" c WHERE c."id" = ${"findes-ikke"}`)).toEqual([]);
  });
});

// PostgreSQL only: the capped counts stop at COUNT_CAP + 1 index entries only in a plain index scan. Without
// planner statistics (a bulk import or a restore before autovacuum has analysed the tables), and in a prepared
// statement's generic plan, the planner may choose a bitmap scan (every entry of the customer) or a sequential
// scan (the table until enough rows turned up). queryRows' connections price both out (lib/dal/db.ts).
describe.runIf(dbProvider === "postgresql")("overview summary on PostgreSQL (index scans only)", () => {
  it("plans every subquery of the summary as an index scan and caps the count, statistics or not", async () => {
    const big = await makeCustomer();
    const other = await makeCustomer();
    const events = (customerId: string, n: number) =>
      Array.from({ length: n }, (_, i) => ({
        customerId,
        occurredAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000),
        kind: "page_view" as const,
        path: "/",
        browser: "Firefox",
        device: "desktop",
        ipAddress: "192.0.2.1",
      }));
    // The other customer's rows first: the big customer's sit at the end of the table, as a late big customer's do.
    await db.websiteEvent.createMany({ data: events(other.customerId, 3000) });
    await db.websiteEvent.createMany({ data: events(big.customerId, COUNT_CAP + 500) });

    const plan = async () =>
      (await queryRows<{ "QUERY PLAN": string }>(Prisma.sql`EXPLAIN ${overviewSummarySql(big.customerId, new Date())}`)).map((r) => r["QUERY PLAN"]).join("\n");
    // No statistics yet (this database was just filled), then statistics without a vacuum: the two states measured
    // in bench/RESULTS.md, where the default plans were a bitmap and a sequential scan.
    for (const state of ["no statistics", "analysed"]) {
      if (state === "analysed") await db.$executeRawUnsafe('ANALYZE "WebsiteEvent", "Order", "Invoice"');
      const p = await plan();
      expect(p, state).toMatch(/Index (Only )?Scan using "WebsiteEvent_customerId/);
      expect(p, state).not.toMatch(/Seq Scan|Bitmap/);
    }

    const s = await getOverviewSummary(big);
    expect(s?.websiteEvents).toMatchObject({ count: COUNT_CAP, more: true, first: new Date(Date.UTC(2026, 0, 1)) });
    expect((await getOverviewSummary(other))?.websiteEvents).toMatchObject({ count: COUNT_CAP, more: true });
  });

  it("reuses its one pool: many concurrent reads add no listeners (no MaxListenersExceededWarning)", async () => {
    const c = await makeCustomer();
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(`${w.name}: ${w.message}`);
    process.on("warning", onWarning);
    try {
      const all = await Promise.all(Array.from({ length: 30 }, () => getOverviewSummary(c)));
      expect(all.every((s) => s?.profile.customerNumber === c.customerNumber)).toBe(true);
      await new Promise((r) => setImmediate(r)); // warnings are emitted on the next tick
    } finally {
      process.off("warning", onWarning);
    }
    expect(warnings).toEqual([]);
  });
});
