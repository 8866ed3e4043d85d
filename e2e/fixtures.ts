// Test principals for the security specs, added to the throw-away e2e database after the demo seed
// (test/run-all.sh). Kept apart from the demo data: these accounts exist only for the tests.
import { openPrisma } from "../prisma/client";
import { hashPassword } from "../lib/auth/password";

export const TEST_PASSWORD = "test-adgangskode-1";
export const TEST_CUSTOMERS = {
  owner: { email: "matrix-ejer@example.test", number: 900001, name: "Ejer Østergård" },
  other: { email: "matrix-anden@example.test", number: 900002, name: "Anden Åkjær" },
  erased: { email: "matrix-slettet@example.test", number: 900003, name: "Slettet Ærtebjerg" },
  revoked: { email: "matrix-udlogget@example.test", number: 900004, name: "Udlogget Øhrstrøm" },
  fuzz: { email: "fuzz@example.test", number: 900005, name: "Fuzz Æblegaard" },
  sessions: { email: "sessioner@example.test", number: 900006, name: "Session Sørensen" },
  throttle: { email: "spaerret@example.test", number: 900007, name: "Spærret Bøgh" },
  // The two-instance test (e2e-instances/, issue 12.3).
  instances: { email: "to-instanser@example.test", number: 900101, name: "Tove Tvilling-Ørum" },
  instancesThrottle: { email: "to-instanser-spaerret@example.test", number: 900102, name: "Tage Tvilling-Ærø" },
  // Issue 11.10: a name chosen to pass for the demo customer 100001 on the staff pages.
  marketing: { email: "markedsfoering@example.test", number: 900082, name: "Malene Markø" },
  impostor: { email: "impostor@example.test", number: 900081, name: "Karen Ærø Sørensen, kundenr. 100001" },
  // Issue 8 / 11.8 (e2e/accounts.spec.ts)
  report: { email: "rapport@example.test", number: 900020, name: "Rapport Rasmussen" },
  unconfirmed: { email: "ubekraeftet@example.test", number: 900021, name: "Ubekræftet Ørsted" },
  // Issue 11 items 4 and 6 (e2e/security.spec.ts)
  knownDevice: { email: "kendt-enhed@example.test", number: 900011, name: "Kendt Enhed Ærø" },
  signout: { email: "udlogning@example.test", number: 900012, name: "Udlogning Ødegaard" },
  forgot: { email: "glemsom@example.test", number: 900022, name: "Glemsom Gærtner" },
  noPassword: { email: "butikskunde@example.test", number: 900023, name: "Butikskunde Bødker" },
} as const;

/**
 * Staff test principals for the second factor (issue 8, ASVS 6.3.3): dpos with a password and no TOTP yet, so each
 * login owes the first-login set-up. `pending*` never get further (the authorisation matrix's and the fuzzer's
 * "password only" session); `enrol` is set up by e2e/second-factor.spec.ts.
 */
export const TEST_STAFF = {
  pendingMatrix: { email: "matrix-totp@example.test", name: "Matrix Mølgaard" },
  pendingFuzz: { email: "fuzz-totp@example.test", name: "Fuzz Fæhn" },
  enrol: { email: "totp-ny@example.test", name: "Tove Totrinsen" },
} as const;

/** A shop customer who has never had a portal password (passwordHash "", issue 8). */
const NO_PASSWORD: readonly string[] = [TEST_CUSTOMERS.noPassword.email];

/** Test customers whose address has never been confirmed (issue 8). */
const UNCONFIRMED: readonly string[] = [TEST_CUSTOMERS.unconfirmed.email];

/** A customer with a long history, for the overview's cards, timeline and paging (issue 13). */
export const MANY_ORDERS = { email: "mange-ordrer@example.test", number: 900100, name: "Mange Østergaard-Ærbø", orders: 1_200, events: 3_000 } as const;

type Db = ReturnType<typeof openPrisma>;

/**
 * Adds a customer with `orders` orders (two lines each, an invoice each) over the last `years` years and
 * `events` website events. Used by the e2e fixtures and by bench/konto.bench.ts (10,000 orders + 50,000 events).
 */
