import "server-only";
import { changeOwnPassword, type PasswordChangeResult } from "./password-change";
import { deliverQueued, requestEmailChangeInTx } from "./account-links";
import { db, type Tx } from "./db";
import type { CustomerPrincipal } from "./session";
import { checkCurrentPassword } from "./auth";
import { NEWSLETTER_CONSENT, requestDueDate } from "@/lib/policy";
import type { ProfileInput } from "@/lib/validation/profile";
import type { ChangeEmailInput } from "@/lib/validation/email-change";
import { nextRequestNumber } from "./requests";
import { recordOutboundEvent, RECTIFIABLE_FIELDS } from "./integration-outbox";

// Everything a customer reads or changes about themselves. Every query names the session's customer
// in its where clause; the principal comes from lib/dal/session.ts, never from input.

export interface Profile {
  customerNumber: number;
  name: string;
  street: string;
  postalCode: string;
  city: string;
  country: string;
  email: string;
  phone: string | null;
  createdAt: Date;
  lastActivityAt: Date;
  version: number;
  processingRestricted: boolean;
  objectsToAnalytics: boolean;
  /** Art. 21(2)-(3): since when the customer objects to direct marketing (null: no objection). */
  objectsToMarketingAt: Date | null;
}

export const profileSelect = {
  customerNumber: true,
  name: true,
  street: true,
  postalCode: true,
  city: true,
  country: true,
  email: true,
  phone: true,
  createdAt: true,
  lastActivityAt: true,
  version: true,
  processingRestricted: true,
  objectsToAnalytics: true,
  objectsToMarketingAt: true,
} as const;

export async function getProfile(c: CustomerPrincipal): Promise<Profile | null> {
  return db.customer.findUnique({ where: { id: c.customerId }, select: profileSelect });
}

export interface NewsletterState {
  subscribed: boolean;
  since: Date | null;
}

export async function getNewsletterState(c: CustomerPrincipal): Promise<NewsletterState> {
  const last = await db.consentEvent.findFirst({
    where: { customerId: c.customerId, purpose: "newsletter" },
    orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
    select: { action: true, occurredAt: true },
  });
  return { subscribed: last?.action === "given", since: last?.occurredAt ?? null };
}

export type ProfileUpdateResult = { ok: true; profile: Profile; changed: string[] } | { ok: false; error: "conflict" | "gone" };

/**
 * 4.4.2: the customer corrects their own name, address and phone. Optimistic concurrency: the change applies only to
 * the version the form was based on, so a concurrent edit is reported, never silently overwritten. Issued invoices
 * keep the name and address they were issued with (5.2). The e-mail address changes through changeEmail.
 */
export async function updateProfile(c: CustomerPrincipal, input: ProfileInput, now: Date = new Date()): Promise<ProfileUpdateResult> {
  const current = await db.customer.findUnique({ where: { id: c.customerId }, select: profileSelect });
  if (!current) return { ok: false, error: "gone" };
  if (current.version !== input.version) return { ok: false, error: "conflict" };

  const next = {
    name: input.name,
    street: input.street,
    postalCode: input.postalCode,
    city: input.city,
    country: input.country,
    phone: input.phone || null,
  };
  const changed = (Object.keys(next) as (keyof typeof next)[]).filter((k) => next[k] !== current[k]);
  if (changed.length === 0) {
    return { ok: true, profile: current, changed };
  }

  const updated = await db.$transaction(async (tx) => {
    const r = await tx.customer.updateMany({
      where: { id: c.customerId, version: input.version },
      data: { ...next, version: { increment: 1 }, lastActivityAt: now, profileCorrectedAt: now },
    });
    if (r.count !== 1) return null;
    // Art. 16 / 19: the recipients of clause 3 hear of the correction, in this transaction (issue 9).
    await recordOutboundEvent(tx, {
      kind: "customer.rectified",
      customerId: c.customerId,
      fields: Object.fromEntries(changed.filter((k) => (RECTIFIABLE_FIELDS as readonly string[]).includes(k)).map((k) => [k, next[k]])),
      occurredAt: now,
    });
    return tx.customer.findUnique({ where: { id: c.customerId }, select: profileSelect });
  });
  if (!updated) return { ok: false, error: "conflict" };
  return { ok: true, profile: updated, changed };
}

