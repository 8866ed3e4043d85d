import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { Clause } from "@/components/clause";
import { Pager } from "@/components/pager";
import { requireCustomerPage, type CustomerPrincipal } from "@/lib/dal/session";
import { AccountFrame } from "@/components/account-frame";
import { getOverviewSummary } from "@/lib/dal/overview";
import { getConsentHistory, getProfile, listNotifications } from "@/lib/dal/customer";
import { listMyRequests } from "@/lib/dal/requests";
import { getMyMarketingProfile, listMyActiveSessions, listMyInvoices, listMyOrders, listMyWebsiteEvents } from "@/lib/dal/details";
import { CATEGORY_IDS, RECIPIENTS, category, parseFinancialYearEnd, type CategoryId } from "@/lib/policy";
import { buildTimeline } from "@/lib/report/overview";
import {
  CONSENT_ACTION_LABEL,
  REQUEST_TYPE_LABEL,
  WEBSITE_EVENT_LABEL,
  consentChannelLabel,
  consentWordingLabel,
  websiteEventWhat,
  SOURCE_NOTE,
} from "@/lib/report/labels";
import { STATUS_LABEL } from "@/components/request-labels";
import { countryName } from "@/lib/validation/profile";
import { formatDate, formatDateTime, formatMoney, formatNumber, plural } from "@/lib/format";
import { env } from "@/lib/env";

