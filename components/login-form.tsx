"use client";
import { useState } from "react";
import { useSchemaForm } from "./use-schema-form";
import { FormStatus, TextField } from "./form";
import { safeCallbackUrl } from "@/lib/auth/callback-url";

// The schema is loaded when a field is first focused (components/use-schema-form.ts, issue 12).
const loginSchema = () => import("@/lib/validation/client/login.bundle").then((m) => m.loginSchema);

const THROTTLED = "THROTTLED:";

/**
 * Logs in through next-auth's credentials route exactly as next-auth/react's signIn(…, { redirect: false })
 * does (CSRF token, then the form post), without shipping that client library (~10 kB gzip) to the page.
 */
async function signInWithCredentials(email: string, password: string): Promise<{ ok: boolean; error: string | null }> {
  const { csrfToken } = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string };
  const res = await fetch("/api/auth/callback/credentials", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Auth-Return-Redirect": "1" },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: window.location.href, json: "true" }),
  });
  const data = (await res.json().catch(() => ({}))) as { url?: string };
  const error = data.url ? new URL(data.url, window.location.href).searchParams.get("error") : "unknown";
  return { ok: res.ok && !error, error };
}

function messageFor(error: string): string {
  if (error.startsWith(THROTTLED)) {
    const at = new Date(error.slice(THROTTLED.length));
    // Issue 11 item 6: a progressive delay of seconds up to a minute, not a lockout.
    const seconds = Math.ceil((at.getTime() - Date.now()) / 1000);
    const time = Number.isNaN(at.getTime())
      ? "om et øjeblik"
      : seconds <= 120
        ? `om ${Math.max(seconds, 1)} ${Math.max(seconds, 1) === 1 ? "sekund" : "sekunder"}`
        : `kl. ${at.toLocaleTimeString("da-DK", { hour: "2-digit", minute: "2-digit", timeZone: "Europe/Copenhagen" })}`;
    return `For mange mislykkede forsøg. Af sikkerhedshensyn kan du prøve igen ${time}.`;
  }
  // ASVS 6.3.8: the same answer for an unknown e-mail and a wrong password.
  return "E-mailadressen eller adgangskoden er forkert.";
}

export function LoginForm({ callbackUrl }: { callbackUrl?: string }) {
  const [status, setStatus] = useState<{ ok: boolean; message: string } | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useSchemaForm(loginSchema, { defaultValues: { email: "", password: "" } });

  const onSubmit = handleSubmit(async (values) => {
    setStatus(null);
    try {
      const result = await signInWithCredentials(values.email, values.password);
      if (!result.ok) {
        setStatus({ ok: false, message: messageFor(result.error ?? "") });
        return;
      }
      // Did the browser keep the session cookie? A Secure cookie is refused over plain http (a LAN address,
      // for example): without this check the customer lands silently on an empty login form (issue 13.6).
      const session = (await fetch("/api/auth/session", { cache: "no-store" })
        .then((r) => r.json())
        .catch(() => null)) as {
        kind?: string;
        secondFactor?: string;
      } | null;
      if (!session?.kind) {
        setStatus({
          ok: false,
          message:
            window.location.protocol === "http:"
              ? `Din browser afviste log ind, fordi siden er åbnet med http:// og ikke med en sikker forbindelse. Åbn siden med https://${window.location.host}${window.location.pathname} og prøv igen.`
              : "Din browser gemte ikke log ind-cookien. Tillad cookies for denne side og prøv igen.",
        });
        return;
      }
      // Issue 8 (ASVS 6.3.3): staff who must give a second factor continue to the code (or its first-login set-up).
      if (session.secondFactor === "kode" || session.secondFactor === "opsaet-kode") {
        setStatus({ ok: true, message: "Adgangskoden er rigtig. Nu mangler koden fra din app." });
        window.location.assign(`/log-ind/${session.secondFactor}${callbackUrl ? `?callbackUrl=${encodeURIComponent(callbackUrl)}` : ""}`);
        return;
      }
      setStatus({ ok: true, message: "Du er logget ind." });
      // Staff go to their own area unless a page of it was asked for: no detour through /konto (issue 13.8).
      window.location.assign(session.kind === "staff" && !callbackUrl ? "/personale" : safeCallbackUrl(callbackUrl));
    } catch {
      setStatus({ ok: false, message: "Vi kunne ikke logge dig ind lige nu. Prøv igen om lidt." });
    }
  });

  return (
    <form method="post" className="stack" onSubmit={onSubmit} noValidate aria-label="Log ind">
      <TextField id="email" label="E-mailadresse" type="email" autoComplete="username" error={errors.email} registration={register("email")} />
      <TextField
        id="password"
        label="Adgangskode"
        type="password"
        autoComplete="current-password"
        error={errors.password}
        registration={register("password")}
      />
      <FormStatus status={status} />
      <div>
        <button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Logger ind …" : "Log ind"}
        </button>
      </div>
    </form>
  );
}
