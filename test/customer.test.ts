import { describe, expect, it } from "vitest";
import { db } from "@/lib/dal/db";
import {
  createRightsRequest,
  getConsentHistory,
  getNewsletterState,
  recordWebsiteEvent,
  setNewsletterConsent,
  unsubscribeNotification,
  updateProfile,
  changeEmail,
  changePassword,
  getProfile,
} from "@/lib/dal/customer";
import { principalForSession } from "@/lib/dal/auth";
import { profileSchema } from "@/lib/validation/profile";
import { changeEmailSchema } from "@/lib/validation/email-change";
import { makeCustomer } from "./support/fixtures";

const base = { name: "Karen Ærø", street: "Åbyvej 12", postalCode: "8230", city: "Åbyhøj", country: "DK", phone: "21 43 65 87" };

function input(over: Record<string, unknown>) {
  return profileSchema.parse({ ...base, ...over });
}

describe("correcting data (4.4)", () => {
  it("saves the correction, counts it as activity (5.1) and bumps the version", async () => {
    const c = await makeCustomer({ lastActivityAt: new Date("2024-01-01T00:00:00Z") });
    const r = await updateProfile(c, input({ version: 0, street: "Nørregade 1" }));
    expect(r).toMatchObject({ ok: true, changed: expect.arrayContaining(["street"]) });
    const p = await getProfile(c);
    expect(p).toMatchObject({ street: "Nørregade 1", phone: "+4521436587", version: 1 });
    expect(p!.lastActivityAt.getTime()).toBeGreaterThan(new Date("2025-01-01").getTime());
  });

  it("a concurrent edit based on an old version is refused, never silently overwritten", async () => {
    const c = await makeCustomer();
    expect((await updateProfile(c, input({ version: 0, city: "Aarhus" }))).ok).toBe(true);
    const stale = await updateProfile(c, input({ version: 0, city: "Odense" }));
    expect(stale).toEqual({ ok: false, error: "conflict" });
    expect((await getProfile(c))!.city).toBe("Aarhus");
  });

  it("a new e-mail needs the current password and waits for confirmation (issue 8): nothing moves before", async () => {
    const c = await makeCustomer({ lastActivityAt: new Date("2024-01-01T00:00:00Z") });
    await db.notificationSubscription.create({ data: { email: c.email, productSku: "A", productName: "A" } });
    const newEmail = `ny-${c.customerNumber}@example.dk`;
    expect(await changeEmail(c, changeEmailSchema.parse({ email: newEmail, currentPassword: "forkert" }))).toEqual({ ok: false, error: "wrong-password" });
    expect(await changeEmail(c, changeEmailSchema.parse({ email: ` ${newEmail.toUpperCase()} `, currentPassword: c.password }))).toEqual({
      ok: true,
      pending: true,
    });
    const p = await getProfile(c);
    expect(p).toMatchObject({ email: c.email, version: 0 });
    expect(p!.lastActivityAt.getTime()).toBeGreaterThan(new Date("2025-01-01").getTime());
    expect(await db.notificationSubscription.count({ where: { email: c.email } })).toBe(1);
    expect(await db.accountToken.findFirst({ where: { customerId: c.customerId, purpose: "email" }, select: { newEmail: true } })).toEqual({ newEmail });
    // test/account-links.test.ts follows the link to the end.
  });

  it("the address the account already has: nothing is sent, the password still counts", async () => {
    const c = await makeCustomer();
    expect(await changeEmail(c, { email: c.email, currentPassword: "forkert" })).toEqual({ ok: false, error: "wrong-password" });
    expect(await changeEmail(c, { email: c.email, currentPassword: c.password })).toEqual({ ok: true, pending: false });
    expect(await db.accountToken.count({ where: { customerId: c.customerId, purpose: "email" } })).toBe(0);
  });

  it("an e-mail another account uses: the same answer as any other (issue 8), and nothing changes", async () => {
    const a = await makeCustomer();
    const b = await makeCustomer();
    const taken = await changeEmail(b, { email: a.email, currentPassword: b.password });
    const free = await changeEmail(b, { email: `fri-${b.customerNumber}@example.dk`, currentPassword: b.password });
    expect(taken).toEqual({ ok: true, pending: true });
    expect(free).toEqual({ ok: true, pending: true });
    expect((await getProfile(b))!.email).toBe(b.email);
  });

  it("issued invoices keep the name and address they were issued with (5.2)", async () => {
    const c = await makeCustomer({ name: "Gammelt Navn" });
    await db.invoice.create({
      data: {
        invoiceNumber: `F-K-${c.customerNumber}`,
        customerId: c.customerId,
        issuedAt: new Date(),
        description: "x",
        netOre: 1,
        vatOre: 0,
        totalOre: 1,
        billingName: "Gammelt Navn",
        billingStreet: "Testvej 1",
      },
    });
    await updateProfile(c, input({ version: 0, name: "Nyt Navn" }));
    expect((await db.invoice.findFirstOrThrow({ where: { customerId: c.customerId } })).billingName).toBe("Gammelt Navn");
  });

  it("changing the password needs the current one and ends every session", async () => {
    const c = await makeCustomer();
    expect(await changePassword(c, "forkert", "en-helt-ny-kode-42")).toEqual({ ok: false, error: "wrong-password" });
    expect(await principalForSession(c.sessionId)).not.toBeNull();
    expect(await changePassword(c, c.password, "en-helt-ny-kode-42")).toEqual({ ok: true });
    expect(await principalForSession(c.sessionId)).toBeNull();
  });

  it("a new password built from the account's own e-mail or a breached word is refused (ASVS 6.2.4, issue 11 item 7)", async () => {
    const c = await makeCustomer({ email: "birgitte.holm@example.dk", name: "Birgitte Holm" });
    for (const weak of ["birgitte.holm@example.dk", "BirgitteHolm2026", "Sommer2026", "123multiservice1"]) {
      expect(await changePassword(c, c.password, weak), weak).toMatchObject({ ok: false, error: "weak-password" });
    }
    expect(await principalForSession(c.sessionId)).not.toBeNull();
  });
});

