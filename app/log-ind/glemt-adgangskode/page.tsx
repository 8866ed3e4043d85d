import type { Metadata } from "next";
import Link from "next/link";
import { RequestLinkForm } from "@/components/account-link-forms";
import { NoEmailAccess } from "@/components/no-email-access";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Glemt adgangskode?" };
export const dynamic = "force-dynamic";

/** Issue 8 (ASVS 6.4): a link by e-mail; no session is involved, so there is none to check. */
export default function ForgotPasswordPage() {
  return (
    <main className="narrow">
      <h1>Glemt adgangskode?</h1>
      <p className="muted">Skriv den e-mailadresse, du har handlet med. Vi sender et link, hvor du vælger en ny adgangskode. Linket virker i 30 minutter.</p>
      <div className="card">
        <RequestLinkForm submitLabel="Send link" formLabel="Glemt adgangskode" />
      </div>
      <p>
        <Link href="/log-ind">Tilbage til log ind</Link>
      </p>
      <NoEmailAccess contactEmail={env.PRIVACY_CONTACT_EMAIL} />
    </main>
  );
}
