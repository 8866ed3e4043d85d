import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { readFileSync, existsSync } from "node:fs";
import { startSmtpSink, type SmtpSink } from "./support/smtp-sink";

// The portal's mail goes through SMTP as in a deployment; this file's own SMTP server receives it.
const SMTP_PORT = vi.hoisted(() => {
  const port = 21000 + Math.floor(Math.random() * 20000);
  process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
  return port;
});
let sink: SmtpSink;
beforeAll(async () => {
  sink = await startSmtpSink({ port: SMTP_PORT });
});
afterAll(async () => {
  await sink.close();
});
import { db } from "@/lib/dal/db";
import { runRetention } from "@/lib/dal/retention";
import { retentionTick, runRetentionAndNotify, RETENTION_LEASE } from "@/lib/jobs/retention";
import { startErasure, recordSignature, refuseErasure, resolveRequest, recordRestrictionLiftNotice, getRequestForStaff } from "@/lib/dal/requests";
import { executeErasure, erasedSubjectRef } from "@/lib/dal/erasure";
import { createRightsRequest, recordWebsiteEvent } from "@/lib/dal/customer";
import { recordAudit } from "@/lib/dal/audit";
import { verificationCode } from "@/lib/security/verification";
import { AUDIT_RETENTION, POLICY_NOTES, invoiceRetainUntil, parseFinancialYearEnd } from "@/lib/policy";
import { sqlitePath } from "../prisma/migrate";
import { makeCustomer, makeStaff } from "./support/fixtures";

const fy = parseFinancialYearEnd("12-31");
const count = (r: Awaited<ReturnType<typeof runRetention>>, rule: string) => r.find((x) => x.rule === rule)!.count;
let seq = 0;

async function orderWithInvoice(customerId: string | null, placedAt: Date, issuedAt: Date) {
  const n = ++seq;
  const order = await db.order.create({
    data: {
      orderNumber: `O-LAW-${n}`,
      customerId,
      placedAt,
      ipAddress: "192.0.2.99",
      shippingName: "Navn Navnesen",
      shippingStreet: "Vej 1",
      totalOre: 5000,
      lines: { create: [{ productSku: "SKU", productName: "Toner", quantity: 1, unitPriceOre: 5000, returnReason: "Forkert farve" }] },
    },
  });
  const invoice = await db.invoice.create({
    data: {
      invoiceNumber: `F-LAW-${n}`,
      orderId: order.id,
      customerId,
      issuedAt,
      description: "Faktura",
      netOre: 4000,
      vatOre: 1000,
      totalOre: 5000,
      billingName: "Navn Navnesen",
    },
  });
  return { order, invoice };
}

