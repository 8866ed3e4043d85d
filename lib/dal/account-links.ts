import "server-only";
import { db } from "./db";
import type { CustomerPrincipal } from "./session";

// Account e-mail state and the links sent by e-mail (issue 8).

/** The customer's address and whether it is confirmed (a link sent to it was opened). */
export async function customerAddress(customer: CustomerPrincipal): Promise<{ email: string; confirmed: boolean } | null> {
  const c = await db.customer.findUnique({ where: { id: customer.customerId }, select: { email: true, emailVerifiedAt: true } });
  return c ? { email: c.email, confirmed: c.emailVerifiedAt !== null } : null;
}
