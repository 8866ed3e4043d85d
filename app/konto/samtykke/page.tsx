import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { requireCustomerPage } from "@/lib/dal/session";
import { AccountFrame } from "@/components/account-frame";
import { getConsentHistory, getNewsletterState, getProfile, listNotifications } from "@/lib/dal/customer";
import { listMyRequests } from "@/lib/dal/requests";
import { NEWSLETTER_CONSENT } from "@/lib/policy";
import { formatDate, formatDateTime } from "@/lib/format";
import { Clause } from "@/components/clause";
import { MarketingObjection, NewsletterToggle, NotificationList, ReasonForm } from "@/components/consent-controls";
import { STATUS_LABEL } from "@/components/request-labels";
import { consentChannelLabel, consentWordingLabel } from "@/lib/report/labels";

export const metadata: Metadata = { title: "Samtykker og indsigelser" };

const ACTION_LABEL = { given: "Givet", withdrawn: "Tilbagekaldt" } as const;

export default async function ConsentPage() {
  const customer = await requireCustomerPage("/konto/samtykke");
  const [profile, newsletter, history, notifications, requests] = await Promise.all([
    getProfile(customer),
    getNewsletterState(customer),
    getConsentHistory(customer),
    listNotifications(customer),
    listMyRequests(customer),
  ]);
  if (!profile) redirect("/log-ind");
  const openObjection = requests.find((r) => r.type === "objection" && r.status === "open");
  const openRestriction = requests.find((r) => r.type === "restriction" && r.status === "open");
  return (
    <AccountFrame customer={customer} path="/konto/samtykke">
      <main>
        <h1>Samtykker og indsigelser</h1>

        <section className="card" aria-labelledby="nyhedsbrev">
          <h2 id="nyhedsbrev">Nyhedsbrev</h2>
          <p data-testid="newsletter-state">
            {newsletter.subscribed ? (
              <>
                <strong>Du er tilmeldt</strong> nyhedsbrevet siden {formatDate(newsletter.since)}.
              </>
            ) : (
              <>
                <strong>Du er ikke tilmeldt</strong> nyhedsbrevet.
              </>
            )}
          </p>
          <p className="small">
            {newsletter.subscribed ? (
              <>
                Du kan til enhver tid tilbagekalde dit samtykke (<Clause n="4.9.1" />
                ). Så sletter vi også den markedsføringsprofil, vi har udledt af dine køb og din adfærd (<Clause n="5.4" />
                ).
              </>
            ) : (
              <>
                Samtykketekst: &quot;{NEWSLETTER_CONSENT.text}&quot; (<Clause n={NEWSLETTER_CONSENT.clause} />
                ).
              </>
            )}
          </p>
          <NewsletterToggle subscribed={newsletter.subscribed} />
          <h3>Historik</h3>
          {history.length === 0 ? (
            <p>Du har ikke givet eller tilbagekaldt samtykke endnu.</p>
          ) : (
            <div className="table-wrap" role="region" aria-label="Samtykkehistorik, kan rulles" tabIndex={0}>
              <table aria-label="Samtykkehistorik">
                <thead>
                  <tr>
                    <th scope="col">Tidspunkt</th>
                    <th scope="col">Samtykke</th>
                    <th scope="col">Hvordan</th>
                  </tr>
                </thead>
                <tbody>
                  {history.map((e, i) => (
                    <tr key={i}>
                      <td>{formatDateTime(e.occurredAt)}</td>
                      <td>{ACTION_LABEL[e.action]}</td>
                      <td>
                        {consentChannelLabel(e.channel)}. <span className="small muted">{consentWordingLabel(e.wordingVersion)}</span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>

        <section className="card" aria-labelledby="notifikationer">
          <h2 id="notifikationer">&quot;Modtag notifikation&quot;</h2>
          <p className="small">
            Vi gemmer kun din e-mailadresse og varen og sletter den, når du har fået besked (<Clause n="5a.1" />, <Clause n="5a.3" />
            ). Du kan afmelde dig her i stedet for at skrive til os (<Clause n="5a.2" />
            ).
          </p>
          <NotificationList items={notifications.map((n) => ({ id: n.id, productName: n.productName, createdLabel: formatDate(n.createdAt) }))} />
        </section>

        <section className="card" aria-labelledby="markedsfoering">
          <h2 id="markedsfoering">Indsigelse mod direkte markedsføring</h2>
          <p className="small">
            Vi bruger dine køb og din adfærd på hjemmesiden til målrettet markedsføring og profilering (<Clause n="2.1.3" />, <Clause n="2.2.1" />
            ). Du kan altid sige nej til det. Du skal ikke give en begrundelse, og ingen medarbejder skal vurdere det: det gælder med det samme
            (databeskyttelsesforordningen art. 21, stk. 2 og 3). Vi sletter din markedsføringsprofil, afmelder dig nyhedsbrevet, bruger ikke længere dine
            oplysninger til markedsføring og giver ikke længere din adfærd videre til markedsføring.
          </p>
          <p data-testid="marketing-objection-state" className={profile.objectsToMarketingAt ? "notice" : undefined}>
            {profile.objectsToMarketingAt ? (
              <>
                <strong>Du har gjort indsigelse</strong> mod direkte markedsføring siden {formatDate(profile.objectsToMarketingAt)}.
              </>
            ) : (
              <>Du har ikke gjort indsigelse mod direkte markedsføring.</>
            )}
          </p>
          <MarketingObjection objects={profile.objectsToMarketingAt !== null} />
        </section>

        <section className="card" aria-labelledby="indsigelse">
          <h2 id="indsigelse">Indsigelse mod analyse af din adfærd</h2>
          <p className="small">
            Du kan gøre indsigelse mod, at vi bruger din adfærd på hjemmesiden (<Clause n="2.1.1" />) til at forbedre hjemmesiden, hvis du har særlige grunde (
            <Clause n="4.8.1" />
            ). Vi stopper registreringen med det samme, og en medarbejder vurderer din begrundelse (<Clause n="4.8.2" />
            ).
          </p>
          {profile.objectsToAnalytics ? (
            <p className="notice" data-testid="objection-state">
              Du har gjort indsigelse. Vi registrerer ikke din adfærd på hjemmesiden.
              {openObjection ? ` Anmodning ${openObjection.requestNumber}: ${STATUS_LABEL[openObjection.status]}.` : ""}
            </p>
          ) : (
            <ReasonForm kind="objection" submitLabel="Gør indsigelse" />
          )}
        </section>

        <section className="card" aria-labelledby="begraensning">
          <h2 id="begraensning">Begræns behandlingen til opbevaring</h2>
          <p className="small">
            Mener du fx, at oplysningerne om dig er forkerte, kan du bede os om kun at opbevare dem, indtil sagen er afklaret (<Clause n="4.6.1" />
            ).
          </p>
          {profile.processingRestricted ? (
            <p className="notice" data-testid="restriction-state">
              Behandlingen af dine oplysninger er begrænset til opbevaring.
              {openRestriction ? ` Anmodning ${openRestriction.requestNumber}: ${STATUS_LABEL[openRestriction.status]}.` : ""}
            </p>
          ) : (
            <ReasonForm kind="restriction" submitLabel="Anmod om begrænsning" />
          )}
        </section>
      </main>
    </AccountFrame>
  );
}