describe("issue 10 item 1: retention runs by itself (clause 5, art. 5(1)(e))", () => {
  it("the server registers the retention job by default", async () => {
    const { serverJobs } = await import("@/lib/jobs/workers");
    expect(serverJobs().map((j) => j.name)).toContain("retention");
  });

  it("a pass runs at start when due, not again within the day, again a day later; one instance at a time", async () => {
    await db.jobLease.deleteMany({ where: { name: RETENTION_LEASE } });
    const t0 = new Date("2026-03-01T02:00:00Z");
    // Two instances (two lease holders) at the same moment: the lease in the database lets one pass run.
    const both = await Promise.all([retentionTick({ now: t0, fy }, "instance-a"), retentionTick({ now: t0, fy }, "instance-b")]);
    expect(both.filter((r) => r.ran)).toHaveLength(1);
    const lease = await db.jobLease.findUniqueOrThrow({ where: { name: RETENTION_LEASE } });
    expect(lease.lastRunAt).not.toBeNull();
    vi.useFakeTimers({ now: lease.lastRunAt!.getTime() + 60 * 60_000, toFake: ["Date"] });
    try {
      expect((await retentionTick({ now: new Date(), fy })).ran).toBe(false); // an hour later: not due
      vi.setSystemTime(lease.lastRunAt!.getTime() + 24 * 60 * 60_000);
      expect((await retentionTick({ now: new Date(), fy })).ran).toBe(true); // a day later: due
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("issue 12 item 5: the pass erases inactive accounts in batches with set-based statements (5.1)", () => {
  it("a full batch of 500 (and more) inactive accounts with audit events is erased within the database's parameter limits", async () => {
    const n = 620;
    const last = new Date("2019-01-01T00:00:00Z");
    await db.customer.createMany({
      data: Array.from({ length: n }, (_, i) => ({
        id: `batch-${i}`,
        customerNumber: 900_000 + i,
        name: `Batch ${i}`,
        street: "Vej 1",
        postalCode: "6400",
        city: "Sønderborg",
        email: `batch${i}@example.dk`,
        passwordHash: "x",
        lastActivityAt: last,
      })),
    });
    await db.auditEvent.createMany({
      data: Array.from({ length: n }, (_, i) => ({ actorType: "customer", actorRef: `batch-${i}`, subjectRef: `batch-${i}`, action: "login" })),
    });
    const dry = await runRetention({ now: new Date("2025-06-01T00:00:00Z"), fy, dryRun: true });
    const real = await runRetention({ now: new Date("2025-06-01T00:00:00Z"), fy, dryRun: false });
    expect(count(real, "accounts.delete_inactive")).toBe(count(dry, "accounts.delete_inactive"));
    expect(await db.customer.count({ where: { id: { startsWith: "batch-" } } })).toBe(0);
    expect(await db.auditEvent.count({ where: { actorRef: { startsWith: "batch-" } } })).toBe(0);
  });
});

describe("issue 10 item 2: Danish dates (5.2, Europe/Copenhagen)", () => {
  it("an invoice issued 1 January 00:30 Danish time belongs to the new financial year", async () => {
    const c = await makeCustomer();
    const { invoice } = await orderWithInvoice(c.customerId, new Date("2020-12-31T23:30:00Z"), new Date("2020-12-31T23:30:00Z"));
    expect(invoiceRetainUntil(invoice.issuedAt, fy).toISOString()).toBe("2026-12-31T23:00:00.000Z"); // 1 January 2027, Danish
    await runRetention({ now: new Date("2026-06-01T00:00:00Z"), fy, dryRun: false });
    expect((await db.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).anonymisedAt).toBeNull();
  });
});

describe("issue 10 item 3: 5.3 keeps the order lines an invoice kept under 5.2 bills", () => {
  it("after 5 years the person leaves the order; the lines stay until the invoice's own date, then both go", async () => {
    const c = await makeCustomer();
    const { order, invoice } = await orderWithInvoice(c.customerId, new Date("2021-03-01T10:00:00Z"), new Date("2021-03-01T11:00:00Z"));
    const at53 = new Date("2026-06-01T00:00:00Z"); // 5.3 due (placed March 2021), 5.2 keeps the invoice to 31 December 2026
    const dry = await runRetention({ now: at53, fy, dryRun: true });
    const real = await runRetention({ now: at53, fy, dryRun: false });
    expect(real.map((r) => r.count)).toEqual(dry.map((r) => r.count));
    const kept = await db.order.findUniqueOrThrow({ where: { id: order.id }, include: { lines: true } });
    expect(kept).toMatchObject({ customerId: null, ipAddress: null, shippingName: null, shippingStreet: null, totalOre: 5000 });
    expect(kept.lines).toMatchObject([{ productName: "Toner", quantity: 1, unitPriceOre: 5000, returnReason: null }]);
    expect(await db.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).toMatchObject({ orderId: order.id, billingName: "Navn Navnesen" });

    const at52 = invoiceRetainUntil(invoice.issuedAt, fy);
    const dry2 = await runRetention({ now: at52, fy, dryRun: true });
    const real2 = await runRetention({ now: at52, fy, dryRun: false });
    expect(real2.map((r) => r.count)).toEqual(dry2.map((r) => r.count));
    expect(await db.order.findUnique({ where: { id: order.id } })).toBeNull();
    expect(await db.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).toMatchObject({ anonymisedAt: at52, billingName: null, orderId: null });
  });

  it("the conflict is in the policy notes", () => {
    expect(POLICY_NOTES.some((n) => n.clauses.includes("5.3") && n.clauses.includes("5.2"))).toBe(true);
  });
});

describe("issue 10 item 5: a restriction (4.6, art. 18) has effects", () => {
  it("no marketing while restricted, even with newsletter consent (2.2.3, art. 18(2))", async () => {
    const { mayUseForDirectMarketing } = await import("@/lib/dal/customer");
    const c = await makeCustomer();
    await db.consentEvent.create({ data: { customerId: c.customerId, action: "given", channel: "test", wordingVersion: "v1" } });
    expect(await mayUseForDirectMarketing(db, c.customerId)).toBe(true);
    await createRightsRequest(c, "restriction", "Mine oplysninger er forkerte");
    expect(await mayUseForDirectMarketing(db, c.customerId)).toBe(false);
  });

  it("an inactive account with an open restriction request is held (shown to the dpo), not erased; lifting needs the notice first (art. 18(3))", async () => {
    const c = await makeCustomer({ lastActivityAt: new Date("2020-01-01T00:00:00Z") });
    await createRightsRequest(c, "restriction", "Mine oplysninger er forkerte", new Date("2020-01-01T00:00:00Z"));
    const now = new Date("2026-01-10T00:00:00Z");
    const r1 = await runRetention({ now, fy, dryRun: false });
    expect(count(r1, "accounts.held_restricted")).toBeGreaterThanOrEqual(1);
    expect(await db.customer.findUnique({ where: { id: c.customerId } })).not.toBeNull();
    expect(await recordWebsiteEvent(c.customerId, { kind: "page_view", browser: "x", device: "y", ipAddress: "192.0.2.1" })).toBe(false);

    const dpo = await makeStaff("dpo");
    const req = await db.privacyRequest.findFirstOrThrow({ where: { customerId: c.customerId, type: "restriction" } });
    expect((await getRequestForStaff(dpo, req.id, now))?.heldFromRetention).toBe(true);
    expect(await resolveRequest(dpo, req.id, "rejected", "Oplysningerne er korrekte")).toMatchObject({ ok: false, error: "notice-required" });
    expect((await db.customer.findUniqueOrThrow({ where: { id: c.customerId } })).processingRestricted).toBe(true);
    expect(await recordRestrictionLiftNotice(dpo, req.id)).toBe(true);
    expect((await resolveRequest(dpo, req.id, "rejected", "Oplysningerne er korrekte")).ok).toBe(true);

    const r2 = await runRetention({ now, fy, dryRun: false });
    expect(count(r2, "accounts.delete_inactive")).toBeGreaterThanOrEqual(1);
    expect(await db.customer.findUnique({ where: { id: c.customerId } })).toBeNull();
  });
});

function dbFilesContain(marker: string): boolean {
  const file = sqlitePath(process.env.DATABASE_URL!);
  const needle = Buffer.from(marker, "utf8");
  return [file, `${file}-wal`].some((f) => existsSync(f) && readFileSync(f).includes(needle));
}

describe("issue 10 item 6: erasure leaves nothing readable (4.5, art. 17)", () => {
  const sqlite = process.env.DATABASE_URL!.startsWith("file:");
  it("the erased name, address and e-mail are not in the SQLite file or its WAL; open requests closed; audit events pseudonymised", async () => {
    const marker = "Qzxjvwkø Blåbærsen";
    const c = await makeCustomer({ name: marker, street: "Xyzzyvænget 77", email: "qzxjvw@example.dk" });
    await createRightsRequest(c, "objection", "Særlige grunde Qzxjvw");
    await recordAudit({ actorType: "customer", actorRef: c.customerId, subjectRef: c.customerId, action: "login" });
    const r = await startErasure(c);
    if (!r.ok) throw new Error();
    const dpo = await makeStaff("dpo");
    await recordSignature(dpo, r.id, verificationCode(process.env.NEXTAUTH_SECRET!, r.id));
    // The file check is SQLite's (secure_delete, WAL checkpoint); on PostgreSQL the rest of the test holds.
    if (sqlite) expect(dbFilesContain(marker)).toBe(true); // the check can see the data while it is there
    const done = await executeErasure(dpo, r.id);
    expect(done.ok).toBe(true);

    if (sqlite) for (const m of [marker, "Xyzzyvænget", "qzxjvw@example.dk", "Særlige grunde Qzxjvw"]) expect(dbFilesContain(m), m).toBe(false);

    const objection = await db.privacyRequest.findFirstOrThrow({ where: { subjectRef: erasedSubjectRef(c.customerId), type: "objection" } });
    expect(objection.status).toBe("cancelled");
    expect(objection.resolution).toMatch(/Lukket: kunden er slettet/);
    expect(await db.privacyRequest.count({ where: { subjectRef: c.customerId } })).toBe(0);
    expect(await db.auditEvent.count({ where: { OR: [{ subjectRef: c.customerId }, { actorRef: c.customerId }] } })).toBe(0);
    expect(await db.auditEvent.count({ where: { subjectRef: erasedSubjectRef(c.customerId) } })).toBeGreaterThan(0);
  });

  it("audit events have a retention period in lib/policy and go after it", async () => {
    expect(AUDIT_RETENTION.years).toBeGreaterThan(0);
    const old = new Date("2019-01-01T00:00:00Z");
    await recordAudit({ actorType: "system", actorRef: "test", action: "old.event", occurredAt: old });
    await runRetention({ now: new Date("2024-01-02T00:00:00Z"), fy, dryRun: false });
    expect(await db.auditEvent.count({ where: { action: "old.event" } })).toBe(0);
  });
});

describe("issue 10 item 8: the erasure deadline (4.2.2, art. 12(3)-(4))", () => {
  it("a request waiting for the signature for more than a month expires, and the customer is told", async () => {
    const c = await makeCustomer({ email: "udloeb@example.dk" });
    const created = new Date("2026-01-05T10:00:00Z");
    const r = await startErasure(c, created);
    if (!r.ok) throw new Error();
    const dueAt = (await db.privacyRequest.findUniqueOrThrow({ where: { id: r.id } })).dueAt;
    await runRetentionAndNotify({ now: new Date(dueAt.getTime() - 60_000), fy, dryRun: false });
    expect((await db.privacyRequest.findUniqueOrThrow({ where: { id: r.id } })).status).toBe("awaiting_signature");

    const run = await runRetentionAndNotify({ now: new Date(dueAt.getTime() + 60_000), fy, dryRun: false });
    expect(count(run.results, "requests.expire_unsigned")).toBeGreaterThanOrEqual(1);
    const after = await db.privacyRequest.findUniqueOrThrow({ where: { id: r.id } });
    expect(after).toMatchObject({ status: "cancelled" });
    expect(after.resolution).toMatch(/Udløbet/);
    expect(run.mailed).toBeGreaterThanOrEqual(1);
    const notice = await sink.waitFor((m) => m.to.includes("udloeb@example.dk"));
    expect(notice.subject).toMatch(/udløbet/);
    expect(notice.text).toContain("Datatilsynet");
  });

  it("staff (dpo only) can refuse an erasure with reasons; nothing is erased", async () => {
    const c = await makeCustomer();
    const r = await startErasure(c);
    if (!r.ok) throw new Error();
    await expect(refuseErasure(await makeStaff("support"), r.id, "Retskrav verserer")).rejects.toThrow("forbidden");
    const refused = await refuseErasure(await makeStaff("dpo"), r.id, "Oplysningerne skal bruges i en verserende retssag (pkt. 4.5.1).");
    expect(refused).toMatchObject({ ok: true, notify: { email: c.email } });
    expect(await db.privacyRequest.findUniqueOrThrow({ where: { id: r.id } })).toMatchObject({
      status: "rejected",
      resolution: expect.stringContaining("retssag"),
    });
    expect(await db.customer.findUnique({ where: { id: c.customerId } })).not.toBeNull();
    expect(await refuseErasure(await makeStaff("dpo"), r.id, "igen igen igen")).toMatchObject({ ok: false, error: "wrong-state" });
  });
});

describe("issue 10 item 7: erasure says honestly what is kept (4.5.1, 5.2)", () => {
  it("invoices keep the name and address as issued; nothing is promised 'med det samme'; dates read 'til og med'", async () => {
    const { buildErasurePlan, CATEGORIES, lastDayKept } = await import("@/lib/policy");
    const { formatDate } = await import("@/lib/format");
    const plan = buildErasurePlan(
      { orders: 1, lastOrderAt: new Date("2026-03-01T10:00:00Z"), invoices: 1, lastInvoiceAt: new Date("2026-03-01T10:00:00Z") },
      fy,
    );
    const invoices = plan.kept.find((k) => k.title.startsWith("Fakturaer"))!;
    expect(invoices.description).not.toMatch(/uden kobling til dig/);
    expect(invoices.description).toMatch(/navn og din adresse, som de stod på fakturaen/);
    for (const c of CATEGORIES) expect(c.erasure.description, c.id).not.toMatch(/med det samme/);
    expect(formatDate(lastDayKept(invoices.until!))).toBe("31. december 2031");
    // 5.3 vs 5.2: the order an invoice bills is kept as long as the invoice.
    expect(plan.kept.find((k) => k.title.startsWith("Køb"))!.until).toEqual(invoices.until);
  });

  it("issue 10 item 1: a deletion date that has passed is never shown as one to come", async () => {
    const { formatDueDate } = await import("@/lib/format");
    const now = new Date("2026-11-25T12:00:00Z");
    expect(formatDueDate(new Date("2025-11-06T00:00:00Z"), now)).not.toMatch(/2025/);
    expect(formatDueDate(new Date("2027-01-01T00:00:00Z"), now)).toBe("1. januar 2027");
  });
});