export type EmailChangeResult =
  { ok: true; pending: boolean } | { ok: false; error: "wrong-password" | "gone" } | { ok: false; error: "throttled"; retryAt: Date };

/**
 * 4.4.2 and issue 8: a new e-mail address, with the current password (issue 11 item 2: the same throttle as a
 * login). The address changes only when the link sent to it is opened (lib/dal/account-links.ts); whether it is
 * taken is not revealed, so there is no "taken" answer here. The address the account already has: nothing to do.
 */
export async function changeEmail(c: CustomerPrincipal, input: ChangeEmailInput, now: Date = new Date()): Promise<EmailChangeResult> {
  const current = await db.customer.findUnique({ where: { id: c.customerId }, select: { email: true } });
  if (!current) return { ok: false, error: "gone" };
  // The password is checked by checkCurrentPassword (lib/dal/auth.ts); the hash is not read here.
  const checked = await checkCurrentPassword(c, input.currentPassword, now);
  if (!checked.ok) return checked.reason === "throttled" ? { ok: false, error: "throttled", retryAt: checked.retryAt } : { ok: false, error: "wrong-password" };
  if (input.email === current.email) return { ok: true, pending: false };
  // A link to the new address, a notice to the old one; the subscriptions follow on confirmation (5a). The request
  // is activity (5.1); the address, the version and the recipients of clause 3 change when the link is opened.
  const mailIds = await db.$transaction(async (tx) => {
    await tx.customer.update({ where: { id: c.customerId }, data: { lastActivityAt: now } });
    return requestEmailChangeInTx(tx, { id: c.customerId, email: current.email }, input.email, now);
  });
  deliverQueued(mailIds);
  return { ok: true, pending: true };
}

/** The customer changes their own password (ASVS 6.2.3): lib/dal/password-change.ts. */
export function changePassword(c: CustomerPrincipal, currentPassword: string, newPassword: string, now: Date = new Date()): Promise<PasswordChangeResult> {
  return changeOwnPassword(c, currentPassword, newPassword, now);
}

export interface ConsentEventView {
  action: "given" | "withdrawn";
  occurredAt: Date;
  channel: string;
  wordingVersion: string;
}

export async function getConsentHistory(c: CustomerPrincipal): Promise<ConsentEventView[]> {
  return db.consentEvent.findMany({
    where: { customerId: c.customerId, purpose: "newsletter" },
    orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
    select: { action: true, occurredAt: true, channel: true, wordingVersion: true },
  });
}

/**
 * 4.9 / 2.2.3: give or withdraw newsletter consent. Each change appends an event (never updates one).
 * Withdrawal deletes the marketing profile collected for the newsletter (5.4). Repeating the current
 * state appends nothing.
 */
export async function setNewsletterConsent(
  c: CustomerPrincipal,
  subscribe: boolean,
  now: Date = new Date(),
): Promise<{ changed: boolean; profileDeleted: boolean; objects?: true }> {
  return db.$transaction(async (tx) => {
    const last = await tx.consentEvent.findFirst({
      where: { customerId: c.customerId, purpose: "newsletter" },
      orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
      select: { action: true },
    });
    const isSubscribed = last?.action === "given";
    if (isSubscribed === subscribe) return { changed: false, profileDeleted: false };
    if (subscribe) {
      // Art. 21(3): while the objection to direct marketing stands, no newsletter; the customer withdraws it first.
      const me = await tx.customer.findUnique({ where: { id: c.customerId }, select: { objectsToMarketingAt: true } });
      if (me?.objectsToMarketingAt) return { changed: false, profileDeleted: false, objects: true };
    }
    await tx.consentEvent.create({
      data: {
        customerId: c.customerId,
        purpose: "newsletter",
        action: subscribe ? "given" : "withdrawn",
        occurredAt: now,
        channel: "selvbetjening",
        wordingVersion: NEWSLETTER_CONSENT.version,
      },
    });
    await recordOutboundEvent(tx, {
      kind: subscribe ? "newsletter.consent_given" : "newsletter.consent_withdrawn",
      customerId: c.customerId,
      occurredAt: now,
    });
    let profileDeleted = false;
    if (!subscribe) {
      const r = await tx.marketingProfile.deleteMany({ where: { customerId: c.customerId } });
      profileDeleted = r.count > 0;
    }
    await tx.customer.update({ where: { id: c.customerId }, data: { lastActivityAt: now } });
    return { changed: true, profileDeleted };
  });
}

