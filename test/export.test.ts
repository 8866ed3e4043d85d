import { describe, expect, it, beforeAll } from "vitest";
import { db } from "@/lib/dal/db";
import { EXPORT_PAGE, exportChunks, EXPORT_SECTIONS } from "@/lib/dal/export";
import { CATEGORIES, CONSENT_WORDINGS } from "@/lib/policy";
import { EXPORTED, NOT_EXPORTED, type FieldSpec, type Scope } from "@/lib/export/coverage";
import { pseudonym } from "@/lib/log";
import type { CustomerPrincipal } from "@/lib/dal/session";
import { seed } from "../prisma/seed";
import { exportValidator } from "./support/export-schema";
import { makeCustomer } from "./support/fixtures";

// Portability and access (pkt. 4.7; GDPR Art. 15(3), 20; issue 10 item 10).

async function collect(c: CustomerPrincipal): Promise<{ text: string; chunks: number }> {
  const gen = await exportChunks(c);
  if (!gen) throw new Error("no export");
  let text = "";
  let chunks = 0;
  for await (const part of gen) {
    text += part;
    chunks++;
  }
  return { text, chunks };
}

async function principal(email: string): Promise<CustomerPrincipal> {
  const c = await db.customer.findUniqueOrThrow({ where: { email } });
  return { kind: "customer", customerId: c.id, sessionId: "x", name: c.name, customerNumber: c.customerNumber };
}

// ---- Prisma's own datamodel (DMMF) as the generated client carries it: every model and field of the database.
type DmmfField = { name: string; kind: "scalar" | "enum" | "object"; type: string };
const DATAMODEL = (db as unknown as { _runtimeDataModel: { models: Record<string, { fields: DmmfField[] }> } })._runtimeDataModel.models;
const scalarFields = (model: string) => DATAMODEL[model].fields.filter((f) => f.kind !== "object").map((f) => f.name);

/** A model holds personal data of a customer when it links to a customer (relation or a customer/subject/actor id) or holds an e-mail address. */
function holdsCustomerIdOrEmail(model: string): string[] {
  return DATAMODEL[model].fields
    .filter((f) => (f.kind === "object" && f.type === "Customer") || (f.kind !== "object" && /customer|subjectref|actorref|e-?mail/i.test(f.name)))
    .map((f) => f.name);
}

function whereFor(scope: Scope, c: { id: string; email: string }): Record<string, unknown> {
  switch (scope.by) {
    case "self":
      return { id: c.id };
    case "customerId":
      return { customerId: c.id };
    case "email":
      return { email: c.email };
    case "orderOfCustomer":
      return { order: { customerId: c.id } };
    case "subjectRef":
      return { subjectRef: c.id };
    case "accountKey":
      return { key: pseudonym("acct", c.email) };
    case "eventOfCustomer":
      return { event: { subjectRef: c.id } };
  }
}

function at(doc: unknown, path: string): unknown {
  return path.split(".").reduce<unknown>((v, k) => (v as Record<string, unknown> | null)?.[k], doc);
}

/** How a stored value appears in the export's JSON text. */
function representations(value: unknown, spec: FieldSpec): string[] {
  if (value instanceof Date) return [JSON.stringify(value.toISOString())];
  if (typeof value === "string" && spec.list)
    return value
      .split(",")
      .map((s) => JSON.stringify(s.trim()))
      .filter((s) => s !== '""');
  if (typeof value === "string" && spec.json) return [JSON.stringify(JSON.parse(value))];
  return [JSON.stringify(value)];
}

beforeAll(async () => {
  await seed(db, new Date("2026-11-25T12:00:00Z"));
});

