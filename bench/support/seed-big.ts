// Prepares the web benchmarks' database (run by bench/support/server.ts in its own process, with
// DATABASE_URL set): migrations + demo data, then one large customer written through the application's own
// database client (so it works on SQLite and PostgreSQL alike), and an open erasure request for the demo
// customer and the large one (for the PDF route).
import { setupDatabase } from "../../prisma/setup";
import { BIG, BIG_EVENTS, BIG_ORDERS, DEMO } from "./server";

const url = process.env.DATABASE_URL!;
await setupDatabase(url, { seedDemo: true });
const { db } = await import("../../lib/dal/db");
const { hashPassword } = await import("../../lib/auth/password");
const { requestDueDate } = await import("../../lib/policy");

const now = new Date();
const DAY = 86_400_000;
const customer = await db.customer.create({
  data: {
    customerNumber: BIG.number,
    name: BIG.name,
    street: "Storkundevej 1",
    postalCode: "6400",
    city: "Sønderborg",
    email: BIG.email,
    passwordHash: await hashPassword(BIG.password),
  },
});
const pad = (n: number) => String(n).padStart(6, "0");
const BATCH = 1000;
for (let start = 0; start < BIG_ORDERS; start += BATCH) {
  const n = Math.min(BATCH, BIG_ORDERS - start);
  const orders = Array.from({ length: n }, (_, k) => {
    const i = start + k;
    return {
      id: `bigo${pad(i)}`,
      orderNumber: `B-${pad(i)}`,
      customerId: customer.id,
      placedAt: new Date(now.getTime() - ((i * 37) % (4 * 365)) * DAY - i * 1000),
      ipAddress: "192.0.2.44",
      shippingName: BIG.name,
      shippingStreet: "Storkundevej 1",
      shippingPostalCode: "6400",
      shippingCity: "Sønderborg",
      shippingCountry: "DK",
      totalOre: 10_000 + i,
    };
  });
  await db.order.createMany({ data: orders });
  await db.orderLine.createMany({
    data: orders.flatMap((o, k) => [
      { orderId: o.id, productSku: "KAFFE-1", productName: "Kaffebønner 1 kg", quantity: 1, unitPriceOre: 8_000 },
      { orderId: o.id, productSku: "FILTER-2", productName: "Kaffefiltre", quantity: 2, unitPriceOre: 1_000 + k, returnedQuantity: k % 50 === 0 ? 1 : 0 },
    ]),
  });
  await db.invoice.createMany({
    data: orders.map((o, k) => ({
      invoiceNumber: `BF-${pad(start + k)}`,
      orderId: o.id,
      customerId: customer.id,
      issuedAt: new Date(o.placedAt.getTime() + 3_600_000),
      description: "Faktura",
      netOre: 8_000,
      vatOre: 2_000,
      totalOre: 10_000,
      billingName: BIG.name,
      billingStreet: "Storkundevej 1",
      billingPostalCode: "6400",
      billingCity: "Sønderborg",
      billingCountry: "DK",
    })),
  });
}
const KINDS = ["page_view", "search", "product_click"] as const;
for (let start = 0; start < BIG_EVENTS; start += 5000) {
  const n = Math.min(5000, BIG_EVENTS - start);
  await db.websiteEvent.createMany({
    data: Array.from({ length: n }, (_, k) => {
      const i = start + k;
      const kind = KINDS[i % 3];
      return {
        customerId: customer.id,
        occurredAt: new Date(now.getTime() - (i % (2 * 365)) * DAY - i * 1000),
        kind,
        path: kind === "page_view" ? `/produkter/kaffe/${i % 200}` : null,
        searchTerm: kind === "search" ? `kaffe ${i % 50}` : null,
        productSku: kind === "product_click" ? `SKU-${i % 300}` : null,
        browser: "Firefox 140",
        device: "desktop",
        ipAddress: "192.0.2.44",
      };
    }),
  });
}

// An erasure request awaiting the signature for the demo customer and for the large one (the PDF route).
const demo = await db.customer.findUniqueOrThrow({ where: { email: DEMO.email }, select: { id: true } });
for (const [i, c] of [demo.id, customer.id].entries()) {
  await db.privacyRequest.create({
    data: {
      id: `bench-pdf-${i}`,
      requestNumber: `SL-2099-${String(90000 + i)}`,
      customerId: c,
      subjectRef: c,
      type: "erasure",
      status: "awaiting_signature",
      createdAt: now,
      dueAt: requestDueDate(now),
    },
  });
}
// Planner statistics and the visibility map, as autovacuum keeps them on a deployed database (this shared server runs
// with autovacuum off; since PostgreSQL 13 autovacuum also vacuums a table after many inserts):
// - without statistics PostgreSQL estimates ~20 rows for the large customer and reads all 50,000 of its events
//   through a bitmap before /konto's capped count can stop at 1,001 (9.8 ms instead of 0.4 ms per request);
// - without the visibility map an index-only scan visits the table for every row: the erasure PDF's counts of the
//   large customer's 10,000 orders and invoices took 11.5 ms instead of ~1 ms (2026-12-07).
if (url.startsWith("postgres")) await db.$executeRawUnsafe("VACUUM ANALYZE");
await db.$disconnect();
console.error(`benchmark database ready: demo data + ${BIG_ORDERS} orders, ${BIG_EVENTS} events for ${BIG.email}`);
