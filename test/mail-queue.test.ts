// Issue 8 (mail) and 10.6 (the person's stored mail after erasure): a real SMTP server in this process
// (smtp-server) receives what the portal sends through nodemailer, exactly as in a configured deployment.
import { afterAll, describe, expect, it } from "vitest";
import { startSmtpSink } from "./support/smtp-sink";

const sink = await startSmtpSink();
process.env.SMTP_URL = sink.url;
afterAll(() => sink.close());

const { db } = await import("@/lib/dal/db");
const { sendMail, queueMail, deliverNow } = await import("@/lib/mail");
const { processMailQueue, purgeMailQueue, listUndeliveredMail, backoffMs } = await import("@/lib/dal/mail-queue");
const { eraseCustomersInTx } = await import("@/lib/dal/erasure");
const { MAIL_QUEUE } = await import("@/lib/policy");
const { makeCustomer } = await import("./support/fixtures");

const row = (id: string) => db.mailMessage.findUniqueOrThrow({ where: { id } });
const lastRow = async () => (await db.mailMessage.findMany({ orderBy: { createdAt: "desc" }, take: 1 }))[0];

describe("mail over SMTP from a durable queue (issue 8)", () => {
  it("arrives at the recipient in Danish, as plain text and HTML, from MAIL_FROM; the queue then keeps no recipient or body", async () => {
    const outcome = await sendMail({
      kind: "test",
      to: "modtager@example.dk",
      subject: "Din indsigtsrapport – æøå",
      text: "Kære Åse\n\nSe https://example.dk/x?a=1&b=2\n\nVenlig hilsen",
    });
    expect(outcome).toBe("sent");
    const m = await sink.waitFor((x) => x.to.includes("modtager@example.dk"));
    expect(m.subject).toBe("Din indsigtsrapport – æøå");
    expect(m.text).toContain("Kære Åse");
    expect(m.html).toContain('lang="da"');
    expect(m.html).toContain('<a href="https://example.dk/x?a=1&amp;b=2">');
    expect(m.headers.from).toContain("privatliv@123multiservice.dk");
    const stored = await lastRow();
    expect(stored).toMatchObject({ status: "sent", toAddress: "", subject: "", text: "", html: "" });
  });

  it("a temporary refusal is retried with backoff by the worker, and a restart loses nothing (the queue is in the database)", async () => {
    sink.failNext(2, 451);
    const t0 = new Date();
    const before = sink.messages.length;
    const outcome = await sendMail({ kind: "test", to: "retry@example.dk", subject: "Forsøg igen", text: "Hej" });
    expect(outcome).toBe("queued");
    const id = (await lastRow()).id;
    expect(await row(id)).toMatchObject({ status: "pending", attempts: 1, toAddress: "retry@example.dk" });
    expect((await row(id)).lastError).toMatch(/451/);
    // Not due yet: nothing happens.
    await processMailQueue(new Date(t0.getTime() + 1000));
    expect((await row(id)).attempts).toBe(1);
    // Due: refused once more, the wait doubles.
    await processMailQueue(new Date(t0.getTime() + backoffMs(1) + 1000));
    expect((await row(id)).attempts).toBe(2);
    expect((await row(id)).nextAttemptAt.getTime()).toBeGreaterThanOrEqual(t0.getTime() + backoffMs(1) + backoffMs(2));
    expect(backoffMs(2)).toBe(2 * backoffMs(1));
    // A "restart": a fresh worker tick at a later time delivers from the database.
    await processMailQueue(new Date(t0.getTime() + backoffMs(1) + backoffMs(2) + 2000));
    expect(await row(id)).toMatchObject({ status: "sent", attempts: 3, toAddress: "" });
    expect(sink.messages.length).toBe(before + 1);
  });

  it("a permanent refusal is given up and shown to staff; only the dpo sees the address (6.2)", async () => {
    sink.failNext(1, 550);
    const outcome = await sendMail({ kind: "access_report", to: "ukendt@example.dk", subject: "Din indsigtsrapport fra 123multiservice", text: "…" });
    expect(outcome).toBe("failed");
    const dpoView = await listUndeliveredMail({ role: "dpo" });
    const mine = dpoView.find((m) => m.to === "ukendt@example.dk");
    expect(mine).toMatchObject({ status: "failed", kind: "access_report", attempts: 1 });
    expect(mine!.lastError).toMatch(/^550/);
    expect(mine!.lastError).not.toContain("ukendt@example.dk");
    const supportView = await listUndeliveredMail({ role: "support" });
    expect(supportView.find((m) => m.id === mine!.id)?.to).toBeNull();
  });

  it("gives up after the policy's number of attempts", async () => {
    sink.failNext(MAIL_QUEUE.maxAttempts + 5, 421);
    await sendMail({ kind: "test", to: "opgiv@example.dk", subject: "x", text: "x" });
    const id = (await lastRow()).id;
    let now = Date.now();
    for (let i = 1; i < MAIL_QUEUE.maxAttempts; i++) {
      now += backoffMs(i) + 1000;
      await processMailQueue(new Date(now));
    }
    expect(await row(id)).toMatchObject({ status: "failed", attempts: MAIL_QUEUE.maxAttempts });
    sink.failNext(0);
  });

  it("queued in the transaction of the change: a rolled-back change sends nothing; a committed change stays when SMTP is down", async () => {
    const c = await makeCustomer();
    await expect(
      db.$transaction(async (tx) => {
        await tx.customer.update({ where: { id: c.customerId }, data: { city: "Aabenraa" } });
        await queueMail({ kind: "test", to: c.email, subject: "Rullet tilbage", text: "x", subjectRef: c.customerId }, tx);
        throw new Error("afbrudt");
      }),
    ).rejects.toThrow("afbrudt");
    expect(await db.mailMessage.count({ where: { subject: "Rullet tilbage" } })).toBe(0);

    sink.failNext(1, 451);
    const id = await db.$transaction(async (tx) => {
      await tx.customer.update({ where: { id: c.customerId }, data: { city: "Tønder" } });
      return queueMail({ kind: "test", to: c.email, subject: "Efter ændringen", text: "x", subjectRef: c.customerId }, tx);
    });
    expect(await deliverNow(id)).toBe("queued");
    expect((await db.customer.findUniqueOrThrow({ where: { id: c.customerId } })).city).toBe("Tønder");
    expect(await row(id)).toMatchObject({ status: "pending" });
  });

  it("the queue's retention follows lib/policy/mail.ts", async () => {
    const now = new Date();
    const old = new Date(now.getTime() - (MAIL_QUEUE.retention.sentMetadataDays + 1) * 86_400_000);
    const oldFailed = new Date(now.getTime() - (MAIL_QUEUE.retention.failedDays + 1) * 86_400_000);
    const a = await db.mailMessage.create({ data: { kind: "t", toAddress: "", subject: "", text: "", html: "", status: "sent", sentAt: old } });
    const b = await db.mailMessage.create({
      data: { kind: "t", toAddress: "x@example.dk", subject: "s", text: "t", html: "h", status: "failed", failedAt: oldFailed },
    });
    const c = await db.mailMessage.create({ data: { kind: "t", toAddress: "", subject: "", text: "", html: "", status: "sent", sentAt: now } });
    await purgeMailQueue(now);
    expect(await db.mailMessage.findUnique({ where: { id: a.id } })).toBeNull();
    expect(await db.mailMessage.findUnique({ where: { id: b.id } })).toBeNull();
    expect(await db.mailMessage.findUnique({ where: { id: c.id } })).not.toBeNull();
  });
});

