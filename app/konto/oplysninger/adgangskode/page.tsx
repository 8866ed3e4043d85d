import type { Metadata } from "next";
import { requireCustomerPage } from "@/lib/dal/session";
import { AccountFrame } from "@/components/account-frame";
import { PasswordForm } from "@/components/password-form";
import { LogoutEverywhereCard } from "@/components/logout-everywhere";
import { logoutEverywhereAction } from "@/lib/actions/account";

export const metadata: Metadata = { title: "Adgangskode og log ud" };

// The password and the sessions, a page of their own under "Ret oplysninger" (linked from /konto/oplysninger): each
// page carries one form's code (issue 12: ≤ +20 kB of client JS per form page), and the profile page is shorter
// on a phone. ASVS 6.2.3 (change with the current password) and 7.4.3 (end every session).
export default async function PasswordPage() {
  const customer = await requireCustomerPage("/konto/oplysninger/adgangskode");
  return (
    <AccountFrame customer={customer} path="/konto/oplysninger/adgangskode">
      <main>
        <p className="small">
          <a href="/konto/oplysninger">
            <span aria-hidden="true">← </span>Ret dine oplysninger
          </a>
        </p>
        <h1>Adgangskode og log ud</h1>
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
