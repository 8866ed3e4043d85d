import { clauseHref } from "@/lib/policy/clauses";
import { markup, type SafeHtml } from "@/lib/html";
import type { CustomerPrincipal } from "@/lib/dal/session";
import type { OverviewSummary } from "@/lib/dal/overview";
import type { OverviewCard, TimelineEntry } from "@/lib/report/overview";
import { timelineHtml } from "./timeline";
import { customerBarHtml, documentHtml } from "./site-shell";
import { ERROR_HEADING, ERROR_TEXT } from "./error-text";

// /konto, the customer's overview (issue 13): what we hold in each category, how much, why and until when, then when
// it goes. Written as one escaped string (lib/html.ts) and served by a route handler (app/konto/route.ts), not
// rendered by React: the page has no behaviour, and the App Router's render (React's RSC payload beside the HTML)
// cost more per request than the whole budget of issue 13.3 (bench/RESULTS.md, 2026-12-07). Nothing in it is typed
// by the customer but the name and the e-mail address, which are escaped like every value. The rows, recipients,
// legal basis and clauses are one click away on /konto/detaljer/<kategori>; the access report by e-mail and the
// download are on /konto/data.

export const OVERVIEW_TITLE = "Dine oplysninger";

// What does not depend on the customer is built once.
const HEAD = markup`<h1>Det har vi om dig</h1><p>Kort fortalt: hvad 123multiservice har om dig, hvor meget, hvorfor og hvor længe. Under hver kategori ser du alle oplysningerne, hvor de kommer fra, og hvem vi deler dem med (<a href="${clauseHref("4.3.1")}">pkt. 4.3.1</a>).</p>`;
const TIMELINE_HEAD = markup`<h2 id="tidslinje">Hvornår slettes dine data?</h2><p class="small muted">Fra i dag og frem. Datoerne er dansk tid.</p>`;

function cardsHtml(cards: OverviewCard[]): SafeHtml {
  // A plain link per card; the category in the link's name (WCAG 2.4.4, 2.5.3).
  return markup`<ul class="cards" aria-label="Kategorier af oplysninger">${cards.map(
    (c) =>
      markup`<li class="${c.empty ? "card empty" : "card"}" data-testid="kort-${c.id}"><h2>${c.title}</h2><dl><dt>Hvad</dt><dd>${c.what}</dd><dt>Omfang</dt><dd data-testid="omfang-${c.id}">${c.amount}</dd><dt>Hvorfor</dt><dd>${c.why}</dd><dt>Hvor længe</dt><dd>${c.until}</dd></dl><a href="${c.href}" aria-label="Se detaljer om ${c.title}">Se detaljer</a></li>`,
  )}</ul>`;
}

/** 4.3.2 and 4.7: the report by e-mail and the file, one click away on /konto/data. */
function reportHtml(profile: OverviewSummary["profile"]): SafeHtml {
  const to = profile.emailConfirmed
    ? markup`Få en rapport med alle oplysningerne, hvor de kommer fra, formål, modtagere og opbevaring sendt til ${profile.email} (<a href="${clauseHref("4.3.2")}">pkt. 4.3.2</a>), eller hent det hele som en fil.`
    : markup`Din e-mailadresse er ikke bekræftet endnu. Bekræft den, så kan du få en rapport med alle oplysningerne sendt (<a href="${clauseHref("4.3.2")}">pkt. 4.3.2</a>), eller hent det hele som en fil.`;
  return markup`<section class="card" aria-labelledby="rapport"><h2 id="rapport">Få det hele på e-mail eller som fil</h2><p class="small">${to}</p><p><a class="button secondary" href="/konto/data">Hent dine data</a></p></section>`;
}

/** The whole /konto document for this customer. */
export function overviewDocument(input: {
  customer: CustomerPrincipal;
  summary: OverviewSummary;
  cards: OverviewCard[];
  timeline: TimelineEntry[];
  now: Date;
  stylesheets: readonly string[];
}): string {
  const { customer, summary, cards, timeline, now, stylesheets } = input;
  const body = markup`<div class="account-nav">${customerBarHtml(customer, "/konto")}</div><main>${HEAD}${cardsHtml(cards)}<section class="card" aria-labelledby="tidslinje">${TIMELINE_HEAD}<div class="timeline">${timelineHtml(timeline, now)}</div></section>${reportHtml(summary.profile)}</main>`;
  return documentHtml({ title: OVERVIEW_TITLE, stylesheets, body });
}

/** What /konto answers when it fails unexpectedly (app/error.tsx's words; no frame, which needs the session). */
export function errorDocument(stylesheets: readonly string[]): string {
  const body = markup`<main><h1>${ERROR_HEADING}</h1><p role="alert">${ERROR_TEXT}</p><p class="actions"><a class="button" href="/konto">Prøv igen</a><a href="/persondatapolitik">Persondatapolitik</a></p></main>`;
  return documentHtml({ title: ERROR_HEADING, stylesheets, body });
}
