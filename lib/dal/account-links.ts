import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db, type Tx } from "./db";
import type { CustomerPrincipal } from "./session";
import { revokeAllSessions } from "./auth";
import { consumeRate } from "./rate-limit";
import { recordAudit } from "./audit";
import { enqueueMail, attemptDelivery } from "./mail-queue";
import { recordOutboundEvent } from "./integration-outbox";
import { hashPassword } from "@/lib/auth/password";
import { checkNewPassword } from "@/lib/auth/password-rules";
import { textToHtml } from "@/lib/mail/render";
import { env } from "@/lib/env";
import { log, pseudonym, errorFields } from "@/lib/log";

// Links sent by e-mail (issue 8, ASVS 6.4): "Glemt adgangskode?", "Opret adgang", a new staff user's first
// password, and the confirmation of an e-mail address. A link is 256 random bits; only its SHA-256 is stored;
// it works once and for 30 minutes. Asking for one answers the same whether or not the address has an account,
// and is throttled per address and per account.

export const LINK_TTL_MS = 30 * 60_000;
/** Per e-mail address asked for, and per account, whatever the address typed (ASVS 6.4.1 / 6.3.1). */
export const LINK_LIMITS = {
  perAddress: { max: 3, windowMs: 60 * 60_000 },
  perAccount: { max: 5, windowMs: 24 * 60 * 60_000 },
} as const;

export type LinkPurpose = "password" | "email";

const sha256 = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

function siteUrl(path: string): string {
  const base = (env.NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/+$/, "");
  return `${base}${path}`;
}

async function createToken(
  tx: Tx | typeof db,
  data: { purpose: LinkPurpose; customerId?: string; staffUserId?: string; newEmail?: string },
  now: Date,
): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await tx.accountToken.create({
    data: { ...data, tokenHash: sha256(token), createdAt: now, expiresAt: new Date(now.getTime() + LINK_TTL_MS) },
  });
  return token;
}

function deliverLater(id: string): void {
  // Not awaited: the answer must not take longer when the address has an account.
  void attemptDelivery(id).catch((e) => log("error", "mail.attempt_failed", { id, ...errorFields(e) }));
}

const SIGNATURE = ["", "Venlig hilsen", "123multiservice"];
const NOT_YOU = "Har du ikke bedt om det, kan du se bort fra denne e-mail. Intet er ændret.";

/**
 * "Glemt adgangskode?" and "Opret adgang" (issue 8): a link to set a password, when the address belongs to a
 * customer. Always resolves the same way; whether a message was queued is only in the audit trail.
 */
export async function requestPasswordLink(emailRaw: string, now: Date = new Date()): Promise<void> {
  const email = emailRaw.trim().toLowerCase();
  const byAddress = await consumeRate(pseudonym("pwlink-addr", email), LINK_LIMITS.perAddress, now);
  const customer = await db.customer.findUnique({ where: { email }, select: { id: true, passwordHash: true } });
  if (!customer) {
    log("info", "account_link.unknown_address", { address: pseudonym("acct", email) });
    return;
  }
  const byAccount = byAddress.ok ? await consumeRate(pseudonym("pwlink-acct", customer.id), LINK_LIMITS.perAccount, now) : byAddress;
  if (!byAddress.ok || !byAccount.ok) {
    log("warn", "account_link.throttled", { actor: `customer:${customer.id}` });
    await recordAudit({ actorType: "system", actorRef: "link-request", subjectRef: customer.id, action: "account_link.throttled" });
    return;
  }
  const setup = customer.passwordHash === "";
  const mailId = await db.$transaction(async (tx) => {
    const token = await createToken(tx, { purpose: "password", customerId: customer.id }, now);
    const link = siteUrl(`/log-ind/ny-adgangskode?token=${token}`);
    const subject = setup ? "Opret adgang til 123multiservice – Dine data" : "Vælg en ny adgangskode til 123multiservice – Dine data";
    const text = [
      "Hej",
      "",
      setup
        ? "Du har bedt om adgang til 123multiservice – Dine data, hvor du kan se, rette, hente og slette de oplysninger, vi har om dig. Åbn linket for at vælge din adgangskode:"
        : "Du har bedt om at vælge en ny adgangskode til 123multiservice – Dine data. Åbn linket for at vælge den:",
      "",
      link,
      "",
      "Linket virker én gang og i 30 minutter. Når du har valgt adgangskoden, bliver du logget ud alle andre steder.",
      "",
      NOT_YOU,
      ...SIGNATURE,
    ].join("\n");
    return enqueueMail(
      { kind: setup ? "account_setup" : "password_reset", subjectRef: customer.id, to: email, subject, text, html: textToHtml(subject, text) },
      tx,
      new Date(),
    );
  });
  await recordAudit({
    actorType: "system",
    actorRef: "link-request",
    subjectRef: customer.id,
    action: setup ? "account_link.setup_sent" : "account_link.reset_sent",
  });
  deliverLater(mailId);
}