type Params = { params: Promise<{ kategori: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

function categoryId(raw: string): CategoryId | null {
  return (CATEGORY_IDS as readonly string[]).includes(raw) ? (raw as CategoryId) : null;
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const id = categoryId((await params).kategori);
  return { title: id ? category(id).title : "Ikke fundet" };
}

function pageParam(raw: string | string[] | undefined): number {
  const n = Number(typeof raw === "string" ? raw : "1");
  return Number.isSafeInteger(n) && n > 0 ? n : 1;
}

const address = (a: { street: string | null; postalCode: string | null; city: string | null; country: string | null }) =>
  a.street ? `${a.street}, ${a.postalCode ?? ""} ${a.city ?? ""}${a.country && a.country !== "DK" ? `, ${countryName(a.country)}` : ""}` : "–";

// 4.3 / Art. 15: the data themselves of one category, where they came from, why, the legal basis, who
// receives them and until when. Rows that can run into thousands are paged (?side=2).
export default async function CategoryDetailsPage({ params, searchParams }: Params) {
  const { kategori } = await params;
  const id = categoryId(kategori);
  const customer = await requireCustomerPage(`/konto/detaljer/${encodeURIComponent(kategori)}`);
  if (!id) notFound();
  const page = pageParam((await searchParams).side);
  const now = new Date();
  const summary = await getOverviewSummary(customer, now);
  if (!summary) redirect("/log-ind");
  const c = category(id);
  const entry = buildTimeline(summary, parseFinancialYearEnd(env.FINANCIAL_YEAR_END), now).find((t) => t.id === id);
  const base = `/konto/detaljer/${id}`;

  return (
    <AccountFrame customer={customer} path={`/konto/detaljer/${id}`}>
      <main>
        <p className="small">
          <a href="/konto">← Tilbage til oversigten</a>
        </p>
        <h1>{c.title}</h1>
        <p>{c.description}</p>

        <section className="card" aria-labelledby="data">
          <h2 id="data">Det har vi om dig</h2>
          <Rows id={id} customer={customer} page={page} base={base} now={now} />
        </section>

        <section className="card" aria-labelledby="om">
          <h2 id="om">Hvorfor og hvor længe</h2>
          <dl className="facts">
            <dt>Hvor det kommer fra</dt>
            <dd>
              {c.collected.text} (<Clause n={c.collected.clause} />
              ). {SOURCE_NOTE} (<Clause n="2.5.3" />
              ).
            </dd>
            <dt>Formål</dt>
            <dd>
              {c.purpose.text} (<Clause n={c.purpose.clause} />)
            </dd>
            <dt>Retsgrundlag</dt>
            <dd>
              {c.legalBasis.text} (<Clause n={c.legalBasis.clause} />)
            </dd>
            <dt>Opbevaring</dt>
            <dd>
              {c.retention.description} (<Clause n={c.retention.clause} />){entry ? <strong className="block">{entry.when}.</strong> : null}
            </dd>
            <dt>Hvis du sletter din konto</dt>
            <dd>{c.erasure.description}</dd>
          </dl>
          <h3>Hvem får oplysningerne</h3>
          <ul className="recipients">
            {c.recipients.map((rid) => {
              const r = RECIPIENTS[rid];
              return (
                <li key={r.id}>
                  <strong>{r.name}</strong> ({r.role}, {r.country}): {r.what} (<Clause n={r.clause} />)
                  {r.thirdCountryTransfer ? (
                    <>
                      {" "}
                      <span className="tag us">Overførsel til USA</span> {r.thirdCountryTransfer}
                    </>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </section>
      </main>
    </AccountFrame>
  );
}

async function Rows({ id, customer, page, base, now }: { id: CategoryId; customer: CustomerPrincipal; page: number; base: string; now: Date }) {
  switch (id) {
    case "konto": {
      const p = await getProfile(customer);
      if (!p) return null;
      return (
        <dl className="facts">
          <dt>Kundenummer</dt>
          <dd>{p.customerNumber}</dd>
          <dt>Navn</dt>
          <dd>{p.name}</dd>
          <dt>Adresse</dt>
          <dd>
            {p.street}, {p.postalCode} {p.city}, {countryName(p.country)}
          </dd>
          <dt>E-mailadresse</dt>
          <dd>{p.email}</dd>
          <dt>Telefonnummer</dt>
          <dd>{p.phone ?? "Ikke oplyst"}</dd>
          <dt>Konto oprettet</dt>
          <dd>{formatDate(p.createdAt)}</dd>
          <dt>Seneste aktivitet</dt>
          <dd>{formatDateTime(p.lastActivityAt)}</dd>
          {p.processingRestricted ? (
            <>
              <dt>Begrænsning</dt>
              <dd>Behandlingen er begrænset til opbevaring (pkt. 4.6)</dd>
            </>
          ) : null}
          <dt>Ret dem</dt>
          <dd>
            <Link href="/konto/oplysninger">Ret dine oplysninger</Link>
          </dd>
        </dl>
      );
    }
    case "koeb": {
      const r = await listMyOrders(customer, page);
      if (r.total === 0) return <p>Du har ingen køb hos os.</p>;
      return (
        <>
          <p data-testid="antal">{plural(r.total, "ordre", "ordrer")}, nyeste først.</p>
          <div className="table-wrap" tabIndex={0} role="region" aria-label="Dine ordrer">
            <table>
              <thead>
                <tr>
                  <th scope="col">Ordre</th>
                  <th scope="col">Varer</th>
                  <th scope="col">Levering</th>
                </tr>
              </thead>
              <tbody>
                {r.rows.map((o) => (
                  <tr key={o.orderNumber}>
                    <td>
                      <span className="nowrap">{o.orderNumber}</span>
                      <br />
                      {formatDate(o.placedAt)}
                      <br />
                      {formatMoney(o.totalOre)}
                    </td>
                    <td>
                      <ul className="plain">
                        {o.lines.map((l, i) => (
                          <li key={i}>
                            {formatNumber(l.quantity)} stk. {l.productName} à {formatMoney(l.unitPriceOre)}
                            {l.returnedQuantity > 0 ? (
                              <>
                                {" "}
                                <span className="tag">{formatNumber(l.returnedQuantity)} returneret</span>
                                {l.returnReason ? ` (${l.returnReason})` : ""}
                              </>
                            ) : null}
                          </li>
                        ))}
                      </ul>
                    </td>
                    <td>
                      {o.shipping.name ?? "–"}
                      <br />
                      {address(o.shipping)}
                      <br />
                      {o.carrier}. IP-adresse ved købet: {o.ipAddress ?? "–"}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager base={base} page={r.page} pages={r.pages} />
        </>
      );
    }
    case "fakturaer": {
      const r = await listMyInvoices(customer, page);
      if (r.total === 0) return <p>Vi har ikke udstedt fakturaer til dig.</p>;
      return (
        <>
          <p data-testid="antal">
            {plural(r.total, "faktura", "fakturaer")}, nyeste først. Navn og adresse står, som de var, da fakturaen blev udstedt (
            <Clause n="5.2" />
            ).
          </p>
          <div className="table-wrap" tabIndex={0} role="region" aria-label="Dine fakturaer">
            <table>
              <thead>
                <tr>
                  <th scope="col">Faktura</th>
                  <th scope="col">Beløb</th>
                  <th scope="col">Udstedt til</th>
                </tr>
              </thead>
              <tbody>
                {r.rows.map((i) => (
                  <tr key={i.invoiceNumber}>
                    <td>
                      <span className="nowrap">{i.invoiceNumber}</span>
                      <br />
                      {formatDate(i.issuedAt)}
                      <br />
                      {i.description}
                    </td>
                    <td>
                      {formatMoney(i.totalOre)}
                      <br />
                      <span className="small muted">heraf moms {formatMoney(i.vatOre)}</span>
                    </td>
                    <td>
                      {i.anonymisedAt ? (
                        `Anonymiseret ${formatDate(i.anonymisedAt)}`
                      ) : (
                        <>
                          {i.billing.name ?? "–"}
                          <br />
                          {address(i.billing)}
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager base={base} page={r.page} pages={r.pages} />
        </>
      );
    }
    case "adfaerd": {
      const r = await listMyWebsiteEvents(customer, page);
      if (r.total === 0) return <p>Vi har ingen registreringer af din adfærd på hjemmesiden.</p>;
      return (
        <>
          <p data-testid="antal">{plural(r.total, "registrering", "registreringer")}, nyeste først.</p>
          <div className="table-wrap" tabIndex={0} role="region" aria-label="Din adfærd på hjemmesiden">
            <table>
              <thead>
                <tr>
                  <th scope="col">Tidspunkt</th>
                  <th scope="col">Hvad</th>
                  <th scope="col">Browser, enhed og IP-adresse</th>
                </tr>
              </thead>
              <tbody>
                {r.rows.map((e, i) => (
                  <tr key={i}>
                    <td>{formatDateTime(e.occurredAt)}</td>
                    <td>
                      {WEBSITE_EVENT_LABEL[e.kind]}: {websiteEventWhat(e)}
                    </td>
                    <td>
                      {e.browser}, {e.device}, {e.ipAddress}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager base={base} page={r.page} pages={r.pages} />
        </>
      );
    }
    case "samtykke": {
      const history = await getConsentHistory(customer);
      if (history.length === 0) return <p>Du har ikke givet eller tilbagekaldt samtykke til nyhedsbreve.</p>;
      return (
        <ul className="plain rows">
          {history.map((e, i) => (
            <li key={i}>
              <strong>{CONSENT_ACTION_LABEL[e.action]}</strong> {formatDateTime(e.occurredAt)}. {consentChannelLabel(e.channel)}.{" "}
              {consentWordingLabel(e.wordingVersion)}.
            </li>
          ))}
        </ul>
      );
    }
    case "markedsfoering": {
      const m = await getMyMarketingProfile(customer);
      if (!m) return <p>Vi har ingen markedsføringsprofil om dig.</p>;
      return (
        <dl className="facts">
          <dt>Interesser</dt>
          <dd>{m.interests.join(", ") || "–"}</dd>
          <dt>Foretrukne varegrupper</dt>
          <dd>{m.preferredCategories.join(", ") || "–"}</dd>
          <dt>Senest beregnet</dt>
          <dd>{formatDate(m.lastComputedAt)}</dd>
        </dl>
      );
    }
    case "notifikationer": {
      const list = await listNotifications(customer);
      if (list.length === 0) return <p>Du er ikke tilmeldt &quot;Modtag notifikation&quot; på nogen varer.</p>;
      return (
        <>
          <ul className="plain rows">
            {list.map((n) => (
              <li key={n.id}>
                <strong>{n.productName}</strong>, tilmeldt {formatDate(n.createdAt)}
                {n.notifiedAt ? `, besked sendt ${formatDate(n.notifiedAt)}` : ""}
              </li>
            ))}
          </ul>
          <p className="small">
            <Link href="/konto/samtykke#notifikationer">Afmeld notifikationer</Link>
          </p>
        </>
      );
    }
    case "anmodninger": {
      const list = await listMyRequests(customer);
      if (list.length === 0) return <p>Du har ikke sendt os anmodninger om dine rettigheder.</p>;
      return (
        <ul className="plain rows">
          {list.map((r) => (
            <li key={r.id}>
              <strong>
                {REQUEST_TYPE_LABEL[r.type]} <span className="nowrap">{r.requestNumber}</span>
              </strong>
              : {STATUS_LABEL[r.status]}. Oprettet {formatDate(r.createdAt)}, svarfrist {formatDate(r.dueAt)}
              {r.closedAt ? `, afsluttet ${formatDate(r.closedAt)}` : ""}.{r.reason ? ` Din begrundelse: "${r.reason}".` : ""}
              {r.resolution ? ` Svar: ${r.resolution}` : ""}
            </li>
          ))}
        </ul>
      );
    }
    case "sikkerhed": {
      const sessions = await listMyActiveSessions(customer, now);
      return (
        <>
          <p>{plural(sessions.length, "aktiv log ind-session", "aktive log ind-sessioner")}.</p>
          <ul className="plain rows">
            {sessions.map((s, i) => (
              <li key={i}>
                Logget ind {formatDateTime(s.createdAt)}, udløber {formatDateTime(s.expiresAt)}
              </li>
            ))}
          </ul>
          <p className="small muted">
            Mislykkede log ind-forsøg gemmes kun som en envejs-hash i et døgn og kan ikke føres tilbage til dig (<Clause n="6.1" />
            ).
          </p>
        </>
      );
    }
  }
}
