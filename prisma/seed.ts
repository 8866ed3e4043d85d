// Demo data: realistic Danish customers (with æ, ø and å), six years of orders and invoices, returns,
// website behaviour, consents, notifications and two staff users. Run on an empty database by `npm start`.
// Dates are relative to `now`, so the demo keeps its shape whenever it is seeded.
import type { PrismaClient } from "../lib/generated/prisma/client";
import { openPrisma } from "./client";
import { hashPassword } from "../lib/auth/password";
import { NEWSLETTER_CONSENT } from "../lib/policy";
import { DEMO_TOTP_MARKER } from "../lib/auth/totp";

export const DEMO_LOGINS = [
  { email: "kunde@example.dk", password: "demo-kunde-1", who: "Karen Ærø Sørensen: seks års køb, fakturaer og returneringer, nyhedsbrev" },
  { email: "nyhed@example.dk", password: "demo-nyhed-1", who: 'Jens Ødegaard: nyhedsbrev og to "Modtag notifikation"' },
  { email: "inaktiv@example.dk", password: "demo-inaktiv-1", who: "Åse Bøgh: inaktiv i mere end 5 år" },
  { email: "ny@example.dk", password: "demo-ny-1", who: "Lærke Æbelø: ny konto uden køb" },
  { email: "sletning@example.dk", password: "demo-sletning-1", who: "Bjørn Ølgaard: til at prøve sletning" },
  { email: "personale@example.dk", password: "demo-personale-1", who: "Pia Holmgård, personale (dpo); kode: npm run demo:totp" },
  { email: "support@example.dk", password: "demo-support-1", who: "Søs Kjær, personale (support)" },
] as const;

const PRODUCTS = [
  { sku: "HP-305XL", name: "HP 305XL blækpatron, sort", price: 24900, group: "Blæk og toner" },
  { sku: "BR-TN2420", name: "Brother TN-2420 toner", price: 54900, group: "Blæk og toner" },
  { sku: "PAP-A4-500", name: "Kopipapir A4, 500 ark", price: 4995, group: "Papir" },
  { sku: "USB-C-2M", name: "USB-C-kabel, 2 m", price: 12900, group: "Kabler" },
  { sku: "MUS-TRÅDLØS", name: "Trådløs mus, grå", price: 19900, group: "Tilbehør" },
  { sku: "KAF-ØKO-1KG", name: "Økologiske kaffebønner, 1 kg", price: 18900, group: "Kantine" },
  { sku: "LABEL-62", name: "Etiketruller 62 mm", price: 8900, group: "Etiketter" },
] as const;

const BROWSERS = ["Chrome 131 på Windows 11", "Safari 18 på iPhone", "Firefox 133 på Ubuntu"];

function daysAgo(now: Date, days: number): Date {
  return new Date(now.getTime() - days * 86_400_000);
}

let orderSeq = 10_000;
let invoiceSeq = 50_000;

async function addOrders(
  db: PrismaClient,
  customer: { id: string; name: string; street: string; postalCode: string; city: string },
  dates: Date[],
  returnsEvery = 0,
) {
  for (const [i, placedAt] of dates.entries()) {
    const picks = [PRODUCTS[i % PRODUCTS.length], PRODUCTS[(i * 3 + 1) % PRODUCTS.length]];
    const lines = picks.map((p, j) => ({
      productSku: p.sku,
      productName: p.name,
      quantity: 1 + ((i + j) % 3),
      unitPriceOre: p.price,
      returnedQuantity: returnsEvery && i % returnsEvery === 1 && j === 0 ? 1 : 0,
      returnedAt: returnsEvery && i % returnsEvery === 1 && j === 0 ? new Date(placedAt.getTime() + 9 * 86_400_000) : null,
      returnReason: returnsEvery && i % returnsEvery === 1 && j === 0 ? "Forkert model" : null,
    }));
    const total = lines.reduce((s, l) => s + l.quantity * l.unitPriceOre, 0);
    const order = await db.order.create({
      data: {
        orderNumber: `O-${++orderSeq}`,
        customerId: customer.id,
        placedAt,
        ipAddress: `198.51.100.${(i * 7) % 250}`,
        shippingName: customer.name,
        shippingStreet: customer.street,
        shippingPostalCode: customer.postalCode,
        shippingCity: customer.city,
        shippingCountry: "DK",
        totalOre: total,
        carrier: i % 4 === 3 ? "DBK (dropshipment)" : "PostNord",
        lines: { create: lines },
      },
    });
    const net = Math.round(total / 1.25);
    const issuedAt = new Date(placedAt.getTime() + 3_600_000);
    await db.invoice.create({
      data: {
        invoiceNumber: `F-${++invoiceSeq}`,
        orderId: order.id,
        customerId: customer.id,
        issuedAt,
        description: `Faktura for ordre ${order.orderNumber}`,
        netOre: net,
        vatOre: total - net,
        totalOre: total,
        billingName: customer.name,
        billingStreet: customer.street,
        billingPostalCode: customer.postalCode,
        billingCity: customer.city,
        billingCountry: "DK",
      },
    });
  }
}

