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
} as const;

/** Test customers whose address has never been confirmed (issue 8). */
const UNCONFIRMED: readonly string[] = [TEST_CUSTOMERS.unconfirmed.email];

export async function addTestPrincipals(url: string): Promise<void> {
  const db = openPrisma(url);
  try {
    const passwordHash = await hashPassword(TEST_PASSWORD);
    for (const [key, c] of Object.entries(TEST_CUSTOMERS)) {
      if (await db.customer.findUnique({ where: { email: c.email } })) continue;
      const row = await db.customer.create({
        data: { customerNumber: c.number, name: c.name, street: "Prøvevej 1", postalCode: "6400", city: "Sønderborg", email: c.email, passwordHash, emailVerifiedAt: UNCONFIRMED.includes(c.email) ? null : new Date() },
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
  } finally {
    await db.$disconnect();
  }
}

if (process.argv[1]?.endsWith("fixtures.ts")) {
  await addTestPrincipals(process.env.DATABASE_URL ?? "file:./data/e2e.db");
  console.log("Test principals added.");
}
