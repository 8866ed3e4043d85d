"use server";
import { redirect } from "next/navigation";
import { customerAction } from "./safe-action";
import { profileSchema } from "@/lib/validation/profile";
import { changePasswordSchema } from "@/lib/validation/auth";
import { emptySchema } from "@/lib/validation/consent";
import { changePassword, updateProfile } from "@/lib/dal/customer";
import { clearSessionCookies, endSession, LOGGED_OUT_PATH, tooManyAttempts } from "./session-cookies";
import { revokeAllSessions } from "@/lib/dal/auth";

/** 4.4.2: correct name, address, phone and e-mail. */
export const updateProfileAction = customerAction("profile.update", profileSchema, async (input, customer) => {
  const r = await updateProfile(customer, input);
  if (r.ok) {
    return {
      ok: true,
      message: r.emailPending
        ? `${r.changed.length > 1 ? "Dine øvrige oplysninger er gemt. " : ""}Vi har sendt et link til den nye e-mailadresse. Adressen ændres, når du åbner linket (det virker i 30 minutter); indtil da bruger vi den nuværende, og den har fået besked.`
        : r.changed.length
          ? "Dine oplysninger er gemt."
          : "Der var ingen ændringer at gemme.",
      data: { version: r.profile.version },
      audit: { details: { fields: r.changed } },
    };
  }
  switch (r.error) {
    case "conflict":
      return {
        ok: false,
        message:
          "Dine oplysninger er blevet ændret et andet sted, siden du åbnede siden. Dine indtastninger er ikke gemt endnu: genindlæs siden for at se de nyeste oplysninger, og ret dem igen.",
        audit: { details: { reason: "conflict" } },
      };
    case "wrong-password": {
      // One message, not two that disagree (issue 13.5): empty and wrong are told apart.
      const message = input.currentPassword
        ? "Adgangskoden er forkert, så e-mailadressen er ikke ændret."
        : "Skriv din nuværende adgangskode for at ændre e-mailadressen.";
      return {
        ok: false,
        message,
        fieldErrors: { currentPassword: [message] },
        audit: { details: { reason: "wrong-password" } },
      };
    }
    case "throttled":
      return {
        ok: false,
        message: tooManyAttempts(r.retryAt),
        fieldErrors: { currentPassword: [tooManyAttempts(r.retryAt)] },
        audit: { details: { reason: "throttled" } },
      };
    case "email-taken":
      return {
        ok: false,
        message: "E-mailadressen kan ikke bruges.",
        fieldErrors: { email: ["Denne e-mailadresse kan ikke bruges. Vælg en anden"] },
        audit: { details: { reason: "email-taken" } },
      };
    default:
      return { ok: false, message: "Kontoen findes ikke længere." };
  }
});

/** ASVS 6.2.3: needs the current password; all sessions end, including this one (7.4.3). */
export const changePasswordAction = customerAction("password.change", changePasswordSchema, async (input, customer) => {
  const r = await changePassword(customer, input.currentPassword, input.newPassword);
  if (!r.ok && r.error === "throttled") {
    return {
      ok: false,
      message: "Adgangskoden blev ikke ændret.",
      fieldErrors: { currentPassword: [tooManyAttempts(r.retryAt)] },
      audit: { details: { reason: "throttled" } },
    };
  }
  if (!r.ok && r.error === "weak-password") {
    return {
      ok: false,
      message: "Adgangskoden blev ikke ændret.",
      fieldErrors: { newPassword: [r.message] },
      audit: { details: { reason: "weak-password" } },
    };
  }
  if (!r.ok) {
    return {
      ok: false,
      message: "Adgangskoden blev ikke ændret.",
      fieldErrors: { currentPassword: ["Den nuværende adgangskode er forkert"] },
      audit: { details: { reason: "wrong-password" } },
    };
  }
  await clearSessionCookies();
  return { ok: true, message: "Din adgangskode er ændret. Du er logget ud alle steder og skal logge ind igen." };
});

/** "Log ud på alle enheder" (ASVS 7.4.3). */
export const logoutEverywhereAction = customerAction("sessions.revoke_all", emptySchema, async (_input, customer) => {
  const count = await revokeAllSessions(customer);
  await clearSessionCookies();
  return { ok: true, message: "Du er logget ud på alle enheder.", audit: { details: { sessions: count } } };
});

/** "Log ud" for customers and staff (the second-factor pages' form; the account bars post to /api/log-ud): lib/actions/session-cookies.ts's endSession. */
export async function logoutAction(): Promise<void> {
  await endSession();
  redirect(LOGGED_OUT_PATH);
}