async function addBehaviour(db: PrismaClient, customerId: string, now: Date, count: number, startDaysAgo: number) {
  const terms = ["blækpatron hp", "toner brother", "a4 papir", "usb-c kabel", "kaffe økologisk", "etiketter 62 mm"];
  for (let i = 0; i < count; i++) {
    const kind = (["page_view", "search", "product_click"] as const)[i % 3];
    const product = PRODUCTS[i % PRODUCTS.length];
    await db.websiteEvent.create({
      data: {
        customerId,
        occurredAt: daysAgo(now, startDaysAgo - Math.floor((i * startDaysAgo) / Math.max(count, 1))),
        kind,
        path: kind === "page_view" ? `/kategori/${product.group.toLowerCase().replace(/\s+/g, "-")}` : null,
        searchTerm: kind === "search" ? terms[i % terms.length] : null,
        productSku: kind === "product_click" ? product.sku : null,
        browser: BROWSERS[i % BROWSERS.length],
        device: i % 2 ? "Mobil" : "Computer",
        ipAddress: `203.0.113.${(i * 13) % 250}`,
      },
    });
  }
}

export async function seed(db: PrismaClient, now: Date = new Date()): Promise<void> {
  const hashes = new Map<string, string>();
  for (const l of DEMO_LOGINS) hashes.set(l.email, await hashPassword(l.password));

  // 1. The main demo customer: six years of orders and invoices across several financial years, with returns.
  const karen = await db.customer.create({
    data: {
      customerNumber: 100_001,
      name: "Karen Ærø Sørensen",
      street: "Åbyvej 12, 2. tv",
      postalCode: "8230",
      city: "Åbyhøj",
      country: "DK",
      email: "kunde@example.dk",
      phone: "+4521436587",
      passwordHash: hashes.get("kunde@example.dk")!,
      createdAt: daysAgo(now, 6 * 365 + 40),
      lastActivityAt: daysAgo(now, 12),
    },
  });
  const karenOrders = Array.from({ length: 18 }, (_, i) => daysAgo(now, 6 * 365 + 20 - i * 122));
  await addOrders(db, karen, karenOrders, 4);
  await addBehaviour(db, karen.id, now, 36, 700);
  await db.consentEvent.create({
    data: { customerId: karen.id, action: "given", occurredAt: daysAgo(now, 4 * 365), channel: "kassen", wordingVersion: "nyhedsbrev-2021-03" },
  });
  await db.marketingProfile.create({
    data: {
      customerId: karen.id,
      interests: "Kontorartikler, Blæk og toner, Kaffe",
      preferredCategories: "Blæk og toner, Papir",
      lastComputedAt: daysAgo(now, 3),
    },
  });
  await db.notificationSubscription.create({
    data: { email: karen.email, productSku: "HP-912-SÆT", productName: "HP 912 blæksæt (4 farver)", createdAt: daysAgo(now, 20) },
  });

  // 2. Newsletter with two product notifications.
  const jens = await db.customer.create({
    data: {
      customerNumber: 100_002,
      name: "Jens Ødegaard",
      street: "Søndergade 3",
      postalCode: "6400",
      city: "Sønderborg",
      country: "DK",
      email: "nyhed@example.dk",
      phone: "+4540506070",
      passwordHash: hashes.get("nyhed@example.dk")!,
      createdAt: daysAgo(now, 500),
      lastActivityAt: daysAgo(now, 30),
    },
  });
  await addOrders(db, jens, [daysAgo(now, 420), daysAgo(now, 95)]);
  await addBehaviour(db, jens.id, now, 9, 300);
  await db.consentEvent.create({
    data: { customerId: jens.id, action: "given", occurredAt: daysAgo(now, 480), channel: "hjemmesiden", wordingVersion: NEWSLETTER_CONSENT.version },
  });
  await db.marketingProfile.create({
    data: { customerId: jens.id, interests: "Kaffe, Kantine", preferredCategories: "Kantine", lastComputedAt: daysAgo(now, 5) },
  });
  for (const p of [
    { sku: "ESPRESSO-PRO", name: "Espressomaskine Pro 2000" },
    { sku: "KAF-KENYA-1KG", name: "Kaffebønner fra Kenya, 1 kg" },
  ]) {
    await db.notificationSubscription.create({ data: { email: jens.email, productSku: p.sku, productName: p.name, createdAt: daysAgo(now, 14) } });
  }
  // A notification already sent to someone without an account: due for deletion under 5a.3.
  await db.notificationSubscription.create({
    data: {
      email: "gæst@example.dk",
      productSku: "ESPRESSO-PRO",
      productName: "Espressomaskine Pro 2000",
      createdAt: daysAgo(now, 60),
      notifiedAt: daysAgo(now, 2),
    },
  });

  // 3. Inactive for more than five years (5.1): due for deletion.
  const aase = await db.customer.create({
    data: {
      customerNumber: 100_003,
      name: "Åse Bøgh",
      street: "Fjordvænget 9",
      postalCode: "7100",
      city: "Vejle",
      country: "DK",
      email: "inaktiv@example.dk",
      phone: null,
      passwordHash: hashes.get("inaktiv@example.dk")!,
      createdAt: daysAgo(now, 7 * 365),
      lastActivityAt: daysAgo(now, 5 * 365 + 90),
    },
  });
  await addOrders(db, aase, [daysAgo(now, 6 * 365), daysAgo(now, 5 * 365 + 95)]);

  // An old restriction request (4.6) that has passed its one-month deadline, so the staff queue shows one overdue.
  await db.privacyRequest.create({
    data: {
      requestNumber: `BG-${daysAgo(now, 40).getUTCFullYear()}-00001`,
      customerId: aase.id,
      subjectRef: aase.id,
      type: "restriction",
      status: "open",
      reason: "Min adresse er forkert, og jeg vil ikke have, at I bruger oplysningerne, før det er rettet.",
      createdAt: daysAgo(now, 40),
      dueAt: daysAgo(now, 10),
    },
  });
  await db.customer.update({ where: { id: aase.id }, data: { processingRestricted: true } });

  // 4. A plain new account.
  await db.customer.create({
    data: {
      customerNumber: 100_004,
      name: "Lærke Æbelø",
      street: "Nørregade 21",
      postalCode: "5000",
      city: "Odense C",
      country: "DK",
      email: "ny@example.dk",
      phone: null,
      passwordHash: hashes.get("ny@example.dk")!,
      createdAt: daysAgo(now, 2),
      lastActivityAt: daysAgo(now, 2),
    },
  });

  // 5. A customer to try erasure with.
  const bjoern = await db.customer.create({
    data: {
      customerNumber: 100_005,
      name: "Bjørn Ølgaard",
      street: "Skovbrynet 5",
      postalCode: "2800",
      city: "Kongens Lyngby",
      country: "DK",
      email: "sletning@example.dk",
      phone: "+4530303030",
      passwordHash: hashes.get("sletning@example.dk")!,
      createdAt: daysAgo(now, 900),
      lastActivityAt: daysAgo(now, 40),
    },
  });
  await addOrders(db, bjoern, [daysAgo(now, 800), daysAgo(now, 200)], 2);
  await addBehaviour(db, bjoern.id, now, 6, 200);
  await db.consentEvent.create({
    data: { customerId: bjoern.id, action: "given", occurredAt: daysAgo(now, 850), channel: "kassen", wordingVersion: "nyhedsbrev-2021-03" },
  });
  await db.notificationSubscription.create({
    data: { email: bjoern.email, productSku: "LABEL-102", productName: "Etiketruller 102 mm", createdAt: daysAgo(now, 10) },
  });

  // The demo customers' addresses count as confirmed (issue 8): the access report may be sent to them.
  await db.customer.updateMany({ data: { emailVerifiedAt: now } });

  // Staff (6.2): a data protection officer who may carry out erasure, and support who sees the queue.
  // Issue 8: the dpo logs in with a second factor. The demo's is pre-set with the secret published in the README
  // (lib/auth/totp.ts DEMO_TOTP_SECRET; `npm run demo:totp` prints the code). Real staff set theirs up at first login.
  await db.staffUser.create({
    data: {
      email: "personale@example.dk",
      name: "Pia Holmgård",
      role: "dpo",
      passwordHash: hashes.get("personale@example.dk")!,
      totpSecret: DEMO_TOTP_MARKER,
      totpEnrolledAt: now,
    },
  });
  await db.staffUser.create({
    data: { email: "support@example.dk", name: "Søs Kjær", role: "support", passwordHash: hashes.get("support@example.dk")! },
  });
}

export async function seedIfEmpty(databaseUrl: string, now = new Date()): Promise<boolean> {
  const db = openPrisma(databaseUrl);
  try {
    if ((await db.customer.count()) > 0 || (await db.staffUser.count()) > 0) return false;
    await seed(db, now);
    return true;
  } finally {
    await db.$disconnect();
  }
}
