import "server-only";
import { db } from "./db";

// Effects of a restriction (4.6, GDPR art. 18) beside the flag itself: while processing is restricted to
// storage, the person's data are used for nothing else. Behaviour is not recorded (recordWebsiteEvent), the
// account is not erased by retention (held for the dpo, lib/dal/retention.ts), the recipients of clause 3 hear of
// it (restriction.started, art. 19), and the data are not used for marketing: whatever sends or targets
// marketing (newsletter, the marketing profile of 2.1.3) asks here first.

export type MarketingUse = { allowed: true } | { allowed: false; reason: "no-account" | "restricted" | "no-consent" };

/** Whether the customer's data may be used for marketing now (2.2.3, 4.6, 4.9). */
export async function marketingUse(customerId: string): Promise<MarketingUse> {
  const c = await db.customer.findUnique({ where: { id: customerId }, select: { processingRestricted: true } });
  if (!c) return { allowed: false, reason: "no-account" };
  if (c.processingRestricted) return { allowed: false, reason: "restricted" };
  const last = await db.consentEvent.findFirst({ where: { customerId, purpose: "newsletter" }, orderBy: { occurredAt: "desc" }, select: { action: true } });
  if (last?.action !== "given") return { allowed: false, reason: "no-consent" };
  return { allowed: true };
}
