import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/login-form";
import { getPendingSecondFactor, getPrincipal, secondFactorPath } from "@/lib/dal/session";

export const metadata: Metadata = { title: "Log ind" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const principal = await getPrincipal();
  if (principal) redirect(principal.kind === "staff" ? "/personale" : "/konto");
  const callbackUrl = typeof params.callbackUrl === "string" ? params.callbackUrl : undefined;
  // Issue 8: the password is done, the second factor is not.
  const pending = await getPendingSecondFactor();
  if (pending) redirect(secondFactorPath(pending, callbackUrl));
  const loggedOut = params["logget-ud"] === "1";
  const passwordChanged = params["adgangskode"] === "aendret";
  return (
    <main className="narrow">
      <h1>Log ind</h1>
      {loggedOut ? (
        <p className="notice" role="status">
          Du er logget ud.
        </p>
      ) : null}
      {passwordChanged ? (
        <p className="notice" role="status">
          Din adgangskode er ændret. Log ind med den nye.
        </p>
      ) : null}
      <p className="muted">
        Log ind med din kundekonto for at se, rette, hente og slette de oplysninger, vi har om dig (<Link href="/persondatapolitik#pkt-4-4-2">pkt. 4.4.2</Link>
        ).
      </p>
      <div className="card">
        <LoginForm callbackUrl={callbackUrl} />
      </div>
      <p className="login-links">
        <Link href="/log-ind/glemt-adgangskode">Glemt adgangskode?</Link> · <Link href="/log-ind/opret-adgang">Opret adgang</Link> (har du handlet hos os, men
        aldrig logget ind her?)
      </p>
    </main>
  );
}
