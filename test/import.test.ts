import { describe, expect, it } from "vitest";
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { randomUUID } from "node:crypto";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { db } from "@/lib/dal/db";
import { importFile } from "@/lib/import/run-import";
import { importedCounts } from "@/lib/dal/integration-import";
import { publishedSchemas, schemaText } from "@/lib/import/schemas";
import { RECORD_KINDS } from "@/lib/import/contract";
import { eraseCustomersInTx } from "@/lib/dal/erasure";
import { updateProfile } from "@/lib/dal/customer";

// Issue 9, "Done when": the example file imports, re-imports with no change, and a broken file imports nothing of its
// bad records. The published JSON Schemas are the files in schemas/ and the example obeys them.

const EXAMPLE = "examples/import.ndjson";
const tmp = (name: string, text: string) => {
  mkdirSync("data/unit/import", { recursive: true });
  const f = `data/unit/import/${randomUUID()}-${name}`;
  writeFileSync(f, text);
  return f;
};

async function snapshot() {
  const [customers, orders, lines, invoices, events, consents, subs] = await Promise.all([
    db.customer.findMany({ orderBy: { id: "asc" } }),
    db.order.findMany({ orderBy: { id: "asc" } }),
    db.orderLine.findMany({ orderBy: { id: "asc" } }),
    db.invoice.findMany({ orderBy: { id: "asc" } }),
    db.websiteEvent.findMany({ orderBy: { id: "asc" } }),
    db.consentEvent.findMany({ orderBy: { id: "asc" } }),
    db.notificationSubscription.findMany({ orderBy: { id: "asc" } }),
  ]);
  return JSON.stringify({ customers, orders, lines, invoices, events, consents, subs });
}

