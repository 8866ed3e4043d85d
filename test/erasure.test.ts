import { describe, expect, it } from "vitest";
import { db, dbProvider } from "@/lib/dal/db";
import { startErasure, cancelErasure, recordSignature, getErasureDocument, getRequestForStaff } from "@/lib/dal/requests";
import { executeErasure, erasedSubjectRef } from "@/lib/dal/erasure";
import { principalForSession } from "@/lib/dal/auth";
import { verificationCode } from "@/lib/security/verification";
import { buildErasurePlan, parseFinancialYearEnd } from "@/lib/policy";
import { env } from "@/lib/env";
import { makeCustomer, makeStaff } from "./support/fixtures";

async function customerWithData() {
  const c = await makeCustomer({ name: "Søren Ærbæk Ødum", street: "Ågade 3" });
  const order = await db.order.create({
    data: {
      orderNumber: `O-T-${c.customerNumber}`,
      customerId: c.customerId,
      placedAt: new Date("2025-03-01T10:00:00Z"),
      ipAddress: "192.0.2.7",
      shippingName: "Søren Ærbæk Ødum",
      shippingStreet: "Ågade 3",
      shippingPostalCode: "6400",
      shippingCity: "Sønderborg",
      shippingCountry: "DK",
      totalOre: 10000,
      lines: { create: [{ productSku: "X", productName: "Vare", quantity: 1, unitPriceOre: 10000, returnedQuantity: 1, returnReason: "Søren fortrød" }] },
    },
  });
  await db.invoice.create({
    data: {
      invoiceNumber: `F-T-${c.customerNumber}`,
      orderId: order.id,
      customerId: c.customerId,
      issuedAt: new Date("2025-03-01T11:00:00Z"),
      description: "Faktura",
      netOre: 8000,
      vatOre: 2000,
      totalOre: 10000,
      billingName: "Søren Ærbæk Ødum",
      billingStreet: "Ågade 3",
      billingPostalCode: "6400",
      billingCity: "Sønderborg",
      billingCountry: "DK",
    },
  });
  await db.websiteEvent.create({
    data: { customerId: c.customerId, occurredAt: new Date(), kind: "search", searchTerm: "toner", browser: "Firefox", device: "PC", ipAddress: "192.0.2.7" },
  });
  await db.consentEvent.create({ data: { customerId: c.customerId, action: "given", channel: "test", wordingVersion: "v1" } });
  await db.marketingProfile.create({ data: { customerId: c.customerId, interests: "Toner", preferredCategories: "Toner", lastComputedAt: new Date() } });
  await db.notificationSubscription.create({ data: { email: c.email, productSku: "P1", productName: "Produkt" } });
  return { c, orderId: order.id };
}

