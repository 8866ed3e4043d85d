"use client";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { loginSchema, type LoginInput } from "@/lib/validation/auth";
import { FormStatus, TextField } from "./form";
import { safeCallbackUrl } from "@/lib/auth/callback-url";

const THROTTLED = "THROTTLED:";

function messageFor(error: string): string {
  if (error.startsWith(THROTTLED)) {
    const at = new Date(error.slice(THROTTLED.length));
    const time = Number.isNaN(at.getTime())
      ? "om et par minutter"
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
  } = useForm<LoginInput>({ resolver: zodResolver(loginSchema), defaultValues: { email: "", password: "" } });

  const onSubmit = handleSubmit(async (values) => {
    setStatus(null);
    try {
      const result = await signIn("credentials", { email: values.email, password: values.password, redirect: false });
      if (!result || result.error || !result.ok) {
        setStatus({ ok: false, message: messageFor(result?.error ?? "") });
        return;
      }
      setStatus({ ok: true, message: "Du er logget ind." });
      window.location.assign(safeCallbackUrl(callbackUrl));
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