describe("the export leaves nothing out (issue 10 item 10, Art. 15(3), 20)", () => {
  it("every model that holds a customer id or an e-mail (read from Prisma's DMMF) is exported or listed with a reason", () => {
    const models = Object.keys(DATAMODEL);
    expect(models.length).toBeGreaterThan(10);
    const unaccounted = models.filter((m) => holdsCustomerIdOrEmail(m).length > 0 && !(m in EXPORTED) && !(m in NOT_EXPORTED));
    expect(
      unaccounted,
      `models with a customer id or e-mail, neither exported nor listed in lib/export/coverage.ts NOT_EXPORTED: ${unaccounted.join(", ")}`,
    ).toEqual([]);
    for (const [m, reason] of Object.entries(NOT_EXPORTED)) {
      expect(DATAMODEL[m], `${m} is listed but is not a model`).toBeDefined();
      expect(reason.length, `${m} needs a reason`).toBeGreaterThan(20);
    }
    // The policy's categories name models too; each of them is in the export.
    const categoryModels = CATEGORIES.flatMap((c) => c.models).filter((m) => m in DATAMODEL);
    expect(categoryModels.filter((m) => !(m in EXPORTED))).toEqual([]);
  });

  it("every field of every exported model (from the DMMF) is exported or omitted with a reason", () => {
    for (const [model, spec] of Object.entries(EXPORTED)) {
      expect(DATAMODEL[model], `${model} in lib/export/coverage.ts is not a model`).toBeDefined();
      const fields = scalarFields(model);
      const unlisted = fields.filter((f) => !(f in spec.fields));
      expect(unlisted, `${model}: fields neither exported nor omitted with a reason`).toEqual([]);
      expect(
        Object.keys(spec.fields).filter((f) => !fields.includes(f)),
        `${model}: listed fields the model does not have`,
      ).toEqual([]);
      for (const [f, s] of Object.entries(spec.fields)) if ("omitted" in s) expect(s.omitted.length, `${model}.${f} needs a reason`).toBeGreaterThan(15);
    }
  });

  it("each exported field's stored value is in a real export of a customer who has a row in every exported model", async () => {
    const c = await makeCustomer({ name: "Fuldstændig Østergaard" });
    const customer = await db.customer.findUniqueOrThrow({ where: { id: c.customerId } });
    await db.customer.update({ where: { id: c.customerId }, data: { processingRestricted: true, objectsToMarketingAt: new Date("2025-02-03T04:05:06Z") } });
    const order = await db.order.create({
      data: {
        orderNumber: `FULD-${c.customerNumber}`,
        customerId: c.customerId,
        placedAt: new Date("2025-03-04T05:06:07Z"),
        ipAddress: "198.51.100.77",
        shippingName: "Fuldstændig Østergaard",
        shippingStreet: "Leveringsvej 9",
        shippingPostalCode: "8000",
        shippingCity: "Aarhus C",
        shippingCountry: "DK",
        totalOre: 123_457,
        carrier: "GLS",
        lines: {
          create: [
            {
              productSku: "FULD-SKU",
              productName: "Fuldvare",
              quantity: 3,
              unitPriceOre: 41_152,
              returnedQuantity: 1,
              returnedAt: new Date("2025-03-20T10:00:00Z"),
              returnReason: "For stor",
            },
          ],
        },
      },
    });
    await db.invoice.create({
      data: {
        invoiceNumber: `FULDF-${c.customerNumber}`,
        orderId: order.id,
        customerId: c.customerId,
        issuedAt: new Date("2025-03-04T06:00:00Z"),
        description: "Faktura for fuld ordre",
        netOre: 98_766,
        vatOre: 24_691,
        totalOre: 123_457,
        billingName: "Fuldstændig Østergaard",
        billingStreet: "Fakturavej 2",
        billingPostalCode: "8200",
        billingCity: "Aarhus N",
        billingCountry: "DK",
      },
    });
    await db.websiteEvent.create({
      data: {
        customerId: c.customerId,
        occurredAt: new Date("2025-05-06T07:08:09Z"),
        kind: "search",
        path: "/fuld/sti",
        searchTerm: "fuldsøgning",
        productSku: "FULD-KLIK",
        browser: "Fuldbrowser 1",
        device: "fuldtelefon",
        ipAddress: "198.51.100.78",
      },
    });
    await db.consentEvent.create({
      data: {
        customerId: c.customerId,
        action: "given",
        occurredAt: new Date("2025-06-07T08:09:10Z"),
        channel: "fuldkanal",
        wordingVersion: CONSENT_WORDINGS[0].version,
      },
    });
    await db.marketingProfile.create({
      data: {
        customerId: c.customerId,
        interests: "Fuldinteresse, Anden",
        preferredCategories: "Fuldkategori",
        lastComputedAt: new Date("2025-07-08T09:10:11Z"),
      },
    });
    await db.notificationSubscription.create({
      data: {
        email: customer.email,
        productSku: "FULD-NOTI",
        productName: "Fuld notifikationsvare",
        createdAt: new Date("2025-08-09T10:11:12Z"),
        notifiedAt: new Date("2025-08-10T10:11:12Z"),
      },
    });
    await db.privacyRequest.create({
      data: {
        requestNumber: `SL-2025-F${c.customerNumber}`,
        customerId: c.customerId,
        subjectRef: c.customerId,
        type: "erasure",
        status: "signature_received",
        reason: "Fuld begrundelse",
        createdAt: new Date("2025-09-01T10:00:00Z"),
        dueAt: new Date("2025-10-01T10:00:00Z"),
        signatureReceivedAt: new Date("2025-09-12T13:14:15Z"),
        liftNoticeSentAt: new Date("2025-09-20T01:02:03Z"),
        channel: "email",
        receivedAt: new Date("2025-08-31T09:08:07Z"),
        closedAt: new Date("2025-09-30T10:00:00Z"),
        resolution: "Fuld afgørelse",
      },
    });
    await db.auditEvent.create({
      data: {
        actorType: "staff",
        actorRef: "staff-x",
        action: "fuld.handling",
        subjectRef: c.customerId,
        occurredAt: new Date("2025-10-11T12:13:14Z"),
        details: JSON.stringify({ fields: ["fuldfelt"] }),
      },
    });
    await db.mailMessage.create({
      data: {
        kind: "access_report",
        subjectRef: c.customerId,
        toAddress: customer.email,
        subject: "Fuld emnelinje",
        text: "x",
        html: "<p>x</p>",
        status: "failed",
        createdAt: new Date("2025-12-01T02:03:04Z"),
        failedAt: new Date("2025-12-02T02:03:04Z"),
      },
    });
    await db.customer.update({ where: { id: c.customerId }, data: { emailVerifiedAt: new Date("2025-01-02T03:04:05Z") } });
    await db.loginFailure.create({ data: { key: pseudonym("acct", customer.email), occurredAt: new Date("2026-01-02T03:04:05Z") } });
    const event = await db.outboundEvent.create({
      data: {
        id: `evt-fuld-${c.customerNumber}`,
        kind: "address.corrected",
        subjectRef: c.customerId,
        payload: JSON.stringify({ fields: { street: "x" } }),
        occurredAt: new Date("2025-11-12T13:14:15Z"),
      },
    });
    await db.outboundDelivery.create({
      data: { eventSeq: event.seq, recipient: "postnord", status: "delivered", nextAttemptAt: new Date(), deliveredAt: new Date("2025-11-12T13:20:00Z") },
    });

    const { text } = await collect(c);
    const doc = JSON.parse(text);
    const validate = exportValidator();
    expect(validate(doc), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);

    const missing: string[] = [];
    for (const [model, spec] of Object.entries(EXPORTED)) {
      const delegate = (db as unknown as Record<string, { findMany(a: object): Promise<Record<string, unknown>[]> }>)[model[0].toLowerCase() + model.slice(1)];
      const select = Object.fromEntries(scalarFields(model).map((f) => [f, true]));
      const rows = await delegate.findMany({ where: whereFor(spec.scope, customer), select });
      expect(rows.length, `the test customer has no ${model} row`).toBeGreaterThan(0);
      const section = JSON.stringify(at(doc, spec.section)) ?? "";
      for (const row of rows) {
        for (const [field, f] of Object.entries(spec.fields)) {
          if ("omitted" in f || f.derived || row[field] == null) continue;
          for (const r of representations(row[field], f)) if (!section.includes(r)) missing.push(`${model}.${field} = ${r} not in "${spec.section}"`);
        }
      }
    }
    expect(missing).toEqual([]);
    // Named explicitly in issue 10 item 10: own audit events, the consent text itself, signatureReceivedAt.
    expect(doc.auditTrail).toContainEqual({
      occurredAt: "2025-10-11T12:13:14.000Z",
      actor: "staff",
      action: "fuld.handling",
      details: { fields: ["fuldfelt"] },
    });
    expect(doc.consentHistory[0].wording.text).toBe(CONSENT_WORDINGS[0].text);
    expect(doc.privacyRequests[0].signatureReceivedAt).toBe("2025-09-12T13:14:15.000Z");
  });

  it("every consent wording a stored event refers to has its text in lib/policy (Art. 7(1))", async () => {
    const versions = await db.consentEvent.findMany({ distinct: ["wordingVersion"], select: { wordingVersion: true } });
    const known = new Set(CONSENT_WORDINGS.map((w) => w.version));
    expect(versions.map((v) => v.wordingVersion).filter((v) => !known.has(v))).toEqual([]);
  });
});