describe("erasure requests (4.5, 4.2.2)", () => {
  it("one open request at a time; the customer may cancel while it awaits the signature", async () => {
    const { c } = await customerWithData();
    const first = await startErasure(c);
    expect(first.ok).toBe(true);
    const second = await startErasure(c);
    expect(second).toMatchObject({ ok: false, error: "already-open" });
    if (!first.ok) throw new Error();
    expect(await cancelErasure(c, first.id)).toBe(true);
    expect(await cancelErasure(c, first.id)).toBe(false);
    expect((await startErasure(c)).ok).toBe(true);
  });

  it("the PDF data and cancellation are the owner's only: another customer's id answers like an unknown id", async () => {
    const { c } = await customerWithData();
    const other = await makeCustomer();
    const r = await startErasure(c);
    if (!r.ok) throw new Error();
    expect(await getErasureDocument(other, r.id)).toBeNull();
    expect(await getErasureDocument(other, "findes-ikke")).toBeNull();
    expect(await cancelErasure(other, r.id)).toBe(false);
    const doc = await getErasureDocument(c, r.id);
    expect(doc?.customer.name).toBe("Søren Ærbæk Ødum");
    expect(doc?.verificationCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(doc?.plan.kept.map((k) => k.title).join(" ")).toMatch(/Fakturaer/);
    // The plan's counts and dates (one SQL statement, issue 12) are what Prisma's own count and max give.
    const [orders, invoices, lastOrder, lastInvoice] = await Promise.all([
      db.order.count({ where: { customerId: c.customerId } }),
      db.invoice.count({ where: { customerId: c.customerId } }),
      db.order.aggregate({ where: { customerId: c.customerId }, _max: { placedAt: true } }),
      db.invoice.aggregate({ where: { customerId: c.customerId }, _max: { issuedAt: true } }),
    ]);
    const expected = buildErasurePlan(
      { orders, invoices, lastOrderAt: lastOrder._max.placedAt, lastInvoiceAt: lastInvoice._max.issuedAt },
      parseFinancialYearEnd(env.FINANCIAL_YEAR_END),
    );
    expect(orders + invoices).toBeGreaterThan(0);
    expect(doc?.plan).toEqual(expected);
    // The request and the customer as stored (one statement through queryRows: dates and numbers read alike on both databases).
    const row = await db.privacyRequest.findUniqueOrThrow({ where: { id: r.id } });
    expect(doc?.request).toEqual({ requestNumber: row.requestNumber, createdAt: row.createdAt, dueAt: row.dueAt, status: "awaiting_signature" });
    expect(doc?.customer).toMatchObject({ customerNumber: c.customerNumber, street: "Ågade 3" });
  });

  it("staff see the request; only the dpo sees the customer's e-mail (6.2, in the DAL)", async () => {
    const { c } = await customerWithData();
    const r = await startErasure(c);
    if (!r.ok) throw new Error();
    const bySupport = await getRequestForStaff(await makeStaff("support"), r.id);
    const byDpo = await getRequestForStaff(await makeStaff("dpo"), r.id);
    expect(bySupport?.customer).toMatchObject({ customerNumber: c.customerNumber, email: null });
    expect(byDpo?.customer?.email).toBe(c.email);
  });

  it("the signature is recorded only with the code from the document; erasure needs it first", async () => {
    const { c } = await customerWithData();
    const dpo = await makeStaff("dpo");
    const r = await startErasure(c);
    if (!r.ok) throw new Error();
    expect(await executeErasure(dpo, r.id)).toMatchObject({ ok: false, error: "wrong-state" });
    // 6.2 in the DAL itself: support may register the signature but never carry out the erasure.
    const support = await makeStaff("support");
    await expect(executeErasure(support, r.id)).rejects.toThrow("forbidden");
    expect(await recordSignature(dpo, r.id, "AAAA-AAAA")).toMatchObject({ ok: false, error: "code-mismatch" });
    const code = verificationCode(process.env.NEXTAUTH_SECRET!, r.id);
    expect(await recordSignature(dpo, r.id, code.toLowerCase().replace("-", " "))).toMatchObject({ ok: true });
    expect(await cancelErasure(c, r.id)).toBe(false); // no longer cancellable
  });

  it("carrying it out removes the person, keeps bookkeeping data unlinked, and ends every session at once", async () => {
    const { c, orderId } = await customerWithData();
    const dpo = await makeStaff("dpo");
    const r = await startErasure(c);
    if (!r.ok) throw new Error();
    await recordSignature(dpo, r.id, verificationCode(process.env.NEXTAUTH_SECRET!, r.id));
    expect(await principalForSession(c.sessionId)).not.toBeNull();

    const done = await executeErasure(dpo, r.id);
    expect(done).toMatchObject({ ok: true, summary: { ordersKept: 1, invoicesKept: 1 } });

    expect(await db.customer.findUnique({ where: { id: c.customerId } })).toBeNull();
    expect(await principalForSession(c.sessionId)).toBeNull();
    expect(await db.websiteEvent.count({ where: { customerId: c.customerId } })).toBe(0);
    expect(await db.consentEvent.count({ where: { customerId: c.customerId } })).toBe(0);
    expect(await db.marketingProfile.count({ where: { customerId: c.customerId } })).toBe(0);
    expect(await db.notificationSubscription.count({ where: { email: c.email } })).toBe(0);

    const order = await db.order.findUniqueOrThrow({ where: { id: orderId }, include: { lines: true } });
    expect(order).toMatchObject({ customerId: null, ipAddress: null, shippingName: null, shippingStreet: null, totalOre: 10000 });
    expect(order.lines[0]).toMatchObject({ productName: "Vare", returnReason: null });

    const invoice = await db.invoice.findFirstOrThrow({ where: { orderId } });
    // 5.2: the invoice keeps what bookkeeping requires, with no link to an account.
    expect(invoice).toMatchObject({ customerId: null, billingName: "Søren Ærbæk Ødum", totalOre: 10000, anonymisedAt: null });

    const req = await db.privacyRequest.findUniqueOrThrow({ where: { id: r.id } });
    // Issue 10 item 6: the request keeps a keyed pseudonym, not the account id.
    expect(req).toMatchObject({ status: "completed", customerId: null, subjectRef: erasedSubjectRef(c.customerId) });
    expect(done.ok && done.subjectRef).toBe(erasedSubjectRef(c.customerId));
    expect(await db.auditEvent.count({ where: { OR: [{ subjectRef: c.customerId }, { actorRef: c.customerId }] } })).toBe(0);

    // The audit trail afterwards holds no personal data of the erased customer: only the pseudonym.
    const audit = JSON.stringify(await db.auditEvent.findMany({ where: { subjectRef: erasedSubjectRef(c.customerId) } }));
    expect(audit).toContain("erasure.executed");
    for (const pii of ["Søren", "Ærbæk", "Ågade", c.email, "192.0.2.7"]) expect(audit).not.toContain(pii);
  });

  it("interrupted halfway, nothing changes", async () => {
    const { c, orderId } = await customerWithData();
    const dpo = await makeStaff("dpo");
    const r = await startErasure(c);
    if (!r.ok) throw new Error();
    await recordSignature(dpo, r.id, verificationCode(process.env.NEXTAUTH_SECRET!, r.id));
    // Make the last statement of the transaction (deleting the customer) fail.
    const trigger =
      dbProvider === "postgresql"
        ? [
            `CREATE FUNCTION fail_delete() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'simulated crash'; END; $$`,
            `CREATE TRIGGER fail_delete BEFORE DELETE ON "Customer" FOR EACH ROW EXECUTE FUNCTION fail_delete()`,
          ]
        : [`CREATE TRIGGER fail_delete BEFORE DELETE ON "Customer" BEGIN SELECT RAISE(ABORT, 'simulated crash'); END;`];
    for (const sql of trigger) await db.$executeRawUnsafe(sql);
    try {
      await expect(executeErasure(dpo, r.id)).rejects.toThrow();
    } finally {
      if (dbProvider === "postgresql") {
        await db.$executeRawUnsafe(`DROP TRIGGER fail_delete ON "Customer"`);
        await db.$executeRawUnsafe(`DROP FUNCTION fail_delete()`);
      } else await db.$executeRawUnsafe(`DROP TRIGGER fail_delete`);
    }
    expect(await db.customer.findUnique({ where: { id: c.customerId } })).not.toBeNull();
    expect(await db.order.findUniqueOrThrow({ where: { id: orderId } })).toMatchObject({ customerId: c.customerId, ipAddress: "192.0.2.7" });
    expect(await db.websiteEvent.count({ where: { customerId: c.customerId } })).toBe(1);
    expect(await db.notificationSubscription.count({ where: { email: c.email } })).toBe(1);
    expect(await db.privacyRequest.findUniqueOrThrow({ where: { id: r.id } })).toMatchObject({ status: "signature_received" });
    expect(await principalForSession(c.sessionId)).not.toBeNull();
  });
});
