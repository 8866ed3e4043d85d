import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { getPendingSecondFactor, getPrincipal } from "@/lib/dal/session";
import { SecondFactorForm } from "@/components/second-factor-forms";
import { LogoutButton } from "@/components/logout-button";

export const metadata: Metadata = { title: "Kode til log ind" };

/** Issue 8, ASVS 6.3.3: the second step of a staff login (dpo always; support when STAFF_TOTP_FOR_SUPPORT). */
export default async function SecondFactorPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = typeof params.callbackUrl === "string" ? params.callbackUrl : undefined;
  const pending = await getPendingSecondFactor();
  if (!pending) {
    const p = await getPrincipal();
    // Logged in (e.g. the re-render after the code's action): on to where the login was going.
    redirect(p ? (p.kind === "staff" ? (callbackUrl ? safeCallbackUrl(callbackUrl) : "/personale") : "/konto") : "/log-ind");
  }
  if (!pending.enrolled) redirect(`/log-ind/opsaet-kode${callbackUrl ? `?callbackUrl=${encodeURIComponent(callbackUrl)}` : ""}`);
  return (
    <main className="narrow">
      <h1>Kode til log ind</h1>
      <p>
        Din adgangskode er rigtig, {pending.name}. Skriv nu koden fra din godkendelsesapp. Har du ikke telefonen, kan du bruge en af dine gendannelseskoder
        (hver kan bruges én gang).
      </p>
      <div className="card">
        <SecondFactorForm callbackUrl={callbackUrl} />
      </div>
      <p className="muted small">
        Har du mistet både appen og gendannelseskoderne, skal driften nulstille din totrinsbekræftelse; så sætter du den op igen ved næste log ind.
      </p>
      <LogoutButton />
    </main>
  );
}