export interface NotificationView {
  id: string;
  productSku: string;
  productName: string;
  createdAt: Date;
  notifiedAt: Date | null;
}

async function customerEmail(c: CustomerPrincipal): Promise<string | null> {
  const row = await db.customer.findUnique({ where: { id: c.customerId }, select: { email: true } });
  return row?.email ?? null;
}

/** 5a.1: subscriptions hold only an e-mail and a product; the customer's are those for their e-mail. */
export async function listNotifications(c: CustomerPrincipal): Promise<NotificationView[]> {
  const email = await customerEmail(c);
  if (!email) return [];
  return db.notificationSubscription.findMany({
    where: { email },
    orderBy: { createdAt: "desc" },
    select: { id: true, productSku: true, productName: true, createdAt: true, notifiedAt: true },
  });
}

/** 5a.2: withdraw consent to one notification. An id that is not the customer's answers exactly like an unknown id. */
export async function unsubscribeNotification(c: CustomerPrincipal, id: string): Promise<boolean> {
  const email = await customerEmail(c);
  if (!email) return false;
  return db.$transaction(async (tx) => {
    const sub = await tx.notificationSubscription.findFirst({ where: { id, email }, select: { externalId: true, productSku: true } });
    if (!sub) return false;
    const r = await tx.notificationSubscription.deleteMany({ where: { id, email } });
    if (r.count !== 1) return false;
    await recordOutboundEvent(tx, {
      kind: "notification.unsubscribed",
      customerId: c.customerId,
      subscription: { externalId: sub.externalId, email, productSku: sub.productSku },
    });
    return true;
  });
}

export type RightsRequestResult = { ok: true; requestNumber: string } | { ok: false; error: "already-open" };

/**
 * 4.8: objection to the website-improvement processing of 2.1.1, and 4.6: restriction to storage.
 * Both take effect on the account at once and go to the staff queue with the reason given.
 */
export async function createRightsRequest(
  c: CustomerPrincipal,
  type: "objection" | "restriction",
  reason: string,
  now: Date = new Date(),
): Promise<RightsRequestResult> {
  return db.$transaction(async (tx) => {
    const open = await tx.privacyRequest.findFirst({
      where: { customerId: c.customerId, type, status: { in: ["open", "awaiting_signature", "signature_received"] } },
      select: { id: true },
    });
    if (open) return { ok: false as const, error: "already-open" as const };
    const requestNumber = await nextRequestNumber(tx, type, now);
    const created = await tx.privacyRequest.create({
      data: {
        requestNumber,
        customerId: c.customerId,
        subjectRef: c.customerId,
        type,
        status: "open",
        reason,
        createdAt: now,
        dueAt: requestDueDate(now),
      },
      select: { id: true },
    });
    await recordOutboundEvent(tx, {
      kind: type === "objection" ? "objection.registered" : "restriction.started",
      customerId: c.customerId,
      requestId: created.id,
      occurredAt: now,
    });
    await tx.customer.update({
      where: { id: c.customerId },
      data: type === "objection" ? { objectsToAnalytics: true, lastActivityAt: now } : { processingRestricted: true, lastActivityAt: now },
    });
    return { ok: true as const, requestNumber };
  });
}

/**
 * Recording website behaviour (2.1.1) for a customer, as the webshop's tracking integration calls it.
 * Nothing is recorded after an objection (4.8) or while processing is restricted to storage (4.6).
 */
export async function recordWebsiteEvent(
  customerId: string,
  event: {
    kind: "page_view" | "search" | "product_click";
    path?: string;
    searchTerm?: string;
    productSku?: string;
    browser: string;
    device: string;
    ipAddress: string;
  },
  now: Date = new Date(),
): Promise<boolean> {
  const customer = await db.customer.findUnique({ where: { id: customerId }, select: { objectsToAnalytics: true, processingRestricted: true } });
  if (!customer || customer.objectsToAnalytics || customer.processingRestricted) return false;
  await db.websiteEvent.create({ data: { customerId, occurredAt: now, ...event } });
  return true;
}

