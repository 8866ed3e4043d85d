// Issue 8 (ASVS 6.4): links by e-mail. A real SMTP server in this process receives what the portal sends.
import { afterAll, describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { startSmtpSink, type ReceivedMail } from "./support/smtp-sink";

const sink = await startSmtpSink();
process.env.SMTP_URL = sink.url;
afterAll(() => sink.close());

const { db } = await import("@/lib/dal/db");
const links = await import("@/lib/dal/account-links");
const { login, principalForSession } = await import("@/lib/dal/auth");
const { changeEmail } = await import("@/lib/dal/customer");
const { makeCustomer } = await import("./support/fixtures");

const linkIn = (m: ReceivedMail, path: string) => {
  const match = new RegExp(`https?://[^\\s]+${path.replace(/\//g, "\\/")}\\?token=([A-Za-z0-9_-]+)`).exec(m.text);
  if (!match) throw new Error(`no link in ${m.text}`);
  return match[1];
};
const mailsTo = (addr: string) => sink.messages.filter((m) => m.to.includes(addr));
const settle = () => new Promise((r) => setTimeout(r, 600));
async function countTo(addr: string, n: number) {
  const end = Date.now() + 8000;
  while (Date.now() < end && mailsTo(addr).length < n) await new Promise((r) => setTimeout(r, 100));
  await settle();
  return mailsTo(addr).length;
}

describe("Glemt adgangskode? / Opret adgang (issue 8, ASVS 6.4)", () => {
  it("sends a single-use link, stored only as a hash, that sets the password, confirms the address and ends every session", async () => {
    const c = await makeCustomer({ name: "Glemsom Gærtner" });
    const other = await makeCustomer({ name: "Anden Andersen" });
    await links.requestPasswordLink(c.email.toUpperCase());
    const mail = await sink.waitFor((m) => m.to.includes(c.email));
    expect(mail.subject).toBe("Vælg en ny adgangskode til 123multiservice – Dine data");
    expect(mail.html).toContain("/log-ind/ny-adgangskode?token=");
    expect(mail.text).not.toContain(other.name);
    expect(mail.text).not.toContain(other.email);
    const token = linkIn(mail, "/log-ind/ny-adgangskode");
    const rows = await db.accountToken.findMany({ where: { customerId: c.customerId } });
    expect(rows).toHaveLength(1);
    expect(rows[0].tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(rows[0].expiresAt.getTime() - rows[0].createdAt.getTime()).toBe(30 * 60_000);

    expect(await links.checkPasswordLink(token)).toEqual({ ok: true, setup: false });
    expect(await links.setPasswordWithLink(token, "Sommer2026")).toMatchObject({ ok: false, error: "weak-password" });
    expect(await links.setPasswordWithLink(token, "en helt ny sætning 42")).toEqual({ ok: true, kind: "customer" });
    // Once only.
    expect(await links.setPasswordWithLink(token, "en anden sætning 43")).toEqual({ ok: false, error: "invalid-link" });
    expect(await links.checkPasswordLink(token)).toEqual({ ok: false });
    // The earlier session has ended; the new password works; the address counts as confirmed.
    expect(await principalForSession(c.sessionId)).toBeNull();
    expect((await login(c.email, "en helt ny sætning 42", null)).ok).toBe(true);
    expect((await db.customer.findUniqueOrThrow({ where: { id: c.customerId } })).emailVerifiedAt).not.toBeNull();
  });

  it("a link expires after 30 minutes", async () => {
    const c = await makeCustomer();
    const t0 = new Date();
    await links.requestPasswordLink(c.email, t0);
    const token = linkIn(await sink.waitFor((m) => m.to.includes(c.email)), "/log-ind/ny-adgangskode");
    expect(await links.setPasswordWithLink(token, "en helt ny sætning 44", new Date(t0.getTime() + 30 * 60_000 + 1))).toEqual({
      ok: false,
      error: "invalid-link",
    });
    expect(await links.setPasswordWithLink(token, "en helt ny sætning 44", new Date(t0.getTime() + 29 * 60_000))).toMatchObject({ ok: true });
  });

  it("two concurrent uses of one link: exactly one sets the password", async () => {
    const c = await makeCustomer();
    await links.requestPasswordLink(c.email);
    const token = linkIn(await sink.waitFor((m) => m.to.includes(c.email)), "/log-ind/ny-adgangskode");
    const results = await Promise.all([links.setPasswordWithLink(token, "første sætning 1234"), links.setPasswordWithLink(token, "anden sætning 56789")]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
  });

  it("answers the same for an unknown address, and sends nothing", async () => {
    const before = sink.messages.length;
    const unknown = await links.requestPasswordLink("ingen-konto@example.dk");
    const c = await makeCustomer();
    const known = await links.requestPasswordLink(c.email);
    expect(unknown).toEqual(known);
    await sink.waitFor((m) => m.to.includes(c.email));
    await settle();
    expect(mailsTo("ingen-konto@example.dk")).toHaveLength(0);
    expect(sink.messages.length).toBe(before + 1);
  });

  it("is throttled per address and per account", async () => {
    const c = await makeCustomer();
    const t = new Date();
    for (let i = 0; i < 5; i++) await links.requestPasswordLink(c.email, t);
    expect(await countTo(c.email, links.LINK_LIMITS.perAddress.max)).toBe(links.LINK_LIMITS.perAddress.max);
    // An hour later the address may ask again, until the account's daily limit.
    const later = new Date(t.getTime() + 61 * 60_000);
    for (let i = 0; i < 5; i++) await links.requestPasswordLink(c.email, later);
    expect(await countTo(c.email, links.LINK_LIMITS.perAccount.max)).toBe(links.LINK_LIMITS.perAccount.max);
  });

  it('a shop customer without a portal password (passwordHash "") cannot log in, and gets an Opret adgang link', async () => {
    const c = await makeCustomer();
    await db.customer.update({ where: { id: c.customerId }, data: { passwordHash: "" } });
    expect(await login(c.email, "", null)).toEqual({ ok: false, reason: "invalid" });
    expect(await login(c.email, "hvad-som-helst-1", null)).toEqual(await login("ukendt-helt@example.dk", "hvad-som-helst-1", null));
    await links.requestPasswordLink(c.email);
    const mail = await sink.waitFor((m) => m.to.includes(c.email));
    expect(mail.subject).toBe("Opret adgang til 123multiservice – Dine data");
    const token = linkIn(mail, "/log-ind/ny-adgangskode");
    expect(await links.checkPasswordLink(token)).toEqual({ ok: true, setup: true });
    expect(await links.setPasswordWithLink(token, "min første sætning 7")).toMatchObject({ ok: true });
    expect((await login(c.email, "min første sætning 7", null)).ok).toBe(true);
  });
});

describe("e-mail change only on confirmation (issue 8, 4.4.2)", () => {
  it("the new address gets a link, the old one is told; nothing changes or merges until the link is opened", async () => {
    const c = await makeCustomer();
    const newEmail = `ny-${c.customerNumber}@example.dk`;
    await db.notificationSubscription.create({ data: { email: c.email, productSku: "MINE", productName: "Min vare" } });
    // A guest subscription already on the new address (someone else's, perhaps).
    await db.notificationSubscription.create({ data: { email: newEmail, productSku: "GAEST", productName: "Gæstens vare" } });
    const r = await changeEmail(c, { email: newEmail, currentPassword: c.password });
    expect(r).toEqual({ ok: true, pending: true });
    expect((await db.customer.findUniqueOrThrow({ where: { id: c.customerId } })).email).toBe(c.email);
    const notice = await sink.waitFor((m) => m.to.includes(c.email) && /ved at blive ændret/.test(m.subject));
    expect(notice.text).not.toContain(newEmail);
    const confirm = await sink.waitFor((m) => m.to.includes(newEmail));
    expect(confirm.subject).toBe("Bekræft din e-mailadresse hos 123multiservice");
    // Until confirmed: the old address logs in, the guest row is not the customer's.
    expect((await login(c.email, c.password, null)).ok).toBe(true);
    expect(await db.notificationSubscription.count({ where: { email: newEmail } })).toBe(1);

    const token = linkIn(confirm, "/log-ind/bekraeft-email");
    expect(await links.confirmEmail(token)).toEqual({ ok: true });
    expect(await links.confirmEmail(token)).toEqual({ ok: false, error: "invalid-link" });
    const after = await db.customer.findUniqueOrThrow({ where: { id: c.customerId } });
    expect(after.email).toBe(newEmail);
    expect(after.emailVerifiedAt).not.toBeNull();
    expect((await db.notificationSubscription.findMany({ where: { email: newEmail }, orderBy: { productSku: "asc" } })).map((s) => s.productSku)).toEqual([
      "GAEST",
      "MINE",
    ]);
  });

  it("a taken address: the same answer, and nothing is sent to it", async () => {
    const c = await makeCustomer();
    const owner = await makeCustomer();
    const r = await changeEmail(c, { email: owner.email, currentPassword: c.password });
    expect(r).toEqual({ ok: true, pending: true });
    await sink.waitFor((m) => m.to.includes(c.email) && /ved at blive ændret/.test(m.subject));
    await settle();
    expect(mailsTo(owner.email)).toHaveLength(0);
    expect((await db.customer.findUniqueOrThrow({ where: { id: c.customerId } })).email).toBe(c.email);
  });

  it("without the current password nothing is sent", async () => {
    const c = await makeCustomer();
    const r = await changeEmail(c, { email: `x-${c.customerNumber}@example.dk`, currentPassword: "forkert" });
    expect(r).toMatchObject({ ok: false, error: "wrong-password" });
    await settle();
    expect(mailsTo(`x-${c.customerNumber}@example.dk`)).toHaveLength(0);
  });
});
