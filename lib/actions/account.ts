"use server";
import { redirect } from "next/navigation";
import { customerAction } from "./safe-action";
import { profileSchema } from "@/lib/validation/profile";
import { changePasswordSchema } from "@/lib/validation/auth";
import { changeEmailSchema } from "@/lib/validation/email-change";
import { emptySchema } from "@/lib/validation/consent";
import { changeEmail, changePassword, updateProfile } from "@/lib/dal/customer";
import { clearSessionCookies, endSession, LOGGED_OUT_PATH, tooManyAttempts } from "./session-cookies";
import { revokeAllSessions } from "@/lib/dal/auth";

/** 4.4.2: correct name, address and phone. */
export const updateProfileAction = customerAction("profile.update", profileSchema, async (input, customer) => {
  const r = await updateProfile(customer, input);
  if (r.ok) {
    return {
      ok: true,
      message: r.changed.length ? "Dine oplysninger er gemt." : "Der var ingen ændringer at gemme.",
      data: { version: r.profile.version },
      audit: { details: { fields: r.changed } },
    };
  }
  if (r.error === "conflict") {
    return {
      ok: false,
      message:
        "Dine oplysninger er blevet ændret et andet sted, siden du åbnede siden. Dine indtastninger er ikke gemt endnu: genindlæs siden for at se de nyeste oplysninger, og ret dem igen.",
      audit: { details: { reason: "conflict" } },
    };
  }
  return { ok: false, message: "Kontoen findes ikke længere." };
});

/** 4.4.2 and issue 8: a new e-mail address, with the current password; it changes when the link sent to it is opened. */
export const changeEmailAction = customerAction("email.change", changeEmailSchema, async (input, customer) => {
  const r = await changeEmail(customer, input);
  if (r.ok) {
    return {
      ok: true,
      message: r.pending
        ? "Vi har sendt et link til den nye e-mailadresse. Adressen ændres, når du åbner linket (det virker i 30 minutter); indtil da bruger vi den nuværende, og den har fået besked."
        : "Det er allerede din e-mailadresse. Intet er ændret.",
      audit: { details: { pending: r.pending } },
    };
  }
  switch (r.error) {
    case "wrong-password":
      return {
        ok: false,
        message: "Adgangskoden er forkert, så e-mailadressen er ikke ændret.",
        fieldErrors: { currentPassword: ["Adgangskoden er forkert"] },
        audit: { details: { reason: "wrong-password" } },
      };
    case "throttled":
      return {
        ok: false,
        message: "E-mailadressen er ikke ændret.",
        fieldErrors: { currentPassword: [tooManyAttempts(r.retryAt)] },
        audit: { details: { reason: "throttled" } },
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
