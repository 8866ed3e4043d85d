"use server";
import { staffAction } from "./safe-action";
import { markDeliveryHandledSchema, retryDeliverySchema } from "@/lib/validation/integration";
import { markDeliveryHandled, retryDelivery } from "@/lib/dal/integration-staff";

// Issue 9 / GDPR art. 19: the dpo sends a failed delivery to a recipient again, or records that the recipient was
// told another way (e.g. by e-mail, for a recipient without an API).

const GONE = "Leveringen findes ikke, eller den er allerede leveret.";

export const retryDeliveryAction = staffAction("delivery.retry", ["dpo"], retryDeliverySchema, async (input, staff) => {
  const ok = await retryDelivery(staff, input.deliveryId);
  if (!ok) return { ok: false, message: GONE };
  return { ok: true, message: "Leveringen sendes igen inden for få sekunder." };
});

export const markDeliveryHandledAction = staffAction("delivery.handled", ["dpo"], markDeliveryHandledSchema, async (input, staff) => {
  const ok = await markDeliveryHandled(staff, input.deliveryId, input.note);
  if (!ok) return { ok: false, message: GONE };
  return { ok: true, message: "Leveringen er markeret som håndteret." };
});
