import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { clauseHref } from "@/lib/policy/clauses";
import { ActionButton } from "@/components/action-button";
import { timelineHtml } from "@/components/timeline";
import { markup, innerHtml, type SafeHtml } from "@/lib/html";
import { requireCustomerPage } from "@/lib/dal/session";
import { AccountFrame } from "@/components/account-frame";
import { getOverviewSummary } from "@/lib/dal/overview";
import { buildOverviewCards, buildTimeline, type OverviewCard } from "@/lib/report/overview";
import { parseFinancialYearEnd } from "@/lib/policy";
import { env } from "@/lib/env";
import { sendAccessReportAction } from "@/lib/actions/report";
import { requestEmailConfirmationAction } from "@/lib/actions/account-links";

export const metadata: Metadata = { title: "Dine oplysninger" };

// The answer first (issue 13): what we hold in each category, how much, why and until when, then when it
// goes. Aggregates only (lib/dal/overview.ts): nothing here grows with the customer's history. The rows,
// recipients, legal basis and clauses are one click away on /konto/detaljer/<kategori>.
// What does not depend on the customer is built once (issue 13.3). The cards and the timeline are markup built as
// escaped strings (lib/html.ts): each React element and text node is rendered twice, into the HTML and the RSC
// payload, and those two lists were most of the page's render. Nothing in them is typed by the customer (counts,
// dates and the policy's texts); the report section keeps React for its buttons.
const INTRO = innerHtml(
  markup`Kort fortalt: hvad 123multiservice har om dig, hvor meget, hvorfor og hvor længe. Under hver kategori ser du alle oplysningerne, hvor de kommer fra, og hvem vi deler dem med (<a href="${clauseHref("4.3.1")}">pkt. 4.3.1</a>).`,
);
const TIMELINE_HEAD = markup`<h2 id="tidslinje">Hvornår slettes dine data?</h2><p class="small muted">Fra i dag og frem. Datoerne er dansk tid.</p>`;
const REPORT_CLAUSE = <a href={clauseHref("4.3.2")}>pkt. 4.3.2</a>;

function cardsHtml(cards: OverviewCard[]): SafeHtml {
  // A plain link per card: no client component; the category in the link's name (WCAG 2.4.4, 2.5.3).
  return markup`${cards.map(
    (c) =>
      markup`<li class="${c.empty ? "card empty" : "card"}" data-testid="kort-${c.id}"><h2>${c.title}</h2><dl><dt>Hvad</dt><dd>${c.what}</dd><dt>Omfang</dt><dd data-testid="omfang-${c.id}">${c.amount}</dd><dt>Hvorfor</dt><dd>${c.why}</dd><dt>Hvor længe</dt><dd>${c.until}</dd></dl><a href="${c.href}" aria-label="Se detaljer om ${c.title}">Se detaljer</a></li>`,
  )}`;
}

export default async function OverviewPage() {
  const customer = await requireCustomerPage("/konto");
  const now = new Date();
  const summary = await getOverviewSummary(customer, now);
  if (!summary) redirect("/log-ind");
  const timeline = buildTimeline(summary, parseFinancialYearEnd(env.FINANCIAL_YEAR_END), now);
  const cards = buildOverviewCards(summary, timeline);
  return (
    <AccountFrame customer={customer} path="/konto">
      <main>
        <h1>Det har vi om dig</h1>
        <p dangerouslySetInnerHTML={INTRO} />
        <ul className="cards" aria-label="Kategorier af oplysninger" dangerouslySetInnerHTML={innerHtml(cardsHtml(cards))} />
        <section
          className="card"
          aria-labelledby="tidslinje"
          dangerouslySetInnerHTML={innerHtml(
            markup`${TIMELINE_HEAD}
            <div class="timeline">${timelineHtml(timeline, now)}</div>`,
          )}
        />
        <section className="card" aria-labelledby="rapport">
          <h2 id="rapport">Få det hele på e-mail</h2>
          <p className="small">
            {`Vi sender en rapport med alle oplysningerne, hvor de kommer fra, formål, modtagere og opbevaring til ${summary.profile.email} (`}
            {REPORT_CLAUSE}).
          </p>
          <ActionButton action={sendAccessReportAction} label="Send rapporten til min e-mail" pendingLabel="Sender …" className="secondary" />
          {!summary.profile.emailConfirmed ? (
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
