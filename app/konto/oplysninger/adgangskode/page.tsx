import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { requireCustomerPage } from "@/lib/dal/session";
import { customerAddress } from "@/lib/dal/account-links";
import { AccountFrame } from "@/components/account-frame";
import { PasswordForm } from "@/components/password-form";
import { EmailForm } from "@/components/email-form";
import { LogoutEverywhereCard } from "@/components/logout-everywhere";
import { logoutEverywhereAction } from "@/lib/actions/account";

export const metadata: Metadata = { title: "E-mail og adgangskode" };

// What the customer logs in with, a page of their own under "Ret oplysninger" (linked from /konto/oplysninger): the
// e-mail address and the password, both changed with the current password, and the sessions. The profile form is
// then name, address and phone only (issue 12: ≤ +20 kB of client JS per form page; this page's two forms share one
// schema bundle), and shorter on a phone. 4.4.2 and issue 8 (a new address is confirmed by a link), ASVS 6.2.3
// (change with the current password) and 7.4.3 (end every session).
export default async function CredentialsPage() {
  const customer = await requireCustomerPage("/konto/oplysninger/adgangskode");
  const address = await customerAddress(customer);
  if (!address) redirect("/log-ind");
  return (
    <AccountFrame customer={customer} path="/konto/oplysninger/adgangskode">
      <main>
        <p className="small">
          <a href="/konto/oplysninger">
            <span aria-hidden="true">← </span>Ret dine oplysninger
          </a>
        </p>
        <h1>E-mail og adgangskode</h1>
        <section className="card" aria-labelledby="email">
          <h2 id="email">Skift e-mailadresse</h2>
          <p>
            Din e-mailadresse: <strong>{address.email}</strong>
          </p>
          <p className="muted small">Vi sender et link til den nye adresse. Den bliver først din, når du åbner linket; indtil da bruger vi den nuværende.</p>
          <EmailForm />
        </section>
        <section className="card" aria-labelledby="adgangskode">
          <h2 id="adgangskode">Skift adgangskode</h2>
          <p className="muted small">Når du skifter adgangskode, bliver du logget ud alle steder.</p>
          <PasswordForm />
        </section>
        <LogoutEverywhereCard action={logoutEverywhereAction} />
      </main>
    </AccountFrame>
  );
}