describe("erasure leaves none of the person's mail readable (issue 10.6, 4.5)", () => {
  it("queued, undelivered and given-up messages of the person are deleted in the erasure; another customer's stay", async () => {
    const c = await makeCustomer({ name: "Slet Mig Ærlig" });
    const other = await makeCustomer();
    sink.failNext(2, 451);
    await sendMail({ kind: "access_report", to: c.email, subject: "Din indsigtsrapport", text: "Slet Mig Ærlig, Testvej 1", subjectRef: c.customerId });
    await sendMail({ kind: "access_report", to: other.email, subject: "Din indsigtsrapport", text: "Den anden", subjectRef: other.customerId });
    // Queued to the address without a reference (e.g. before the account was linked) goes too.
    await db.mailMessage.create({
      data: { kind: "t", toAddress: c.email, subject: "s", text: "Slet Mig Ærlig", html: "h", status: "failed", failedAt: new Date() },
    });
    await db.$transaction((tx) => eraseCustomersInTx(tx, [c.customerId], new Date()));
    const left = await db.mailMessage.findMany({ where: { OR: [{ subjectRef: c.customerId }, { toAddress: c.email }, { text: { contains: "Slet Mig" } }] } });
    expect(left).toEqual([]);
    expect(await db.mailMessage.count({ where: { subjectRef: other.customerId } })).toBe(1);
  });
});
