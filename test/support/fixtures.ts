// Small builders for unit tests: customers and principals without going through the login.
import { db } from "@/lib/dal/db";
import type { CustomerPrincipal, StaffPrincipal } from "@/lib/dal/session";
import { hashPassword } from "@/lib/auth/password";

let seq = 200_000;

export async function makeCustomer(
  overrides: Partial<{ name: string; email: string; password: string; lastActivityAt: Date; createdAt: Date; street: string }> = {},
): Promise<CustomerPrincipal & { email: string; password: string }> {
  const n = ++seq;
  const password = overrides.password ?? "en-god-adgangskode-1";
  const c = await db.customer.create({
    data: {
      customerNumber: n,
      name: overrides.name ?? `Testkunde Æøå ${n}`,
      street: overrides.street ?? "Testvej 1",
      postalCode: "6400",
      city: "Sønderborg",
      email: overrides.email ?? `kunde${n}@example.dk`,
      phone: "+4512345678",
      passwordHash: await hashPassword(password),
      lastActivityAt: overrides.lastActivityAt ?? new Date(),
      createdAt: overrides.createdAt ?? new Date(),
    },
  });
  const s = await db.authSession.create({ data: { customerId: c.id, expiresAt: new Date(Date.now() + 3_600_000) } });
  return { kind: "customer", customerId: c.id, sessionId: s.id, name: c.name, customerNumber: c.customerNumber, email: c.email, password };
}

export async function makeStaff(role: "support" | "dpo"): Promise<StaffPrincipal> {
  const n = ++seq;
  const s = await db.staffUser.create({
    data: { email: `staff${n}@example.dk`, name: `Medarbejder ${n}`, role, passwordHash: await hashPassword("personale-kode-1") },
  });
  const session = await db.authSession.create({ data: { staffUserId: s.id, expiresAt: new Date(Date.now() + 3_600_000) } });
  return { kind: "staff", staffId: s.id, sessionId: session.id, name: s.name, role };
}