export type LinkCheck = { ok: true; setup: boolean } | { ok: false };

/** For the page behind the link: is it still good? (Does not use it: mail scanners open links.) */
export async function checkPasswordLink(token: string, now: Date = new Date()): Promise<LinkCheck> {
  const t = await db.accountToken.findUnique({
    where: { tokenHash: sha256(token) },
    select: { purpose: true, usedAt: true, expiresAt: true, customer: { select: { passwordHash: true } }, staffUser: { select: { passwordHash: true } } },
  });
  if (!t || t.purpose !== "password" || t.usedAt || t.expiresAt <= now) return { ok: false };
  return { ok: true, setup: (t.customer ?? t.staffUser)?.passwordHash === "" };
}

export type SetPasswordResult =
  { ok: true; kind: "customer" | "staff" } | { ok: false; error: "invalid-link" } | { ok: false; error: "weak-password"; message: string };

/** Sets the password through a link: once, within 30 minutes; confirms the address; every session ends. */
export async function setPasswordWithLink(token: string, newPassword: string, now: Date = new Date()): Promise<SetPasswordResult> {
  const tokenHash = sha256(token);
  const t = await db.accountToken.findUnique({
    where: { tokenHash },
    select: {
      id: true,
      purpose: true,
      usedAt: true,
      expiresAt: true,
      customer: { select: { id: true, email: true, name: true } },
      staffUser: { select: { id: true, email: true, name: true } },
    },
  });
  if (!t || t.purpose !== "password" || t.usedAt || t.expiresAt <= now || (!t.customer && !t.staffUser)) return { ok: false, error: "invalid-link" };
  const owner = (t.customer ?? t.staffUser)!;
  const weak = checkNewPassword(newPassword, { email: owner.email, name: owner.name, now });
  if (weak) return { ok: false, error: "weak-password", message: weak };
  const passwordHash = await hashPassword(newPassword);
  const used = await db.$transaction(async (tx) => {
    // Single use, also against two concurrent submissions: only one update finds it unused.
    const r = await tx.accountToken.updateMany({ where: { id: t.id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
    if (r.count !== 1) return false;
    if (t.customer) {
      await tx.customer.update({ where: { id: t.customer.id }, data: { passwordHash, emailVerifiedAt: now, lastActivityAt: now, version: { increment: 1 } } });
      await tx.accountToken.deleteMany({ where: { customerId: t.customer.id, purpose: "password", id: { not: t.id } } });
    } else {
      await tx.staffUser.update({ where: { id: t.staffUser!.id }, data: { passwordHash } });
      await tx.accountToken.deleteMany({ where: { staffUserId: t.staffUser!.id, purpose: "password", id: { not: t.id } } });
    }
    return true;
  });
  if (!used) return { ok: false, error: "invalid-link" };
  // Every other session ends (the person is not logged in here, so that is all of them).
  if (t.customer) await revokeAllSessions({ kind: "customer", customerId: t.customer.id, sessionId: "", name: "", customerNumber: 0 }, now);
  else await revokeAllSessions({ kind: "staff", staffId: t.staffUser!.id, sessionId: "", name: "", role: "support" }, now);
  const ref = t.customer ? t.customer.id : t.staffUser!.id;
  await recordAudit({ actorType: t.customer ? "customer" : "staff", actorRef: ref, subjectRef: t.customer ? ref : null, action: "password.set_by_link" });
  return { ok: true, kind: t.customer ? "customer" : "staff" };
}

/** The customer's address and whether it is confirmed (a link sent to it was opened). */
export async function customerAddress(customer: CustomerPrincipal): Promise<{ email: string; confirmed: boolean } | null> {
  const c = await db.customer.findUnique({ where: { id: customer.customerId }, select: { email: true, emailVerifiedAt: true } });
  return c ? { email: c.email, confirmed: c.emailVerifiedAt !== null } : null;
}

/**
 * An e-mail change (4.4.2, issue 8), called inside changeEmail's transaction (lib/dal/customer.ts) once the
 * current password is verified: the new address gets a confirmation link, the old one is told. Nothing changes
 * until the link is opened. When the new address is taken, nothing is sent to it, and the customer is told exactly the same.
 */
export async function requestEmailChangeInTx(tx: Tx, customer: { id: string; email: string }, newEmail: string, now: Date): Promise<string[]> {
  const taken =
    (await tx.customer.findFirst({ where: { email: newEmail, NOT: { id: customer.id } }, select: { id: true } })) ??
    (await tx.staffUser.findFirst({ where: { email: newEmail }, select: { id: true } }));
  const ids: string[] = [];
  const noticeSubject = "Din e-mailadresse hos 123multiservice er ved at blive ændret";
  const noticeText = [
    "Hej",
    "",
    "Vi har fået en anmodning om at ændre e-mailadressen på din konto hos 123multiservice. Ændringen sker først, når den nye adresse er bekræftet med det link, vi har sendt til den. Indtil da bruger vi fortsat denne adresse.",
    "",
    "Har du ikke selv bedt om det, så log ind og skift din adgangskode, eller skriv til os på " + env.PRIVACY_CONTACT_EMAIL + ".",
    ...SIGNATURE,
  ].join("\n");
  ids.push(
    await enqueueMail(
      {
        kind: "email_change_notice",
        subjectRef: customer.id,
        to: customer.email,
        subject: noticeSubject,
        text: noticeText,
        html: textToHtml(noticeSubject, noticeText),
      },
      tx,
      now,
    ),
  );
  if (!taken) {
    await tx.accountToken.deleteMany({ where: { customerId: customer.id, purpose: "email" } });
    const token = await createToken(tx, { purpose: "email", customerId: customer.id, newEmail }, now);
    ids.push(await enqueueMail(confirmMail(customer.id, newEmail, token, true), tx, now));
  }
  return ids;
}

function confirmMail(customerId: string, to: string, token: string, change: boolean) {
  const subject = "Bekræft din e-mailadresse hos 123multiservice";
  const text = [
    "Hej",
    "",
    change
      ? "Du har bedt om at bruge denne e-mailadresse til din konto hos 123multiservice. Åbn linket for at bekræfte den:"
      : "Bekræft, at denne e-mailadresse er din, så vi kan sende dig din indsigtsrapport og svar på dine anmodninger:",
    "",
    siteUrl(`/log-ind/bekraeft-email?token=${token}`),
    "",
    "Linket virker én gang og i 30 minutter.",
    "",
    NOT_YOU,
    ...SIGNATURE,
  ].join("\n");
  return { kind: change ? "email_change_confirm" : "email_confirm", subjectRef: customerId, to, subject, text, html: textToHtml(subject, text) };
}

/** Delivers the messages of an e-mail change once its transaction has committed. */
export function deliverQueued(ids: string[]): void {
  for (const id of ids) deliverLater(id);
}

/** "Bekræft din e-mailadresse": a link to the current, unconfirmed address (throttled like the other links). */
export async function requestEmailConfirmation(customer: CustomerPrincipal, now: Date = new Date()): Promise<{ ok: boolean }> {
  const c = await db.customer.findUnique({ where: { id: customer.customerId }, select: { id: true, email: true, emailVerifiedAt: true } });
  if (!c || c.emailVerifiedAt) return { ok: true };
  const rate = await consumeRate(pseudonym("emaillink-acct", c.id), LINK_LIMITS.perAddress, now);
  if (!rate.ok) return { ok: false };
  const id = await db.$transaction(async (tx) => {
    await tx.accountToken.deleteMany({ where: { customerId: c.id, purpose: "email" } });
    const token = await createToken(tx, { purpose: "email", customerId: c.id, newEmail: c.email }, now);
    return enqueueMail(confirmMail(c.id, c.email, token, false), tx, new Date());
  });
  deliverLater(id);
  return { ok: true };
}

export type ConfirmEmailResult = { ok: true } | { ok: false; error: "invalid-link" | "unavailable" };

/**
 * Opening the confirmation link: the address becomes the account's (and confirmed). Only now do the customer's
 * "Modtag notifikation" subscriptions follow to it; guest rows already on the new address stay apart (5a).
 */
export async function confirmEmail(token: string, now: Date = new Date()): Promise<ConfirmEmailResult> {
  const t = await db.accountToken.findUnique({
    where: { tokenHash: sha256(token) },
    select: { id: true, purpose: true, usedAt: true, expiresAt: true, newEmail: true, customer: { select: { id: true, email: true } } },
  });
  if (!t || t.purpose !== "email" || t.usedAt || t.expiresAt <= now || !t.customer || !t.newEmail) return { ok: false, error: "invalid-link" };
  const customer = t.customer;
  const newEmail = t.newEmail;
  try {
    const r = await db.$transaction(async (tx) => {
      const used = await tx.accountToken.updateMany({ where: { id: t.id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
      if (used.count !== 1) return "invalid-link" as const;
      if (newEmail === customer.email) {
        await tx.customer.update({ where: { id: customer.id }, data: { emailVerifiedAt: now } });
        return "ok" as const;
      }
      const taken =
        (await tx.customer.findFirst({ where: { email: newEmail, NOT: { id: customer.id } }, select: { id: true } })) ??
        (await tx.staffUser.findFirst({ where: { email: newEmail }, select: { id: true } }));
      if (taken) return "unavailable" as const;
      await tx.customer.update({
        where: { id: customer.id },
        data: { email: newEmail, emailVerifiedAt: now, lastActivityAt: now, profileCorrectedAt: now, version: { increment: 1 } },
      });
      // 5a: the customer's own subscriptions follow; a guest subscription to the same product on the new address wins.
      const mine = await tx.notificationSubscription.findMany({ where: { email: customer.email }, select: { id: true, productSku: true } });
      const theirs = new Set(
        (await tx.notificationSubscription.findMany({ where: { email: newEmail }, select: { productSku: true } })).map((s) => s.productSku),
      );
      for (const s of mine) {
        if (theirs.has(s.productSku)) await tx.notificationSubscription.delete({ where: { id: s.id } });
        else await tx.notificationSubscription.update({ where: { id: s.id }, data: { email: newEmail } });
      }
      // Art. 16 / 19: the recipients of clause 3 hear of the corrected address (issue 9).
      await recordOutboundEvent(tx, { kind: "customer.rectified", customerId: customer.id, fields: { email: newEmail }, occurredAt: now });
      return "ok" as const;
    });
    if (r !== "ok") return { ok: false, error: r };
  } catch (e) {
    if ((e as { code?: string }).code === "P2002") return { ok: false, error: "unavailable" };
    throw e;
  }
  await recordAudit({
    actorType: "customer",
    actorRef: customer.id,
    subjectRef: customer.id,
    action: newEmail === customer.email ? "email.confirmed" : "email.changed",
  });
  return { ok: true };
}

/** Retention: used and expired links go (run by the mail worker). */
export async function purgeAccountTokens(now: Date = new Date()): Promise<number> {
  return (await db.accountToken.deleteMany({ where: { OR: [{ usedAt: { not: null } }, { expiresAt: { lt: now } }] } })).count;
}

/** For staff CLI: a password link for a staff user (30 minutes, single use). Returns the URL. */
export async function createStaffPasswordLink(staffUserId: string, now: Date = new Date()): Promise<string> {
  await db.accountToken.deleteMany({ where: { staffUserId, purpose: "password" } });
  const token = await createToken(db, { purpose: "password", staffUserId }, now);
  return siteUrl(`/log-ind/ny-adgangskode?token=${token}`);
}
