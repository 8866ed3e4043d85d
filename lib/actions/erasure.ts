"use server";
import { customerAction } from "./safe-action";
import { requestIdSchema, startErasureSchema } from "@/lib/validation/erasure";
import { cancelErasure, startErasure } from "@/lib/dal/requests";

/** 4.5 / 4.2.2: start erasure; the customer then signs and returns the PDF. One open request at a time. */
export const startErasureAction = customerAction("erasure.start", startErasureSchema, async (_input, customer) => {
  const r = await startErasure(customer);
  if (!r.ok) {
    return {
      ok: false,
      message: `Du har allerede en anmodning om sletning (${r.requestNumber}), som ikke er afsluttet. Annullér den, eller vent til den er behandlet.`,
      audit: { details: { reason: "already-open" } },
    };
  }
  return {
    ok: true,
    message: `Anmodning ${r.requestNumber} er oprettet. Hent PDF'en, underskriv den og send den til os.`,
    data: { id: r.id },
    audit: { details: { requestNumber: r.requestNumber } },
  };
});

/** The customer cancels while the request waits for the signature. */
export const cancelErasureAction = customerAction("erasure.cancel", requestIdSchema, async (input, customer) => {
  const ok = await cancelErasure(customer, input.id);
  if (!ok) return { ok: false, message: "Anmodningen kan ikke annulleres (den findes ikke, eller den er allerede under behandling)." };
  return { ok: true, message: "Din anmodning om sletning er annulleret. Intet er slettet." };
});
