import type { Metadata } from "next";
import { requireCustomerPage } from "@/lib/dal/session";
import { AccountFrame } from "@/components/account-frame";
import { DATATILSYNET, CONTROLLER } from "@/lib/policy";
import { env } from "@/lib/env";
import { Clause } from "@/components/clause";

export const metadata: Metadata = { title: "Klag over vores behandling" };

export default async function ComplaintPage() {
  const customer = await requireCustomerPage("/konto/klage");
  return (
    <AccountFrame customer={customer} path="/konto/klage">
      <main>
        <h1>Klag over vores behandling af dine oplysninger</h1>
        <p>
          Du har til enhver tid ret til at klage til Datatilsynet over vores behandling af dine personoplysninger (<Clause n={DATATILSYNET.clause} />
          ). Du behøver ikke at have kontaktet os først.
        </p>
        <section className="card" aria-labelledby="datatilsynet">
          <h2 id="datatilsynet">Datatilsynet</h2>
          <address>
            {DATATILSYNET.name}
            <br />
            {DATATILSYNET.street}
            <br />
            {DATATILSYNET.postalCode} {DATATILSYNET.city}
          </address>
          <p>
            Læs mere og klag digitalt på <a href={DATATILSYNET.web}>datatilsynet.dk</a>.
          </p>
        </section>
        <section className="card" aria-labelledby="os">
          <h2 id="os">Du kan også skrive til os</h2>
          <p>
            Vil du hellere have, at vi ser på sagen først, så skriv til <a href={`mailto:${env.PRIVACY_CONTACT_EMAIL}`}>{env.PRIVACY_CONTACT_EMAIL}</a> eller
            til {CONTROLLER.name}, {CONTROLLER.street}, {CONTROLLER.postalCode} {CONTROLLER.city} (<Clause n="7.2" />
            ).
          </p>
        </section>
      </main>
    </AccountFrame>
  );
}
