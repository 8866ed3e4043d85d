"use server";
import { staffAction } from "./safe-action";
import { announceRestrictionLiftSchema, executeErasureSchema, recordSignatureSchema, refuseErasureSchema, resolveRequestSchema } from "@/lib/validation/staff";
import { recordRestrictionLiftNotice, recordSignature, refuseErasure, resolveRequest, restrictionLiftNoticeContact } from "@/lib/dal/requests";
import { executeErasure } from "@/lib/dal/erasure";
import { deliveryText, sendMail, sendMailAfterChange } from "@/lib/mail";
import { log, errorFields } from "@/lib/log";
import { COMPLAINT_LINE } from "@/lib/policy";

// Staff actions (6.2): support may register a returned, signed document; only the dpo carries out
// erasure and decides objections and restrictions. Every one is audited by the wrapper.

const NOT_FOUND = "Anmodningen findes ikke.";

/** 4.2.2: the signed PDF arrived and its verification code matches. */
export const recordSignatureAction = staffAction("erasure.signature_recorded", ["support", "dpo"], recordSignatureSchema, async (input, staff) => {
  const r = await recordSignature(staff, input.requestId, input.code);
  if (r.ok) return { ok: true, message: "Underskriften er registreret. Sletningen kan nu gennemføres.", audit: { subjectRef: r.subjectRef } };
  if (r.error === "code-mismatch") {
    return {
      ok: false,
      message: "Koden passer ikke til anmodningen. Kontrollér dokumentet.",
      fieldErrors: { code: ["Koden passer ikke til denne anmodning"] },
      audit: { subjectRef: null, details: { reason: "code-mismatch" } },
    };
  }
  return {
    ok: false,
    message: r.error === "not-found" ? NOT_FOUND : "Anmodningen venter ikke på en underskrift.",
    audit: { subjectRef: null, details: { reason: r.error } },
  };
});

/** 4.5: carry out the erasure, keeping only what bookkeeping requires (5.2). */
export const executeErasureAction = staffAction("erasure.execute", ["dpo"], executeErasureSchema, async (input, staff) => {
  const r = await executeErasure(staff, input.requestId);
  if (r.ok) {
    // The confirmation promised on /konto/sletning, sent to the address the customer had.
    // The receipt names no one (the account is gone; only the address it goes to is held until delivery).
    const receipt = await sendMail({
      kind: "erasure_receipt",
      subjectRef: r.subjectRef,
      to: r.notify.email,
      subject: `Dine personoplysninger er slettet (${r.notify.requestNumber})`,
      text: [
        "Hej",
        "",
        `Vi har gennemført din anmodning ${r.notify.requestNumber} om sletning (Persondatapolitik pkt. 4.5). Din konto og dine øvrige oplysninger er slettet.`,
        `Det, loven kræver, at vi gemmer, er ikke slettet: ${r.summary.invoicesKept} fakturaer med dit navn og din adresse, som de blev udstedt (bogføringsloven, pkt. 5.2), og ${r.summary.ordersKept} ordrer uden navn, adresse og IP-adresse (pkt. 4.5.1, 5.3). De slettes eller anonymiseres automatisk på deres datoer.`,
        "",
        "Venlig hilsen",
        "123multiservice",
      ].join("\n"),
    }).catch((e) => {
      log("error", "mail.not_queued", { kind: "erasure_receipt", ...errorFields(e) });
      return "failed" as const;
    });
    const receiptText = deliveryText(receipt, "kvitteringen til kunden", "Kunden har fået en kvittering.");
    return {
      ok: true,
      message: `Sletningen er gennemført. Beholdt: ${r.summary.ordersKept} ordrer uden personoplysninger og ${r.summary.invoicesKept} fakturaer med navn og adresse som udstedt, uden kobling til kontoen. ${receiptText}`,
      audit: { subjectRef: r.subjectRef, details: { ordersKept: r.summary.ordersKept, invoicesKept: r.summary.invoicesKept } },
    };
  }
  return {
    ok: false,
    message: r.error === "not-found" ? NOT_FOUND : "Sletningen kan først gennemføres, når den underskrevne anmodning er registreret.",
    audit: { subjectRef: null, details: { reason: r.error } },
  };
});

