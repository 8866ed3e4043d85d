"use server";
import { staffAction } from "./safe-action";
import { announceRestrictionLiftSchema, executeErasureSchema, recordSignatureSchema, refuseErasureSchema, resolveRequestSchema } from "@/lib/validation/staff";
import { recordRestrictionLiftNotice, recordSignature, refuseErasure, resolveRequest, restrictionLiftNoticeContact } from "@/lib/dal/requests";
import { executeErasure } from "@/lib/dal/erasure";
import { deliveryText, sendMail, sendMailAfterChange } from "@/lib/mail";
import { registerMailedRequestSchema, sendExportSchema } from "@/lib/validation/staff";
import { completeExportRequest, exportForRequest, registerMailedRequest } from "@/lib/dal/mailed-requests";
import { danishMidnight, STAFF_PERMISSIONS } from "@/lib/policy";
import { formatDate } from "@/lib/format";
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
  return {
    ok: false,
    message: r.error === "not-found" ? NOT_FOUND : "Anmodningen er allerede afgjort.",
    audit: { subjectRef: null, details: { reason: r.error } },
  };
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
    return {
      ok: false,
      message: r.error === "not-found" ? NOT_FOUND : "Anmodningen er allerede afgjort.",
      audit: { subjectRef: null, details: { reason: r.error } },
    };
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
  if (!mailed)
    return {
      ok: false,
      message: "Varslet kunne ikke sendes. Begrænsningen er ikke ophævet; prøv igen.",
      audit: { subjectRef: r.subjectRef, details: { mailed: false } },
    };
  await recordRestrictionLiftNotice(staff, input.requestId);
  return { ok: true, message: "Kunden har fået varsel om, at begrænsningen ophæves. Du kan nu afvise anmodningen.", audit: { subjectRef: r.subjectRef } };
});

/** Issue 10.9 (4.2.3, 4.5.2): a request that came by e-mail or letter enters the queue, due one month after it arrived. */
export const registerMailedRequestAction = staffAction(
  "request.register_mailed",
  STAFF_PERMISSIONS.registerMailedRequest.roles,
  registerMailedRequestSchema,
  async (input, staff) => {
    const [y, m, d] = input.receivedOn.split("-").map(Number);
    const r = await registerMailedRequest(staff, {
      customer: input.customer,
      type: input.type,
      channel: input.channel,
      receivedAt: danishMidnight(y, m, d),
      note: input.note,
    });
    if (!r.ok) {
      const refusal = {
        "no-customer": { field: "customer", message: "Der er ingen kunde med det kundenummer eller den e-mailadresse." },
        "already-open": { field: "type", message: "Kunden har allerede en åben anmodning af den type." },
        future: { field: "receivedOn", message: "Datoen ligger i fremtiden." },
      }[r.error];
      return {
        ok: false,
        message: refusal.message,
        fieldErrors: { [refusal.field]: [refusal.message] },
        audit: { subjectRef: null, details: { reason: r.error } },
      };
    }
    return {
      ok: true,
      message: `Anmodning ${r.requestNumber} er registreret for kunde ${r.customerNumber}. Frist: ${formatDate(r.dueAt)}.`,
      data: { id: r.id, requestNumber: r.requestNumber },
      audit: { subjectRef: r.subjectRef, details: { requestNumber: r.requestNumber, type: input.type, channel: input.channel } },
    };
  },
);

/** 4.3, 4.7: the export goes to the customer's e-mail address as an attachment, and the request is closed. */
export const sendExportAction = staffAction("request.export_sent", STAFF_PERMISSIONS.sendExport.roles, sendExportSchema, async (input, staff) => {
  const r = await exportForRequest(staff, input.requestId);
  if (!r.ok) {
    const message =
      r.error === "not-found"
        ? NOT_FOUND
        : r.error === "wrong-type"
          ? "Kun anmodninger om indsigt eller dataportabilitet besvares med eksporten."
          : "Anmodningen er allerede afsluttet.";
    return { ok: false, message, audit: { subjectRef: null, details: { reason: r.error } } };
  }
  let outcome: Awaited<ReturnType<typeof sendMail>>;
  try {
    outcome = await sendMail({
      kind: "export",
      subjectRef: r.subjectRef,
      to: r.email,
      subject: `Dine personoplysninger (${r.requestNumber})`,
      text: [
        `Kære ${r.name}`,
        "",
        `Som svar på din anmodning ${r.requestNumber} får du her alle de oplysninger, vi har om dig, i filen persondata-${r.requestNumber}.json (Persondatapolitik pkt. 4.3 og 4.7). Filen er i et maskinlæsbart format (JSON), som du kan give videre til en anden virksomhed.`,
        "Du kan også hente den selv, når du er logget ind, under Mine data.",
        "",
        COMPLAINT_LINE,
        "",
        "Venlig hilsen",
        "123multiservice",
      ].join("\n"),
      attachments: [{ filename: `persondata-${r.requestNumber}.json`, content: r.json, contentType: "application/json; charset=utf-8" }],
    });
  } catch (e) {
    log("error", "mail.failed", { kind: "export", ...errorFields(e) });
    return {
      ok: false,
      message: "Eksporten kunne ikke sendes. Anmodningen er stadig åben; prøv igen om lidt.",
      audit: { subjectRef: r.subjectRef, details: { reason: "mail-failed" } },
    };
  }
  if (outcome === "failed") {
    return {
      ok: false,
      message: "Mailserveren afviste eksporten. Anmodningen er stadig åben.",
      audit: { subjectRef: r.subjectRef, details: { reason: "mail-refused" } },
    };
  }
  await completeExportRequest(staff, input.requestId);
  const how =
    outcome === "sent"
      ? "er sendt til kundens e-mailadresse"
      : outcome === "outbox"
        ? "er lagt i demo-udbakken (intet er sendt)"
        : "står i kø og sendes, så snart mailserveren svarer";
  return {
    ok: true,
    message: `Eksporten ${how}, og anmodning ${r.requestNumber} er afsluttet.`,
    audit: { subjectRef: r.subjectRef, details: { delivery: outcome } },
  };
});