describe("portability export (4.7)", () => {
  it("the demo customer's export validates against the JSON Schema in the repo and holds every section", async () => {
    const { text } = await collect(await principal("kunde@example.dk"));
    const doc = JSON.parse(text);
    const validate = exportValidator();
    expect(validate(doc), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    for (const path of Object.values(EXPORT_SECTIONS)) expect(doc).toHaveProperty(path.split(/[.[]/)[0]);
    expect(doc.profile).toMatchObject({ customerNumber: 100001, name: "Karen Ærø Sørensen", email: "kunde@example.dk" });
    expect(doc.orders).toHaveLength(18);
    expect(doc.orders.some((o: { lines: { returned: unknown }[] }) => o.lines.some((l) => l.returned))).toBe(true);
    expect(doc.invoices).toHaveLength(18);
    expect(doc.consentHistory[0]).toMatchObject({ action: "given" });
    expect(doc.consentHistory[0].wording.text.length).toBeGreaterThan(20);
    expect(doc.notificationSubscriptions).toHaveLength(1);
    expect(doc.websiteBehaviour.length).toBeGreaterThan(0);
    expect(doc.marketingProfile.interests).toContain("Kaffe");
  });

  it("holds nothing of another customer", async () => {
    const { text } = await collect(await principal("kunde@example.dk"));
    for (const other of ["Jens Ødegaard", "nyhed@example.dk", "Åse Bøgh", "Bjørn Ølgaard", "ESPRESSO-PRO"]) expect(text).not.toContain(other);
  });

  it("streams with bounded memory: the first orders leave before the third page of orders is read (one page is read ahead), and all arrive", async () => {
    const c = await makeCustomer();
    const total = 2 * EXPORT_PAGE + Math.floor(EXPORT_PAGE / 4);
    const rows = Array.from({ length: total }, (_, i) => ({
      orderNumber: `S-${c.customerNumber}-${i}`,
      customerId: c.customerId,
      placedAt: new Date(Date.UTC(2024, 0, 1) + i * 3_600_000),
      totalOre: 100 + i,
      shippingName: "Strøm Streamsen",
      shippingStreet: "Strømvej 1",
    }));
    await db.order.createMany({ data: rows });
    let orderPageReads = 0;
    const gen = await exportChunks(c, new Date(), () => orderPageReads++);
    let text = "";
    let readsAtFirstOrder = -1;
    for await (const part of gen!) {
      text += part;
      if (readsAtFirstOrder < 0 && text.includes(`"S-${c.customerNumber}-`)) readsAtFirstOrder = orderPageReads;
    }
    expect(readsAtFirstOrder).toBeLessThanOrEqual(2);
    expect(orderPageReads).toBe(3);
    const doc = JSON.parse(text);
    expect(doc.orders).toHaveLength(total);
    expect(new Set(doc.orders.map((o: { orderNumber: string }) => o.orderNumber)).size).toBe(total);
    expect(exportValidator()(doc)).toBe(true);
  });
});
