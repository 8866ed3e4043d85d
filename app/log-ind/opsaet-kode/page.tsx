import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { getPendingSecondFactor, getPrincipal } from "@/lib/dal/session";
import { totpSetup } from "@/lib/dal/second-factor";
import { groupSecret, TOTP_ISSUER } from "@/lib/auth/totp";
import { TotpEnrolForm } from "@/components/second-factor-forms";
import { TotpQr } from "@/components/totp-qr";
import { LogoutButton } from "@/components/logout-button";

export const metadata: Metadata = { title: "Sæt totrinsbekræftelse op" };

/**
 * Issue 8, ASVS 6.3.3: the first login of staff who must use a second factor. The secret is made for this session
 * (lib/dal/second-factor.ts totpSetup) and shown as a QR code and as text; the first code from the app confirms it.
 */
export default async function TotpSetupPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = typeof params.callbackUrl === "string" ? params.callbackUrl : undefined;
  const pending = await getPendingSecondFactor();
  if (!pending) {
    const p = await getPrincipal();
    // Logged in (e.g. the re-render after the code's action): on to where the login was going.
    redirect(p ? (p.kind === "staff" ? (callbackUrl ? safeCallbackUrl(callbackUrl) : "/personale") : "/konto") : "/log-ind");
  }
  if (pending.enrolled) redirect(`/log-ind/kode${callbackUrl ? `?callbackUrl=${encodeURIComponent(callbackUrl)}` : ""}`);
  const setup = await totpSetup(pending);
  return (
    <main className="narrow">
      <h1>Sæt totrinsbekræftelse op</h1>
      <p>
        Som {pending.role === "dpo" ? "databeskyttelsesansvarlig kan du gennemføre sletninger" : "medarbejder skal du"}, og derfor logger du ind med både
        adgangskode og en kode fra en godkendelsesapp på din telefon (fx Microsoft Authenticator, Google Authenticator eller 1Password).
      </p>
      {setup ? (
        <>
          <ol className="stack">
            <li>
              Scan QR-koden med appen:
              <div className="card">
                <TotpQr uri={setup.uri} label={`QR-kode til godkendelsesappen for ${pending.email}`} />
              </div>
              Kan du ikke scanne, så vælg &quot;indtast nøgle&quot; i appen og skriv nøglen (konto: {pending.email}, udsteder: {TOTP_ISSUER}, tidsbaseret):
              <p>
                <code className="totp-secret" data-testid="totp-secret">
                  {groupSecret(setup.secret)}
                </code>
              </p>
            </li>
            <li>Skriv den kode på 6 cifre, som appen nu viser:</li>
          </ol>
          <div className="card">
            <TotpEnrolForm callbackUrl={callbackUrl} />
          </div>
        </>
      ) : (
        <p className="notice" role="alert">
          Opsætningen kunne ikke startes. Log ud og log ind igen.
        </p>
      )}
      <LogoutButton />
    </main>
  );
}
