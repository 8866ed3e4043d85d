import type { Metadata } from "next";
import Link from "next/link";
import { RequestLinkForm } from "@/components/account-link-forms";
import { NoEmailAccess } from "@/components/no-email-access";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Opret adgang" };
export const dynamic = "force-dynamic";

/** Issue 8: a customer of the shop who has never had a portal password gets one through a link. */
export default function CreateAccessPage() {
  return (
    <main className="narrow">
      <h1>Opret adgang</h1>
      <p className="muted">
        Har du handlet hos 123multiservice, har vi allerede en kundekonto til dig. Skriv den e-mailadresse, du har handlet med, så sender vi et link, hvor du
        vælger din adgangskode. Linket virker i 30 minutter.
      </p>
      <div className="card">
        <RequestLinkForm submitLabel="Send link" formLabel="Opret adgang" />
      </div>
      <p>
        <Link href="/log-ind">Tilbage til log ind</Link>
      </p>
      <NoEmailAccess contactEmail={env.PRIVACY_CONTACT_EMAIL} />
    </main>
  );
}
