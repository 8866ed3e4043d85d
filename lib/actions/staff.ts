"use server";
import { staffAction } from "./safe-action";
import { executeErasureSchema, recordSignatureSchema, resolveRequestSchema } from "@/lib/validation/staff";
import { recordSignature, resolveRequest } from "@/lib/dal/requests";
import { executeErasure } from "@/lib/dal/erasure";
import { sendMailAfterChange } from "@/lib/mail";
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
    const mailed = await sendMailAfterChange({
      to: r.notify.email,
      subject: `Dine personoplysninger er slettet (${r.notify.requestNumber})`,
      text: [
        `Kære ${r.notify.name}`,
        "",
        `Vi har gennemført din anmodning ${r.notify.requestNumber} om sletning (Persondatapolitik pkt. 4.5). Din konto og dine oplysninger er slettet.`,
        `Vi gemmer uden kobling til dig ${r.summary.ordersKept} ordrer og ${r.summary.invoicesKept} fakturaer, som bogføringsloven kræver (pkt. 4.5.1, 5.2, 5.3).`,
        "",
        "Venlig hilsen",
        "123multiservice",
      ].join("\n"),
    });
    return {
      ok: true,
      message: `Sletningen er gennemført. ${r.summary.ordersKept} ordrer og ${r.summary.invoicesKept} fakturaer er beholdt uden kobling til personen.${
        mailed ? " Kunden har fået en kvittering." : " Kvitteringen til kunden kunne ikke sendes."
      }`,
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
  return { ok: false, message: r.error === "not-found" ? NOT_FOUND : "Anmodningen er allerede afgjort.", audit: { subjectRef: null, details: { reason: r.error } } };
});
