import { describe, expect, it } from "vitest";
import { db } from "@/lib/dal/db";
import {
  createRightsRequest,
  getConsentHistory,
  getNewsletterState,
  getProfile,
  mayUseForDirectMarketing,
  objectToDirectMarketing,
  recordWebsiteEvent,
  setNewsletterConsent,
  withdrawMarketingObjection,
} from "@/lib/dal/customer";
import { makeCustomer } from "./support/fixtures";

// Issue 10, item 4: the objection to direct marketing incl. profiling (2.1.3, 2.2.1) is unconditional
// (GDPR art. 21(2)-(3)): no reason, no staff decision, effect at once. The objection to the website-improvement
// processing of 4.8 (art. 21(1)) keeps its balancing test and goes to staff.

async function withProfile() {
  const c = await makeCustomer();
  await setNewsletterConsent(c, true);
  await db.marketingProfile.create({ data: { customerId: c.customerId, interests: "haven", preferredCategories: "værktøj", lastComputedAt: new Date() } });
  return c;
}

describe("objection to direct marketing (art. 21(2)-(3))", () => {
  it("takes effect at once: profile deleted, newsletter withdrawn, recipients told, no staff request", async () => {
    const c = await withProfile();
    const now = new Date(Date.now() + 1000);
    const r = await objectToDirectMarketing(c, now);
    expect(r).toEqual({ changed: true, profileDeleted: true, newsletterWithdrawn: true });
    expect(await db.marketingProfile.count({ where: { customerId: c.customerId } })).toBe(0);
    expect((await getProfile(c))!.objectsToMarketingAt).toEqual(now);
    expect((await getNewsletterState(c)).subscribed).toBe(false);
    expect((await getConsentHistory(c))[0]).toMatchObject({ action: "withdrawn", channel: "indsigelse mod direkte markedsføring" });
    // No request waits for a staff decision.
    expect(await db.privacyRequest.count({ where: { customerId: c.customerId } })).toBe(0);
    // The marketing recipients hear of it in the same transaction (outbox).
    const kinds = (await db.outboundEvent.findMany({ where: { subjectRef: c.customerId }, select: { kind: true } })).map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(["objection.direct_marketing", "newsletter.consent_withdrawn"]));
    expect(await mayUseForDirectMarketing(db, c.customerId)).toBe(false);
  });

  it("repeating it changes nothing; without a newsletter it still records the objection", async () => {
    const c = await makeCustomer();
    expect(await objectToDirectMarketing(c)).toEqual({ changed: true, profileDeleted: false, newsletterWithdrawn: false });
    expect(await objectToDirectMarketing(c)).toEqual({ changed: false, profileDeleted: false, newsletterWithdrawn: false });
    expect(await db.outboundEvent.count({ where: { subjectRef: c.customerId, kind: "objection.direct_marketing" } })).toBe(1);
  });

  it("while it stands, the newsletter cannot be switched on; after the customer withdraws it, only a new consent restarts it", async () => {
    const c = await withProfile();
    await objectToDirectMarketing(c);
    expect(await setNewsletterConsent(c, true)).toMatchObject({ changed: false, objects: true });
    expect((await getNewsletterState(c)).subscribed).toBe(false);
    expect(await withdrawMarketingObjection(c)).toBe(true);
    expect(await withdrawMarketingObjection(c)).toBe(false);
    // The recipients told of the objection hear of its withdrawal, once (outbox, issue 9).
    expect(await db.outboundEvent.count({ where: { subjectRef: c.customerId, kind: "objection.direct_marketing_withdrawn" } })).toBe(1);
    expect(await mayUseForDirectMarketing(db, c.customerId)).toBe(true);
    expect((await getNewsletterState(c)).subscribed).toBe(false); // nothing restarts by itself
    expect(await db.marketingProfile.count({ where: { customerId: c.customerId } })).toBe(0);
    expect((await setNewsletterConsent(c, true)).changed).toBe(true);
  });

  it("touches only the objecting customer", async () => {
    const a = await withProfile();
    const b = await withProfile();
    await objectToDirectMarketing(a);
    expect(await db.marketingProfile.count({ where: { customerId: b.customerId } })).toBe(1);
    expect((await getNewsletterState(b)).subscribed).toBe(true);
    expect(await mayUseForDirectMarketing(db, b.customerId)).toBe(true);
  });

  it("does not stop what 4.8 covers on its own: behaviour for website improvement is still recorded", async () => {
    const c = await makeCustomer();
    await objectToDirectMarketing(c);
    expect(await recordWebsiteEvent(c.customerId, { kind: "page_view", path: "/", browser: "x", device: "y", ipAddress: "192.0.2.1" })).toBe(true);
  });
});

describe("objection to website improvement (4.8, art. 21(1)) keeps its balancing test", () => {
  it("needs a reason and goes to the staff queue", async () => {
    const c = await makeCustomer();
    const r = await createRightsRequest(c, "objection", "Jeg har særlige grunde til indsigelse.");
    expect(r.ok).toBe(true);
    expect(await db.privacyRequest.count({ where: { customerId: c.customerId, type: "objection", status: "open" } })).toBe(1);
    expect((await getProfile(c))!.objectsToMarketingAt).toBeNull();
  });
});
