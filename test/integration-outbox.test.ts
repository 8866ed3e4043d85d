import { describe, expect, it } from "vitest";
import { db } from "@/lib/dal/db";
import { createRightsRequest, setNewsletterConsent, unsubscribeNotification, updateProfile } from "@/lib/dal/customer";
import { resolveRequest, recordRestrictionLiftNotice } from "@/lib/dal/requests";
import { eraseCustomersInTx } from "@/lib/dal/erasure";
import { recordOutboundEvent } from "@/lib/dal/integration-outbox";
import { OUTBOUND_EVENTS, OUTBOUND_EVENT_KINDS, RECIPIENT_IDS } from "@/lib/policy";
import { profileSchema } from "@/lib/validation/profile";
import { makeCustomer, makeStaff } from "./support/fixtures";

// Issue 9 / GDPR art. 19 and clause 3: every change a recipient must hear of writes an outbound event in the same
// transaction as the change, with one delivery per recipient that lib/policy/recipients.ts names.

async function eventsOf(customerId: string) {
  return db.outboundEvent.findMany({
    where: { subjectRef: customerId },
    orderBy: { seq: "asc" },
    select: { kind: true, payload: true, requestId: true, deliveries: { select: { recipient: true, status: true } } },
  });
}

describe("the outbox (art. 19, clause 3)", () => {
  it("every event kind names at least one recipient of clause 3, and only real ones", () => {
    for (const k of OUTBOUND_EVENT_KINDS) {
      expect(OUTBOUND_EVENTS[k].recipients.length, k).toBeGreaterThan(0);
      for (const r of OUTBOUND_EVENTS[k].recipients) expect(RECIPIENT_IDS).toContain(r);
    }
    // Art. 19: rectification reaches those who deliver and invoice (3.1, 3.2).
    expect(OUTBOUND_EVENTS["customer.rectified"].recipients).toEqual(expect.arrayContaining(["dinero", "postnord", "dbk"]));
    // Withdrawn consent (4.9) reaches the newsletter/marketing side (3.2).
    expect(OUTBOUND_EVENTS["newsletter.consent_withdrawn"].recipients).toContain("markedsfoering");
  });

  it("a correction (4.4) writes one event with only the changed fields and the shop's id, one delivery per recipient", async () => {
    const c = await makeCustomer();
    await db.customer.update({ where: { id: c.customerId }, data: { externalId: "shop-c-1" } });
    const input = profileSchema.parse({
      name: c.name,
      street: "Nørregade 7",
      postalCode: "6400",
      city: "Sønderborg",
      country: "DK",
      phone: "+4512345678",
      version: 0,
    });
    expect((await updateProfile(c, input)).ok).toBe(true);
    const [e, ...rest] = await eventsOf(c.customerId);
    expect(rest).toEqual([]);
    expect(e.kind).toBe("customer.rectified");
    expect(JSON.parse(e.payload)).toEqual({ customer: { id: "shop-c-1", customerNumber: c.customerNumber }, fields: { street: "Nørregade 7" } });
    expect(e.deliveries.map((d) => d.recipient).sort()).toEqual([...OUTBOUND_EVENTS["customer.rectified"].recipients].sort());
    expect(e.deliveries.every((d) => d.status === "pending")).toBe(true);
  });

  it("the event and the change commit together: a failing change leaves no event (and no event, no change)", async () => {
    const c = await makeCustomer();
    await expect(
      db.$transaction(async (tx) => {
        await recordOutboundEvent(tx, { kind: "newsletter.consent_given", customerId: c.customerId });
        throw new Error("crash after the event");
      }),
    ).rejects.toThrow();
    expect(await eventsOf(c.customerId)).toEqual([]);
  });

  it("consent given and withdrawn (4.9), objection (4.8), restriction and its lifting (4.6) each write their event", async () => {
    const c = await makeCustomer();
    await setNewsletterConsent(c, true);
    await setNewsletterConsent(c, true); // no change, no event
    await setNewsletterConsent(c, false);
    const obj = await createRightsRequest(c, "objection", "Jeg ønsker ikke at blive fulgt");
    const res = await createRightsRequest(c, "restriction", "Min adresse er forkert");
    expect(obj.ok && res.ok).toBe(true);
    const dpo = await makeStaff("dpo");
    const restriction = await db.privacyRequest.findFirstOrThrow({ where: { customerId: c.customerId, type: "restriction" } });
    await recordRestrictionLiftNotice(dpo, restriction.id); // art. 18(3): the customer is told first
    expect((await resolveRequest(dpo, restriction.id, "rejected", "Oplysningerne er kontrolleret og korrekte")).ok).toBe(true);
    const kinds = (await eventsOf(c.customerId)).map((e) => e.kind);
    expect(kinds).toEqual(["newsletter.consent_given", "newsletter.consent_withdrawn", "objection.registered", "restriction.started", "restriction.lifted"]);
    const lifted = (await eventsOf(c.customerId)).at(-1)!;
    expect(lifted.requestId).toBe(restriction.id);
  });

  it("an unsubscribed notification (5a.2) names the subscription by the shop's id, without the e-mail", async () => {
    const c = await makeCustomer();
    const sub = await db.notificationSubscription.create({ data: { email: c.email, productSku: "SKU-1", productName: "Vare", externalId: "shop-n-1" } });
    expect(await unsubscribeNotification(c, sub.id)).toBe(true);
    const [e] = await eventsOf(c.customerId);
    expect(e.kind).toBe("notification.unsubscribed");
    expect(JSON.parse(e.payload).subscription).toEqual({ id: "shop-n-1", productSku: "SKU-1" });
    expect(e.payload).not.toContain(c.email);
  });

  it("erasure (4.5) tells every recipient, closes what was not yet delivered and leaves no corrected value readable", async () => {
    const c = await makeCustomer();
    const input = profileSchema.parse({
      name: "Helt Nyt Navn",
      street: "Hemmelig Vej 9",
      postalCode: "6400",
      city: "Sønderborg",
      country: "DK",
      phone: "+4512345678",
      version: 0,
    });
    await updateProfile(c, input);
    await db.$transaction((tx) => eraseCustomersInTx(tx, [c.customerId], new Date()));
    const events = await eventsOf(c.customerId);
    expect(events.map((e) => e.kind)).toEqual(["customer.rectified", "erasure.completed"]);
    const all = JSON.stringify(events);
    expect(all).not.toContain("Hemmelig Vej");
    expect(all).not.toContain("Helt Nyt Navn");
    expect(events[0].deliveries.every((d) => d.status === "handled")).toBe(true);
    expect(events[1].deliveries.map((d) => d.recipient).sort()).toEqual([...OUTBOUND_EVENTS["erasure.completed"].recipients].sort());
  });
});