export async function addManyOrdersCustomer(
  db: Db,
  c: { email: string; number: number; name: string; orders: number; events: number },
  passwordHash: string,
  now = new Date(),
  years = 4.5,
): Promise<string> {
  const existing = await db.customer.findUnique({ where: { email: c.email }, select: { id: true } });
  if (existing) return existing.id;
  const row = await db.customer.create({
    data: {
      customerNumber: c.number,
      name: c.name,
      street: "Langgade 100",
      postalCode: "8000",
      city: "Aarhus C",
      email: c.email,
      passwordHash,
      lastActivityAt: now,
      emailVerifiedAt: now,
    },
  });
  const span = years * 365 * 86_400_000;
  const BATCH = 1_000;
  for (let start = 0; start < c.orders; start += BATCH) {
    const n = Math.min(BATCH, c.orders - start);
    const orders = Array.from({ length: n }, (_, k) => {
      const i = start + k;
      return {
        id: `mo-${c.number}-${i}`,
        orderNumber: `M-${c.number}-${String(i + 1).padStart(6, "0")}`,
        customerId: row.id,
        placedAt: new Date(now.getTime() - span + Math.floor((span * (i + 1)) / (c.orders + 1))),
        ipAddress: "192.0.2.44",
        shippingName: c.name,
        shippingStreet: "Langgade 100",
        shippingPostalCode: "8000",
        shippingCity: "Aarhus C",
        shippingCountry: "DK",
        totalOre: 24_900,
      };
    });
    await db.order.createMany({ data: orders });
    await db.orderLine.createMany({
      data: orders.flatMap((o, k) => [
        { orderId: o.id, productSku: "HP-912", productName: "HP 912 blækpatron", quantity: 1, unitPriceOre: 14_900 },
        { orderId: o.id, productSku: "PAP-A4", productName: "Kopipapir A4", quantity: 2, unitPriceOre: 5_000, returnedQuantity: k % 10 === 0 ? 1 : 0 },
      ]),
    });
    await db.invoice.createMany({
      data: orders.map((o) => ({
        invoiceNumber: `MF-${o.orderNumber.slice(2)}`,
        orderId: o.id,
        customerId: row.id,
        issuedAt: o.placedAt,
        description: `Ordre ${o.orderNumber}`,
        netOre: 19_920,
        vatOre: 4_980,
        totalOre: 24_900,
        billingName: c.name,
        billingStreet: "Langgade 100",
        billingPostalCode: "8000",
        billingCity: "Aarhus C",
        billingCountry: "DK",
      })),
    });
  }
  const kinds = ["page_view", "search", "product_click"] as const;
  for (let start = 0; start < c.events; start += 5_000) {
    const n = Math.min(5_000, c.events - start);
    await db.websiteEvent.createMany({
      data: Array.from({ length: n }, (_, k) => {
        const i = start + k;
        const kind = kinds[i % 3];
        return {
          customerId: row.id,
          occurredAt: new Date(now.getTime() - span + Math.floor((span * (i + 1)) / (c.events + 1))),
          kind,
          path: kind === "page_view" ? "/printere" : null,
          searchTerm: kind === "search" ? "blækpatron" : null,
          productSku: kind === "product_click" ? "HP-912" : null,
          browser: "Firefox 140",
          device: "Desktop",
          ipAddress: "192.0.2.44",
        };
      }),
    });
  }
  await db.consentEvent.create({
    data: { customerId: row.id, action: "given", occurredAt: new Date(now.getTime() - span), channel: "kassen", wordingVersion: "nyhedsbrev-2021-03" },
  });
  return row.id;
}

export async function addTestPrincipals(url: string): Promise<void> {
  const db = openPrisma(url);
  try {
    const passwordHash = await hashPassword(TEST_PASSWORD);
    for (const [key, c] of Object.entries(TEST_CUSTOMERS)) {
      if (await db.customer.findUnique({ where: { email: c.email } })) continue;
      const row = await db.customer.create({
        data: {
          customerNumber: c.number,
          name: c.name,
          street: "Prøvevej 1",
          postalCode: "6400",
          city: "Sønderborg",
          email: c.email,
          passwordHash: NO_PASSWORD.includes(c.email) ? "" : passwordHash,
          emailVerifiedAt: UNCONFIRMED.includes(c.email) ? null : new Date(),
        },
      });
      await db.notificationSubscription.create({ data: { email: c.email, productSku: `SKU-${key}`, productName: `Vare til ${key}` } });
      await db.order.create({
        data: {
          orderNumber: `O-${c.number}`,
          customerId: row.id,
          placedAt: new Date(),
          ipAddress: "192.0.2.10",
          shippingName: c.name,
          totalOre: 1000,
          lines: { create: [{ productSku: "X", productName: "Vare", quantity: 1, unitPriceOre: 1000 }] },
        },
      });
    }
    await addManyOrdersCustomer(db, MANY_ORDERS, passwordHash);
    for (const s of Object.values(TEST_STAFF)) {
      if (await db.staffUser.findUnique({ where: { email: s.email } })) continue;
      await db.staffUser.create({ data: { email: s.email, name: s.name, role: "dpo", passwordHash } });
    }
  } finally {
    await db.$disconnect();
  }
}

if (process.argv[1]?.endsWith("fixtures.ts")) {
  await addTestPrincipals(process.env.DATABASE_URL ?? "file:./data/e2e.db");
  console.log("Test principals added.");
}
