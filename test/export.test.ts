import { describe, expect, it, beforeAll } from "vitest";
import { db } from "@/lib/dal/db";
import { exportChunks, EXPORT_SECTIONS } from "@/lib/dal/export";
import { CATEGORIES } from "@/lib/policy";
import type { CustomerPrincipal } from "@/lib/dal/session";
import { seed } from "../prisma/seed";
import { exportValidator } from "./support/export-schema";
import { makeCustomer } from "./support/fixtures";

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

beforeAll(async () => {
  await seed(db, new Date("2026-11-25T12:00:00Z"));
});

describe("portability export (4.7)", () => {
  it("every model with customer data has a place in the export", () => {
    const models = CATEGORIES.flatMap((c) => c.models);
    const missing = models.filter((m) => !(m in EXPORT_SECTIONS));
    expect(missing, `models missing from the export: ${missing.join(", ")}`).toEqual([]);
  });

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
    expect(doc.notificationSubscriptions).toHaveLength(1);
    expect(doc.websiteBehaviour.length).toBeGreaterThan(0);
    expect(doc.marketingProfile.interests).toContain("Kaffe");
  });

  it("holds nothing of another customer", async () => {
    const { text } = await collect(await principal("kunde@example.dk"));
    for (const other of ["Jens Ødegaard", "nyhed@example.dk", "Åse Bøgh", "Bjørn Ølgaard", "ESPRESSO-PRO"]) expect(text).not.toContain(other);
  });

  it("streams page by page: 1,200 orders arrive as more than 1,200 chunks, and still validate", async () => {
    const c = await makeCustomer();
    const rows = Array.from({ length: 1200 }, (_, i) => ({
      orderNumber: `S-${c.customerNumber}-${i}`,
      customerId: c.customerId,
      placedAt: new Date(Date.UTC(2024, 0, 1) + i * 3_600_000),
      totalOre: 100 + i,
    }));
    await db.order.createMany({ data: rows });
    const { text, chunks } = await collect(c);
    expect(chunks).toBeGreaterThan(1200);
    const doc = JSON.parse(text);
    expect(doc.orders).toHaveLength(1200);
    expect(new Set(doc.orders.map((o: { orderNumber: string }) => o.orderNumber)).size).toBe(1200);
    expect(exportValidator()(doc)).toBe(true);
  });
});