// ---------------------------------------------------------------- objection to direct marketing (art. 21(2)-(3))

/** Consent events written by the objection itself, so the history says why the newsletter stopped. */
export const MARKETING_OBJECTION_CHANNEL = "indsigelse mod direkte markedsføring";

export type MarketingObjectionResult = { changed: boolean; profileDeleted: boolean; newsletterWithdrawn: boolean };

/**
 * Art. 21(2)-(3): the customer objects to direct marketing, including the profiling from purchases and
 * behaviour of 2.1.3 and 2.2.1. Unconditional: no reason, no staff decision, in force at once, all in one
 * transaction: the objection is recorded, the marketing profile deleted, a newsletter consent withdrawn
 * (the newsletter of 2.2.3 is individualised direct marketing), and the recipients that hold behaviour
 * data (lib/policy/recipients.ts) are told through the outbox. The objection to website improvement
 * (4.8, art. 21(1)) is a different right and keeps its balancing test (createRightsRequest).
 */
export async function objectToDirectMarketing(c: CustomerPrincipal, now: Date = new Date()): Promise<MarketingObjectionResult> {
  return db.$transaction(async (tx) => {
    const me = await tx.customer.findUnique({ where: { id: c.customerId }, select: { objectsToMarketingAt: true } });
    if (!me || me.objectsToMarketingAt) return { changed: false, profileDeleted: false, newsletterWithdrawn: false };
    await tx.customer.update({ where: { id: c.customerId }, data: { objectsToMarketingAt: now, lastActivityAt: now } });
    const profile = await tx.marketingProfile.deleteMany({ where: { customerId: c.customerId } });
    const last = await tx.consentEvent.findFirst({
      where: { customerId: c.customerId, purpose: "newsletter" },
      orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
      select: { action: true },
    });
    const newsletterWithdrawn = last?.action === "given";
    if (newsletterWithdrawn) {
      await tx.consentEvent.create({
        data: {
          customerId: c.customerId,
          purpose: "newsletter",
          action: "withdrawn",
          occurredAt: now,
          channel: MARKETING_OBJECTION_CHANNEL,
          wordingVersion: NEWSLETTER_CONSENT.version,
        },
      });
      await recordOutboundEvent(tx, { kind: "newsletter.consent_withdrawn", customerId: c.customerId, occurredAt: now });
    }
    await recordOutboundEvent(tx, { kind: "objection.direct_marketing", customerId: c.customerId, occurredAt: now });
    return { changed: true, profileDeleted: profile.count > 0, newsletterWithdrawn };
  });
}

/**
 * The customer withdraws their own objection to direct marketing. Nothing restarts by itself: no profile is
 * rebuilt from the past, and the newsletter needs a new consent (4.9). The recipients that were told of the
 * objection hear of its withdrawal in the same transaction (outbox), so the customer's choice reaches them too.
 */
export async function withdrawMarketingObjection(c: CustomerPrincipal, now: Date = new Date()): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const r = await tx.customer.updateMany({
      where: { id: c.customerId, objectsToMarketingAt: { not: null } },
      data: { objectsToMarketingAt: null, lastActivityAt: now },
    });
    if (r.count !== 1) return false;
    await recordOutboundEvent(tx, { kind: "objection.direct_marketing_withdrawn", customerId: c.customerId, occurredAt: now });
    return true;
  });
}

/**
 * Art. 21(3): whether the customer's purchases and behaviour may be used for direct marketing (a marketing
 * profile built, a newsletter individualised, behaviour passed on to a marketing recipient). Every code path
 * that does so asks this first, in its own transaction where it has one.
 */
export async function mayUseForDirectMarketing(tx: Pick<Tx, "customer">, customerId: string): Promise<boolean> {
  const row = await tx.customer.findUnique({ where: { id: customerId }, select: { objectsToMarketingAt: true, processingRestricted: true } });
  return !!row && row.objectsToMarketingAt === null && !row.processingRestricted;
}
