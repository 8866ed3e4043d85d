import * as z from "zod/mini";
import "./zod";
import { freeText } from "./text";

export const newsletterSchema = z.strictObject({
  subscribe: z.boolean({ error: "Vælg til eller fra" }),
});
export type NewsletterInput = z.input<typeof newsletterSchema>;

export const unsubscribeNotificationSchema = z.strictObject({
  id: z.string({ error: "Ukendt notifikation" }).check(z.minLength(1, "Ukendt notifikation"), z.maxLength(64, "Ukendt notifikation")),
});

const reason = freeText("Skriv en begrundelse").check(
  z.minLength(10, "Skriv mindst 10 tegn, så vi kan forstå din begrundelse"),
  z.maxLength(2000, "Højst 2000 tegn"),
);

/** 4.8.1 objection ("særlige grunde") and 4.6.1 restriction (e.g. data believed incorrect) both take a reason. */
export const reasonSchema = z.strictObject({ reason });
export type ReasonInput = z.input<typeof reasonSchema>;

export const emptySchema = z.strictObject({});
