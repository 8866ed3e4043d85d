"use server";
import { customerAction, publicAction } from "./safe-action";
import { confirmEmailSchema, requestLinkSchema, setPasswordSchema } from "@/lib/validation/account-links";
import { emptySchema } from "@/lib/validation/consent";
import { confirmEmail, requestEmailConfirmation, requestPasswordLink, setPasswordWithLink } from "@/lib/dal/account-links";

// Issue 8 (ASVS 6.4): customers get in by a link sent to their address.

/** "Glemt adgangskode?" and "Opret adgang": the same answer whether or not the address has an account. */
export const requestPasswordLinkAction = publicAction("account_link.request", requestLinkSchema, async (input) => {
  await requestPasswordLink(input.email);
  return {
    ok: true,
    message:
      "Hvis adressen hører til en kundekonto hos os, har vi sendt en e-mail med et link. Linket virker i 30 minutter. Kommer der ingen e-mail, så tjek, om adressen er den, du har handlet med.",
    audit: { subjectRef: null },
  };
});

/** The page behind the link: choose the password. Every session of the account ends. */
export const setPasswordAction = publicAction("password.set_by_link", setPasswordSchema, async (input) => {
  const r = await setPasswordWithLink(input.token, input.newPassword);
  if (r.ok) return { ok: true, message: "Din adgangskode er gemt. Du kan nu logge ind.", audit: { subjectRef: null } };
  if (r.error === "weak-password") {
    return {
      ok: false,
      message: "Adgangskoden blev ikke gemt.",
      fieldErrors: { newPassword: [r.message] },
      audit: { subjectRef: null, details: { reason: "weak-password" } },
    };
  }
  return {
    ok: false,
    message: "Linket virker ikke længere: det er brugt eller mere end 30 minutter gammelt. Bed om et nyt.",
    audit: { subjectRef: null, details: { reason: "invalid-link" } },
  };
});

/** The confirmation link of an e-mail address (a change, or the current address). */
export const confirmEmailAction = publicAction("email.confirm", confirmEmailSchema, async (input) => {
  const r = await confirmEmail(input.token);
  if (r.ok) return { ok: true, message: "Din e-mailadresse er bekræftet.", audit: { subjectRef: null } };
  return {
    ok: false,
    message:
      r.error === "unavailable"
        ? "E-mailadressen kan ikke bruges til din konto. Din konto bruger fortsat den tidligere adresse."
        : "Linket virker ikke længere: det er brugt eller mere end 30 minutter gammelt.",
    audit: { subjectRef: null, details: { reason: r.error } },
  };
});

/** "Bekræft din e-mailadresse": a link to the account's current, unconfirmed address. */
export const requestEmailConfirmationAction = customerAction("email.confirmation_requested", emptySchema, async (_input, customer) => {
  const r = await requestEmailConfirmation(customer);
  if (!r.ok) return { ok: false, message: "Du har bedt om for mange links. Prøv igen om en time." };
  return { ok: true, message: "Vi har sendt et link til din e-mailadresse. Det virker i 30 minutter." };
});