describe("the published contract", () => {
  it("schemas/ holds exactly what the zod definitions generate (npm run schemas)", () => {
    for (const [path, schema] of Object.entries(publishedSchemas())) {
      expect(readFileSync(`schemas/${path}`, "utf8"), path).toBe(schemaText(schema));
    }
  });

  it("the example covers every record kind and every line validates against its published JSON Schema", () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    const schemas = publishedSchemas();
    const kinds = new Set<string>();
    for (const [i, text] of readFileSync(EXAMPLE, "utf8").trim().split("\n").entries()) {
      const rec = JSON.parse(text) as { kind: string };
      kinds.add(rec.kind);
      const validate = ajv.getSchema(`/api/v1/schemas/import/v1/${rec.kind}.schema.json`) ?? ajv.compile(schemas[`import/v1/${rec.kind}.schema.json`]);
      expect(validate(rec), `line ${i + 1}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
    expect([...kinds].sort()).toEqual([...RECORD_KINDS].sort());
  });
});

describe("npm run import (issue 9)", () => {
  it('the example imports; imported customers have no password ("Opret adgang"); a second import changes nothing', async () => {
    const dry = await importFile(EXAMPLE, { dryRun: true });
    expect(dry.rejected).toEqual([]);
    expect(await importedCounts()).toMatchObject({ customers: 0, orders: 0 });

    const first = await importFile(EXAMPLE);
    expect(first.rejected).toEqual([]);
    expect(first.counts).toEqual(dry.counts); // the dry run said exactly what the real run did
    expect(await importedCounts()).toEqual({ customers: 2, orders: 2, invoices: 1, websiteEvents: 2, consentEvents: 2, subscriptions: 2 });
    const mette = await db.customer.findUniqueOrThrow({ where: { externalId: "shop-cust-5001" } });
    expect(mette).toMatchObject({ passwordHash: "", customerNumber: 500001, email: "mette.aertebjerg@example.dk" });
    const order = await db.order.findUniqueOrThrow({ where: { externalId: "shop-ord-9001" }, include: { lines: true } });
    expect(order.customerId).toBe(mette.id);
    expect(order.lines).toHaveLength(2);
    expect((await db.notificationSubscription.findUniqueOrThrow({ where: { externalId: "shop-ntf-2" } })).notifiedAt).not.toBeNull();

    const before = await snapshot();
    const second = await importFile(EXAMPLE);
    expect(second.rejected).toEqual([]);
    for (const c of Object.values(second.counts)) expect(c).toMatchObject({ created: 0, updated: 0 });
    expect(await snapshot()).toBe(before);
  });

  it("a broken file imports nothing of its bad records, names each line and reason, and imports the good ones", async () => {
    const good = (n: number) =>
      `{"kind":"customer","v":1,"id":"shop-b-${n}","customerNumber":${510000 + n},"name":"Kunde ${n}","street":"Vej ${n}","postalCode":"6400","city":"Sønderborg","country":"DK","email":"b${n}@example.dk"}`;
    const file = tmp(
      "broken.ndjson",
      [
        good(1),
        "{ not json",
        `{"kind":"customer","v":1,"id":"shop-b-2","customerNumber":510002,"name":"Kunde 2","street":"Vej 2","postalCode":"6400","city":"Sønderborg","country":"DK","email":"ikke-en-email"}`,
        `{"kind":"order","v":1,"id":"shop-b-o1","orderNumber":"B-1","customerId":"findes-ikke","placedAt":"2026-01-01T00:00:00Z","totalOre":100,"lines":[{"sku":"X","name":"X","quantity":1,"unitPriceOre":100}]}`,
        `{"kind":"customer","v":1,"id":"shop-b-3","customerNumber":510003,"name":"Kunde 3","street":"Vej 3","postalCode":"6400","city":"Sønderborg","country":"DK","email":"b3@example.dk","isAdmin":true}`,
        `{"kind":"invoice","v":1,"id":"shop-b-i1","invoiceNumber":"B-I1","customerId":"shop-b-1","issuedAt":"2026-01-01T00:00:00Z","description":"x","netOre":100,"vatOre":25,"totalOre":999,"billing":{"name":"Kunde 1","street":"Vej 1","postalCode":"6400","city":"Sønderborg","country":"DK"}}`,
        `{"kind":"ukendt","v":1}`,
        `{"kind":"customer","v":1,"id":"shop-b-5","customerNumber":510001,"name":"Kunde 5","street":"Vej 5","postalCode":"6400","city":"Sønderborg","country":"DK","email":"b5@example.dk"}`,
        good(6),
      ].join("\n"),
    );
    const r = await importFile(file);
    expect(r.rejected.map((x) => x.line)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(r.rejected.find((x) => x.line === 3)!.reason).toMatch(/email/);
    expect(r.rejected.find((x) => x.line === 4)!.reason).toMatch(/Ukendt customerId/);
    expect(r.rejected.find((x) => x.line === 5)!.reason).toMatch(/isAdmin/);
    expect(r.rejected.find((x) => x.line === 6)!.reason).toMatch(/totalOre/);
    expect(r.rejected.find((x) => x.line === 8)!.reason).toMatch(/customerNumber/);
    // No reason echoes a value the shop sent (the log and the terminal get field names and rules only).
    expect(JSON.stringify(r.rejected)).not.toContain("ikke-en-email");
    expect(await db.customer.count({ where: { externalId: { startsWith: "shop-b-" } } })).toBe(2);
    expect(await db.order.count({ where: { externalId: "shop-b-o1" } })).toBe(0);
    expect(await db.invoice.count({ where: { externalId: "shop-b-i1" } })).toBe(0);
  });

  it("website events of a customer who objected (4.8) or asked for restriction (4.6) are refused, counted and not stored", async () => {
    await importFile(EXAMPLE);
    await db.customer.update({ where: { externalId: "shop-cust-5002" }, data: { processingRestricted: true } });
    const file = tmp(
      "events.ndjson",
      `{"kind":"website_event","v":1,"id":"shop-web-r1","customerId":"shop-cust-5002","occurredAt":"2026-11-01T10:00:00Z","type":"page_view","path":"/","browser":"Safari","device":"mobil","ipAddress":"198.51.100.7"}\n`,
    );
    const r = await importFile(file);
    expect(r.rejected).toEqual([]);
    expect(r.counts.website_event).toMatchObject({ created: 0, refused: 1 });
    expect(await db.websiteEvent.count({ where: { externalId: "shop-web-r1" } })).toBe(0);
  });

  it("an erased customer (4.5) is never brought back by the shop's next import", async () => {
    await importFile(EXAMPLE);
    const mette = await db.customer.findUniqueOrThrow({ where: { externalId: "shop-cust-5001" } });
    await db.$transaction((tx) => eraseCustomersInTx(tx, [mette.id], new Date()));
    const again = await importFile(EXAMPLE);
    expect(await db.customer.count({ where: { externalId: "shop-cust-5001" } })).toBe(0);
    const lines = again.rejected.map((r) => r.line);
    expect(lines).toEqual(expect.arrayContaining([1, 6, 7, 8])); // the customer, her events and consent
    expect(again.rejected.every((r) => /slettet/.test(r.reason))).toBe(true);
  });

  it("a crash in the middle of a batch leaves no half-written record", async () => {
    const file = tmp(
      "crash.ndjson",
      [1, 2, 3]
        .map(
          (n) =>
            `{"kind":"customer","v":1,"id":"shop-crash-${n}","customerNumber":${520000 + n},"name":"K ${n}","street":"V ${n}","postalCode":"6400","city":"Sønderborg","country":"DK","email":"crash${n}@example.dk"}`,
        )
        .join("\n") +
        "\n" +
        `{"kind":"order","v":1,"id":"shop-crash-o","orderNumber":"CR-1","customerId":"shop-crash-1","placedAt":"2026-01-01T00:00:00Z","totalOre":100,"lines":[{"sku":"X","name":"X","quantity":1,"unitPriceOre":100}]}\n`,
    );
    // The order lines' insert fails as a crash would, after the customers and the order were written in the batch.
    const orig = db.$transaction.bind(db);
    let calls = 0;
    (db as unknown as { $transaction: unknown }).$transaction = (fn: (tx: unknown) => Promise<unknown>, o: unknown) =>
      orig(async (tx) => {
        calls++;
        const proxied = new Proxy(tx, {
          get(target, prop) {
            if (prop === "orderLine") return { ...target.orderLine, createMany: () => Promise.reject(new Error("crash")) };
            return (target as unknown as Record<string | symbol, unknown>)[prop];
          },
        });
        return fn(proxied);
      }, o as never);
    try {
      await importFile(file, { batchSize: 100 });
    } finally {
      (db as unknown as { $transaction: unknown }).$transaction = orig;
    }
    expect(calls).toBeGreaterThan(0);
    // The order with its lines is all or nothing: no order without lines.
    const o = await db.order.findUnique({ where: { externalId: "shop-crash-o" }, include: { lines: true } });
    expect(o).toBeNull();
  });
});

describe("a correction the customer made in the portal is not undone by the shop (4.4, Art. 16)", () => {
  const rec = (extra: Record<string, unknown>) =>
    JSON.stringify({
      kind: "customer",
      v: 1,
      id: "shop-k-1",
      customerNumber: 530001,
      name: "Karla Kok",
      street: "Gammel Vej 1",
      postalCode: "6400",
      city: "Sønderborg",
      country: "DK",
      email: "karla.kok@example.dk",
      ...extra,
    });

  it("an older shop record keeps the portal's correction; a shop change made after it applies", async () => {
    await importFile(tmp("k0.ndjson", rec({ updatedAt: "2026-01-01T00:00:00Z" })));
    const row = await db.customer.findUniqueOrThrow({ where: { externalId: "shop-k-1" } });
    const principal = { kind: "customer" as const, customerId: row.id, sessionId: "test", name: row.name, customerNumber: row.customerNumber };
    const corrected = new Date("2026-06-01T12:00:00Z");
    const r = await updateProfile(
      principal,
      { name: row.name, street: "Ny Vej 2", postalCode: "6400", city: "Sønderborg", country: "DK", phone: "", version: row.version },
      corrected,
    );
    expect(r.ok).toBe(true);

    // The shop's next export still has the old address (it had not applied the correction yet): the correction stays.
    const stale = await importFile(tmp("k1.ndjson", rec({ updatedAt: "2026-01-01T00:00:00Z" })));
    expect(stale.rejected).toEqual([]);
    expect(stale.counts.customer).toMatchObject({ updated: 0, unchanged: 1 });
    expect((await db.customer.findUniqueOrThrow({ where: { id: row.id } })).street).toBe("Ny Vej 2");
    // Without updatedAt the shop cannot say its data is newer: the correction stays too.
    await importFile(tmp("k2.ndjson", rec({})));
    expect((await db.customer.findUniqueOrThrow({ where: { id: row.id } })).street).toBe("Ny Vej 2");

    // The customer later told the shop of a move, and the shop's record says so: that applies.
    const newer = await importFile(tmp("k3.ndjson", rec({ street: "Tredje Vej 3", updatedAt: "2026-07-01T00:00:00Z" })));
    expect(newer.counts.customer).toMatchObject({ updated: 1 });
    expect((await db.customer.findUniqueOrThrow({ where: { id: row.id } })).street).toBe("Tredje Vej 3");
  });

  it("a new e-mail address from the shop is not a confirmed one (issue 8, 11.8)", async () => {
    await importFile(tmp("e0.ndjson", rec({ id: "shop-k-2", customerNumber: 530002, email: "gammel.k2@example.dk" })));
    await db.customer.update({ where: { externalId: "shop-k-2" }, data: { emailVerifiedAt: new Date() } });
    await importFile(tmp("e1.ndjson", rec({ id: "shop-k-2", customerNumber: 530002, email: "ny.k2@example.dk" })));
    const after = await db.customer.findUniqueOrThrow({ where: { externalId: "shop-k-2" } });
    expect(after.email).toBe("ny.k2@example.dk");
    expect(after.emailVerifiedAt).toBeNull();
  });
});

describe("the shop cannot sign up for the newsletter a customer who objects to direct marketing (art. 21(3))", () => {
  it("a consent given after the objection is refused and counted; one given before it stays history", async () => {
    await importFile(EXAMPLE);
    const objectedAt = new Date("2026-05-01T00:00:00Z");
    await db.customer.update({ where: { externalId: "shop-cust-5002" }, data: { objectsToMarketingAt: objectedAt } });
    const ev = (id: string, at: string) =>
      `{"kind":"consent_event","v":1,"id":"${id}","customerId":"shop-cust-5002","action":"given","occurredAt":"${at}","purpose":"newsletter","channel":"kassen","wordingVersion":"nyhedsbrev-2021-03"}`;
    const r = await importFile(
      tmp("consent.ndjson", [ev("shop-cons-after", "2026-06-01T00:00:00Z"), ev("shop-cons-before", "2026-04-01T00:00:00Z")].join("\n")),
    );
    expect(r.rejected).toEqual([]);
    expect(r.counts.consent_event).toMatchObject({ created: 1, refused: 1 });
    expect(await db.consentEvent.count({ where: { externalId: "shop-cons-after" } })).toBe(0);
    expect(await db.consentEvent.count({ where: { externalId: "shop-cons-before" } })).toBe(1);
  });
});
