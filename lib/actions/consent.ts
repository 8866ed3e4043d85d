"use server";
import { customerAction } from "./safe-action";
import { emptySchema, newsletterSchema, reasonSchema, unsubscribeNotificationSchema } from "@/lib/validation/consent";
import { createRightsRequest, objectToDirectMarketing, setNewsletterConsent, unsubscribeNotification, withdrawMarketingObjection } from "@/lib/dal/customer";

/** 4.9 / 2.2.3: one click each way; withdrawal deletes the marketing profile (5.4). */
export const setNewsletterAction = customerAction("newsletter.set", newsletterSchema, async (input, customer) => {
  const r = await setNewsletterConsent(customer, input.subscribe);
  if (r.objects) {
    return {
      ok: false,
      message: "Du har gjort indsigelse mod direkte markedsføring. Tilbagekald indsigelsen først, hvis du vil have nyhedsbrevet.",
    };
  }
  if (!r.changed) {
    return { ok: true, message: input.subscribe ? "Du er allerede tilmeldt nyhedsbrevet." : "Du er allerede afmeldt nyhedsbrevet." };
  }
  return {
    ok: true,
    message: input.subscribe
      ? "Du er tilmeldt nyhedsbrevet. Du kan til enhver tid afmelde dig igen."
      : `Dit samtykke er tilbagekaldt, og du får ikke flere nyhedsbreve.${r.profileDeleted ? " Din markedsføringsprofil er slettet (pkt. 5.4)." : ""}`,
    audit: { details: { subscribe: input.subscribe, profileDeleted: r.profileDeleted } },
  };
});

/** 5a.2: withdraw consent to one "Modtag notifikation". */
export const unsubscribeNotificationAction = customerAction("notification.unsubscribe", unsubscribeNotificationSchema, async (input, customer) => {
  const removed = await unsubscribeNotification(customer, input.id);
  // Another customer's id and an unknown id answer the same.
  if (!removed) return { ok: false, message: "Tilmeldingen findes ikke (måske er den allerede afmeldt)." };
  return { ok: true, message: "Du er afmeldt notifikationen, og din e-mailadresse er slettet fra den." };
});

/** 4.8: objection to the website-improvement processing of 2.1.1. */
export const objectAction = customerAction("objection.create", reasonSchema, async (input, customer) => {
  const r = await createRightsRequest(customer, "objection", input.reason);
  if (!r.ok) return { ok: false, message: "Du har allerede en indsigelse, der er under behandling." };
  return {
    ok: true,
    message: `Din indsigelse er registreret (${r.requestNumber}). Vi registrerer ikke længere din adfærd på hjemmesiden, og vi svarer dig inden for en måned.`,
    audit: { details: { requestNumber: r.requestNumber } },
  };
});

/** 4.6: restriction of processing to storage. */
export const restrictAction = customerAction("restriction.create", reasonSchema, async (input, customer) => {
  const r = await createRightsRequest(customer, "restriction", input.reason);
  if (!r.ok) return { ok: false, message: "Du har allerede en anmodning om begrænsning, der er under behandling." };
  return {
    ok: true,
    message: `Din anmodning er registreret (${r.requestNumber}). Dine oplysninger bliver kun opbevaret, indtil vi har behandlet den.`,
    audit: { details: { requestNumber: r.requestNumber } },
  };
});

/**
 * Art. 21(2)-(3), 2.1.3, 2.2.1: objection to direct marketing incl. profiling. No reason, no staff decision:
 * it takes effect in the same transaction (profile deleted, newsletter stopped, recipients told).
 */
export const objectToMarketingAction = customerAction("objection.direct_marketing", emptySchema, async (_input, customer) => {
  const r = await objectToDirectMarketing(customer);
  if (!r.changed) return { ok: true, message: "Du har allerede gjort indsigelse mod direkte markedsføring." };
  const done = [
    "Vi bruger ikke længere dine køb og din adfærd til markedsføring og sender dig ingen markedsføring.",
    r.profileDeleted ? "Din markedsføringsprofil er slettet." : null,
    r.newsletterWithdrawn ? "Du er afmeldt nyhedsbrevet." : null,
    "Vores samarbejdspartnere om markedsføring får besked.",
  ].filter(Boolean);
  return {
    ok: true,
    message: `Din indsigelse gælder fra nu. ${done.join(" ")}`,
    audit: { details: { profileDeleted: r.profileDeleted, newsletterWithdrawn: r.newsletterWithdrawn } },
  };
});

/** The customer takes back their own objection to direct marketing; nothing restarts without a new consent. */
export const withdrawMarketingObjectionAction = customerAction("objection.direct_marketing.withdraw", emptySchema, async (_input, customer) => {
  const changed = await withdrawMarketingObjection(customer);
  return {
    ok: true,
    message: changed
      ? "Din indsigelse mod direkte markedsføring er tilbagekaldt. Vi genopretter ikke din profil og sender ikke nyhedsbreve, før du selv tilmelder dig."
      : "Du har ingen indsigelse mod direkte markedsføring.",
  };
});