describe("newsletter consent (4.9, 5.4)", () => {
  it("each change appends an event; withdrawal deletes the marketing profile; repeating changes nothing", async () => {
    const c = await makeCustomer();
    await db.marketingProfile.create({ data: { customerId: c.customerId, interests: "x", preferredCategories: "y", lastComputedAt: new Date() } });
    expect(await setNewsletterConsent(c, true, new Date("2026-01-01T10:00:00Z"))).toEqual({ changed: true, profileDeleted: false });
    expect(await setNewsletterConsent(c, true)).toEqual({ changed: false, profileDeleted: false });
    expect(await getNewsletterState(c)).toMatchObject({ subscribed: true });
    expect(await setNewsletterConsent(c, false, new Date("2026-02-01T10:00:00Z"))).toEqual({ changed: true, profileDeleted: true });
    expect(await db.marketingProfile.count({ where: { customerId: c.customerId } })).toBe(0);
    const history = await getConsentHistory(c);
    expect(history.map((h) => h.action)).toEqual(["withdrawn", "given"]);
    expect(history[0]).toMatchObject({ channel: "selvbetjening", wordingVersion: expect.stringMatching(/^nyhedsbrev-/) });
  });

  it("the consent history cannot be rewritten, only appended to", async () => {
    const c = await makeCustomer();
    await setNewsletterConsent(c, true);
    await expect(db.consentEvent.updateMany({ where: { customerId: c.customerId }, data: { action: "withdrawn" } })).rejects.toThrow();
    expect((await getConsentHistory(c)).map((h) => h.action)).toEqual(["given"]);
  });
});

describe('"Modtag notifikation" (5a)', () => {
  it("a customer can unsubscribe their own, and another customer's id answers like an unknown one", async () => {
    const a = await makeCustomer();
    const b = await makeCustomer();
    const sub = await db.notificationSubscription.create({ data: { email: a.email, productSku: "B", productName: "B" } });
    expect(await unsubscribeNotification(b, sub.id)).toBe(false);
    expect(await unsubscribeNotification(b, "findes-ikke")).toBe(false);
    expect(await db.notificationSubscription.count({ where: { id: sub.id } })).toBe(1);
    expect(await unsubscribeNotification(a, sub.id)).toBe(true);
    expect(await db.notificationSubscription.count({ where: { id: sub.id } })).toBe(0);
  });
});

describe("objection (4.8) and restriction (4.6)", () => {
  it("objection stops recording website behaviour at once and goes to the staff queue with the reason", async () => {
    const c = await makeCustomer();
    const event = { kind: "search" as const, searchTerm: "toner", browser: "Firefox", device: "PC", ipAddress: "192.0.2.1" };
    expect(await recordWebsiteEvent(c.customerId, event)).toBe(true);
    const r = await createRightsRequest(c, "objection", "Jeg ønsker ikke at blive analyseret");
    expect(r).toMatchObject({ ok: true, requestNumber: expect.stringMatching(/^IN-\d{4}-\d{5}$/) });
    expect(await recordWebsiteEvent(c.customerId, event)).toBe(false);
    expect(await db.websiteEvent.count({ where: { customerId: c.customerId } })).toBe(1);
    const req = await db.privacyRequest.findFirstOrThrow({ where: { customerId: c.customerId, type: "objection" } });
    expect(req).toMatchObject({ status: "open", reason: "Jeg ønsker ikke at blive analyseret" });
    expect(await createRightsRequest(c, "objection", "igen igen igen")).toEqual({ ok: false, error: "already-open" });
  });

  it("restriction flags the account and is visible to staff", async () => {
    const c = await makeCustomer();
    expect((await createRightsRequest(c, "restriction", "Min adresse er forkert registreret")).ok).toBe(true);
    expect((await getProfile(c))!.processingRestricted).toBe(true);
    expect(await db.privacyRequest.count({ where: { customerId: c.customerId, type: "restriction", status: "open" } })).toBe(1);
  });
});
