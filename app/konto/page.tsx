import { Fragment } from "react";
import type { Metadata } from "next";
import Link from "next/link";
import { Clause } from "@/components/clause";
import { ActionButton } from "@/components/action-button";
import { requireCustomerPage } from "@/lib/dal/session";
import { getOverview } from "@/lib/dal/customer";
import { buildAccessReport } from "@/lib/report/access-report";
import { parseFinancialYearEnd } from "@/lib/policy";
import { env } from "@/lib/env";
import { sendAccessReportAction } from "@/lib/actions/report";
import { redirect } from "next/navigation";

export const metadata: Metadata = { title: "Overblik over dine data" };

export default async function OverviewPage() {
  const customer = await requireCustomerPage("/konto");
  const overview = await getOverview(customer);
  if (!overview) redirect("/log-ind");
  const sections = buildAccessReport(overview, parseFinancialYearEnd(env.FINANCIAL_YEAR_END));
  return (
    <main>
      <h1>Hej {overview.profile.name}</h1>
      <p>
        Kundenummer <strong data-testid="kundenummer">{overview.profile.customerNumber}</strong>. Her er alt, hvad 123multiservice har
        registreret om dig, hvorfor, hvem vi deler det med, og hvor længe vi gemmer det (<Clause n="4.3.1" />
        ).
      </p>
      <div className="card">
        <h2>Det kan du gøre</h2>
        <ul>
          <li>
            <Link href="/konto/oplysninger">Ret dine oplysninger</Link> (<Clause n="4.4" />)
          </li>
          <li>
            <Link href="/konto/data">Download dine data</Link> (<Clause n="4.7" />)
          </li>
          <li>
            <Link href="/konto/samtykke">Nyhedsbrev, notifikationer, indsigelse og begrænsning</Link> (<Clause n="4.6" />, <Clause n="4.8" />,{" "}
            <Clause n="4.9" />, <Clause n="5a" />)
          </li>
          <li>
            <Link href="/konto/sletning">Slet dine data</Link> (<Clause n="4.5" />)
          </li>
          <li>
            <Link href="/konto/klage">Klag til Datatilsynet</Link> (<Clause n="4.10" />)
          </li>
        </ul>
        <p className="small muted">
          Du kan også få denne oversigt som e-mail til {overview.profile.email} (<Clause n="4.3.2" />
          ).
        </p>
        <ActionButton action={sendAccessReportAction} label="Send rapporten til min e-mail" pendingLabel="Sender …" className="secondary" />
      </div>

      {sections.map((s) => (
        <section key={s.category.id} className="card" aria-labelledby={`kat-${s.category.id}`}>
          <h2 id={`kat-${s.category.id}`}>{s.category.title}</h2>
          <p className="muted">{s.category.description}</p>
          <h3>Det har vi om dig</h3>
          {s.empty ? <p>Vi har ingen oplysninger i denne kategori om dig.</p> : null}
          {s.held.length ? (
            <dl className="facts">
              {s.held.map((h) => (
                <Fragment key={h.label}>
                  <dt>{h.label}</dt>
                  <dd>{h.value}</dd>
                </Fragment>
              ))}
            </dl>
          ) : null}
          <dl className="facts">
            <dt>Formål</dt>
            <dd>
              {s.category.purpose.text} (<Clause n={s.category.purpose.clause} />)
            </dd>
            <dt>Retsgrundlag</dt>
            <dd>
              {s.category.legalBasis.text} (<Clause n={s.category.legalBasis.clause} />)
            </dd>
            <dt>Modtagere</dt>
            <dd>
              <ul>
                {s.recipients.map((r) => (
                  <li key={r.id}>
                    <strong>{r.name}</strong> ({r.role}, {r.country}): {r.what} (<Clause n={r.clause} />)
                    {r.thirdCountryTransfer ? (
                      <>
                        {" "}
                        <span className="tag us">Overførsel til USA</span> {r.thirdCountryTransfer}
                      </>
                    ) : null}
                  </li>
                ))}
              </ul>
            </dd>
            <dt>Opbevaring</dt>
            <dd>
              {s.category.retention.description} (<Clause n={s.category.retention.clause} />)
              {s.yourDates.map((d) => (
                <div key={d}>
                  <strong>{d}</strong>
                </div>
              ))}
            </dd>
            <dt>Ved sletning</dt>
            <dd>{s.category.erasure.description}</dd>
          </dl>
        </section>
      ))}
    </main>
  );
}
