import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { requireCustomerPage } from "@/lib/dal/session";
import { AccountFrame } from "@/components/account-frame";
import { Clause } from "@/components/clause";
import { EXPORT_FORMAT } from "@/lib/dal/export";
import { customerAddress } from "@/lib/dal/account-links";
import { ActionButton } from "@/components/action-button";
import { sendAccessReportAction } from "@/lib/actions/report";
import { requestEmailConfirmationAction } from "@/lib/actions/account-links";

export const metadata: Metadata = { title: "Hent dine data" };

export default async function DataPage() {
  const customer = await requireCustomerPage("/konto/data");
  const address = await customerAddress(customer);
  if (!address) redirect("/log-ind");
  return (
    <AccountFrame customer={customer} path="/konto/data">
      <main>
        <h1>Hent dine data</h1>
        <p>
          Du har ret til at få dine personoplysninger udleveret i et struktureret, almindeligt anvendt og maskinlæsbart format og til at overføre dem til en
          anden virksomhed (<Clause n="4.7.1" />
          ).
        </p>
        <section className="card" aria-labelledby="hent">
          <h2 id="hent">Hent alt i én fil</h2>
          <p>
            Filen er i JSON-format og indeholder alt, hvad du har givet os eller skabt hos os: dine kontooplysninger, ordrer med varer og returneringer,
            fakturaer, din adfærd på hjemmesiden, din samtykkehistorik, din markedsføringsprofil, dine &quot;Modtag notifikation&quot;-tilmeldinger, dine
            anmodninger og dine log ind-sessioner.
          </p>
          {/* A plain link: the browser downloads the file (Content-Disposition: attachment). */}
          <a className="button" href="/api/konto/eksport" download>
            Download dine data (JSON)
          </a>
          <p className="small muted">
            Format: {EXPORT_FORMAT.name}, version {EXPORT_FORMAT.version}. Datoer er i ISO 8601 (UTC), beløb i øre. Formatet er beskrevet af et JSON Schema (
            {EXPORT_FORMAT.schemaId}), som en anden virksomhed kan bruge til at læse filen.
          </p>
        </section>
        <section className="card" aria-labelledby="rapport">
          <h2 id="rapport">Få det hele på e-mail</h2>
          <p>
            Vi sender en rapport med alle oplysningerne, hvor de kommer fra, formål, modtagere og opbevaring til {address.email} (<Clause n="4.3.2" />
            ). <a href="/konto">Dine oplysninger</a> viser det samme kort fortalt.
          </p>
          <ActionButton action={sendAccessReportAction} label="Send rapporten til min e-mail" pendingLabel="Sender …" className="secondary" />
          {!address.confirmed ? (
            <div className="notice">
              <p>Din e-mailadresse er ikke bekræftet endnu, så vi sender ikke rapporten til den.</p>
              <ActionButton action={requestEmailConfirmationAction} label="Bekræft din e-mailadresse" pendingLabel="Sender …" className="secondary" />
            </div>
          ) : null}
        </section>
      </main>
    </AccountFrame>
  );
}