/** 4.6 / 4.8: decide a restriction or an objection. */
export const resolveRequestAction = staffAction("request.resolve", ["dpo"], resolveRequestSchema, async (input, staff) => {
  const r = await resolveRequest(staff, input.requestId, input.decision, input.resolution);
  if (r.ok) {
    if (r.notify) {
      await sendMailAfterChange({
        kind: "request_decision",
        subjectRef: r.subjectRef,
        to: r.notify.email,
        subject: `Svar på din anmodning ${r.notify.requestNumber}`,
        text: [
          `Kære ${r.notify.name}`,
          "",
          `Din anmodning ${r.notify.requestNumber} er ${input.decision === "completed" ? "imødekommet" : "afvist"}.`,
          "",
          input.resolution,
          "",
          COMPLAINT_LINE,
          "",
          "Venlig hilsen",
          "123multiservice",
        ].join("\n"),
      });
    }
    return {
      ok: true,
      message: input.decision === "completed" ? "Anmodningen er imødekommet." : "Anmodningen er afvist, og markeringen på kontoen er fjernet.",
      audit: { subjectRef: r.subjectRef, details: { decision: input.decision } },
    };
  }
  if (r.error === "notice-required") {
    return {
      ok: false,
      message: "Kunden skal have besked, før begrænsningen ophæves (art. 18, stk. 3). Send først varslet om ophævelse.",
      fieldErrors: { decision: ["Send først varslet til kunden"] },
      audit: { subjectRef: null, details: { reason: r.error } },
    };
  }
  return { ok: false, message: r.error === "not-found" ? NOT_FOUND : "Anmodningen er allerede afgjort.", audit: { subjectRef: null, details: { reason: r.error } } };
});

/** Art. 12(4): refuse an erasure with the reasons; the customer is told them and how to complain (4.10). */
export const refuseErasureAction = staffAction("erasure.refuse", ["dpo"], refuseErasureSchema, async (input, staff) => {
  const r = await refuseErasure(staff, input.requestId, input.reasons);
  if (!r.ok) {
    return {
      ok: false,
      message: r.error === "not-found" ? NOT_FOUND : "Anmodningen er allerede afgjort.",
      audit: { subjectRef: null, details: { reason: r.error } },
    };
  }
  const mailed = r.notify
    ? await sendMailAfterChange({
        to: r.notify.email,
        subject: `Svar på din anmodning om sletning ${r.notify.requestNumber}`,
        text: [
          `Kære ${r.notify.name}`,
          "",
          `Vi kan ikke imødekomme din anmodning ${r.notify.requestNumber} om sletning (Persondatapolitik pkt. 4.5). Begrundelsen er:`,
          "",
          input.reasons,
          "",
          "Intet er slettet. Du kan indbringe afgørelsen for domstolene, og " + COMPLAINT_LINE.charAt(0).toLowerCase() + COMPLAINT_LINE.slice(1),
          "",
          "Venlig hilsen",
          "123multiservice",
        ].join("\n"),
      })
    : false;
  return {
    ok: true,
    message: `Anmodningen er afvist.${mailed ? " Kunden har fået begrundelsen og klagevejledningen." : " Beskeden til kunden kunne ikke sendes."}`,
    audit: { subjectRef: r.subjectRef },
  };
});

/** Art. 18(3): tell the customer that the restriction will be lifted, and why; only then can it be lifted. */
export const announceRestrictionLiftAction = staffAction("restriction.lift_announced", ["dpo"], announceRestrictionLiftSchema, async (input, staff) => {
  const r = await restrictionLiftNoticeContact(staff, input.requestId);
  if (!r.ok) {
    return { ok: false, message: r.error === "not-found" ? NOT_FOUND : "Anmodningen er allerede afgjort.", audit: { subjectRef: null, details: { reason: r.error } } };
  }
  const mailed = await sendMailAfterChange({
    to: r.notify.email,
    subject: `Vi ophæver begrænsningen af dine oplysninger (${r.notify.requestNumber})`,
    text: [
      `Kære ${r.notify.name}`,
      "",
      `Du bad os begrænse behandlingen af dine personoplysninger til opbevaring (anmodning ${r.notify.requestNumber}, pkt. 4.6). Vi har vurderet sagen og vil ophæve begrænsningen. Begrundelsen er:`,
      "",
      input.reasons,
      "",
      `Begrænsningen gælder, indtil vi har truffet afgørelsen; du får svar. Er du uenig, så skriv til os, før vi ophæver den. ${COMPLAINT_LINE}`,
      "",
      "Venlig hilsen",
      "123multiservice",
    ].join("\n"),
  });
  if (!mailed) return { ok: false, message: "Varslet kunne ikke sendes. Begrænsningen er ikke ophævet; prøv igen.", audit: { subjectRef: r.subjectRef, details: { mailed: false } } };
  await recordRestrictionLiftNotice(staff, input.requestId);
  return { ok: true, message: "Kunden har fået varsel om, at begrænsningen ophæves. Du kan nu afvise anmodningen.", audit: { subjectRef: r.subjectRef } };
});
