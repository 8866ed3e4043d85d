// The first screen of /konto (issue 13): one short card per category of data (what, how much, why, until
// when) and a timeline of when each category of this customer's data is deleted or anonymised, and why.
// Pure functions over the DAL's aggregate summary and lib/policy; the clock is passed in.
import { CATEGORIES, accountDeletionDate, invoiceRetainUntil, orderRetainUntil, type Category, type CategoryId, type FinancialYearEnd } from "@/lib/policy";
import { formatDate, plural } from "@/lib/format";
import type { Counted, OverviewSummary } from "@/lib/dal/overview";

export interface OverviewCard {
  id: CategoryId;
  title: string;
  /** What it is, in the customer's words. */
  what: string;
  /** How much we hold: counts and first/last dates; "Ingen" when nothing. */
  amount: string;
  empty: boolean;
  /** Why: the purpose. */
  why: string;
  /** Until when, with this customer's own date where there is one. */
  until: string;
  /** The details page (rows, recipients, legal basis, clauses). */
  href: string;
}

/** One category on the timeline. */
export interface TimelineEntry {
  id: CategoryId;
  title: string;
  /** "slettes" or "anonymiseres". */
  verb: "slettes" | "anonymiseres";
  /** When the data go: one date, or the first and last (rows go one by one, e.g. each order 5 years after it). */
  from: Date | null;
  to: Date | null;
  /** A due date already passed: the data go at the next daily clean-up, never shown as a future date. */
  overdue: boolean;
  /** The whole sentence, for the list a screen reader reads and the text beside the bar. */
  when: string;
  /** Why then, with the clause. */
  why: string;
  clause: string;
}

export function detailsHref(id: CategoryId): string {
  return `/konto/detaljer/${id}`;
}

function range(from: Date | null, to: Date | null): string {
  if (!from) return "";
  if (!to || formatDate(from) === formatDate(to)) return formatDate(from);
  return `${formatDate(from)} – ${formatDate(to)}`;
}

/** "10.000 ordrer", or "Mere end 10.000 ordrer" past the first screen's count cap. */
function howMany(c: Counted, one: string, other: string): string {
  return c.more ? `Mere end ${plural(c.count, one, other)}` : plural(c.count, one, other);
}

const NEXT_RUN = "ved næste daglige oprydning";

/** A sentence for one due date that never shows a past date as a future deletion. */
function dueSentence(verb: string, due: Date, now: Date, condition = ""): { text: string; overdue: boolean } {
  if (due.getTime() <= now.getTime())
    return { text: `Skulle være ${verb === "slettes" ? "slettet" : "anonymiseret"} ${formatDate(due)}; det sker ${NEXT_RUN}`, overdue: true };
  return { text: `${verb[0].toUpperCase()}${verb.slice(1)} ${formatDate(due)}${condition}`, overdue: false };
}

/** A sentence for rows that go one by one between `first` and `last`. */
function rollingSentence(noun: string, verb: string, first: Date, last: Date, now: Date): { text: string; overdue: boolean } {
  const past = verb === "slettes" ? "slettet" : "anonymiseret";
  if (formatDate(first) === formatDate(last)) return dueSentence(verb, first, now);
  if (last.getTime() <= now.getTime()) return { text: `Alle skulle være ${past} senest ${formatDate(last)}; det sker ${NEXT_RUN}`, overdue: true };
  if (first.getTime() <= now.getTime())
    return { text: `De ældste er forfaldne og ${verb} ${NEXT_RUN}; de øvrige ${verb} løbende, de nyeste ${formatDate(last)}`, overdue: true };
  return { text: `${verb[0].toUpperCase()}${verb.slice(1)} løbende: ${noun} ${formatDate(first)}, de nyeste ${formatDate(last)}`, overdue: false };
}

function retentionWhy(c: Category): string {
  const r = c.retention;
  switch (r.kind) {
    case "inactivity":
      return c.id === "konto"
        ? `${r.years} år efter din seneste aktivitet: køb, ændring af oplysninger eller log ind`
        : `Følger kontoen: ${r.years} år efter din seneste aktivitet`;
    case "financial-year":
      return `Bogføringsloven: ${r.years} år efter udgangen af det regnskabsår, fakturaen er udstedt i`;
    case "after-event":
      return `${r.years} år efter hvert køb`;
    case "until-withdrawn":
      return "Når du tilbagekalder dit samtykke til nyhedsbreve";
    case "until-notified":
      return "Når du har fået besked om varen";
    case "days":
      return "Dagen efter, at du logger ud, eller sessionen udløber";
  }
}

/** The timeline: one entry per category that holds something of this customer, in the policy's order. */
export function buildTimeline(s: OverviewSummary, fy: FinancialYearEnd, now: Date): TimelineEntry[] {
  const accountGoes = accountDeletionDate(s.profile.lastActivityAt);
  const entries: TimelineEntry[] = [];
  for (const c of CATEGORIES) {
    const base = { id: c.id, title: c.title, why: retentionWhy(c), clause: c.retention.clause };
    const followAccount = (verb: "slettes" | "anonymiseres" = "slettes") => {
      const d = dueSentence(verb, accountGoes, now, ", hvis du ikke er aktiv inden da");
      entries.push({ ...base, verb, from: accountGoes, to: accountGoes, overdue: d.overdue, when: d.text });
    };
    switch (c.id) {
      case "konto":
        followAccount();
        break;
      case "koeb": {
        if (!s.orders.first || !s.orders.last) break;
        const first = orderRetainUntil(s.orders.first);
        const last = orderRetainUntil(s.orders.last);
        const d = rollingSentence("den ældste ordre", "slettes", first, last, now);
        entries.push({ ...base, verb: "slettes", from: first, to: last, overdue: d.overdue, when: d.text });
        break;
      }
      case "fakturaer": {
        if (!s.invoices.first || !s.invoices.last) break;
        const first = invoiceRetainUntil(s.invoices.first, fy);
        const last = invoiceRetainUntil(s.invoices.last, fy);
        const d = rollingSentence("den ældste faktura", "anonymiseres", first, last, now);
        entries.push({ ...base, verb: "anonymiseres", from: first, to: last, overdue: d.overdue, when: d.text });
        break;
      }
      case "adfaerd":
        if (s.websiteEvents.count > 0) followAccount();
        break;
      case "samtykke":
        if (s.consentEvents > 0) followAccount();
        break;
      case "anmodninger":
        if (s.requests.count > 0) followAccount("anonymiseres");
        break;
      case "markedsfoering":
        if (s.marketingProfile)
          entries.push({ ...base, verb: "slettes", from: null, to: null, overdue: false, when: "Slettes, når du tilbagekalder dit samtykke til nyhedsbreve" });
        break;
      case "notifikationer":
        if (s.notifications > 0)
          entries.push({ ...base, verb: "slettes", from: null, to: null, overdue: false, when: "Hver tilmelding slettes, når du har fået besked om varen" });
        break;
      case "sikkerhed":
        if (s.activeSessions > 0)
          entries.push({
            ...base,
            verb: "slettes",
            from: null,
            to: null,
            overdue: false,
            when: "Slettes dagen efter, at du logger ud, eller sessionen udløber (efter højst 8 timer)",
          });
        break;
    }
  }
  return entries;
}

/** The cards of /konto, one per category, in the policy's order. */
export function buildOverviewCards(s: OverviewSummary, timeline: TimelineEntry[]): OverviewCard[] {
  const untilOf = (id: CategoryId, fallback: string) => timeline.find((t) => t.id === id)?.when ?? fallback;
  return CATEGORIES.map((c): OverviewCard => {
    let amount: string;
    let empty = false;
    switch (c.id) {
      case "konto":
        amount = `Navn, adresse, e-mail og telefon. Kunde siden ${formatDate(s.profile.createdAt)}`;
        break;
      case "koeb":
        empty = s.orders.count === 0;
        amount = empty ? "Ingen køb" : `${howMany(s.orders, "ordre", "ordrer")} (${range(s.orders.first, s.orders.last)})`;
        break;
      case "fakturaer":
        empty = s.invoices.count === 0;
        amount = empty ? "Ingen fakturaer" : `${howMany(s.invoices, "faktura", "fakturaer")} (${range(s.invoices.first, s.invoices.last)})`;
        break;
      case "adfaerd":
        empty = s.websiteEvents.count === 0;
        amount = empty
          ? s.profile.objectsToAnalytics
            ? "Ingen. Du har gjort indsigelse, så vi registrerer ikke din adfærd"
            : "Ingen registreringer"
          : `${howMany(s.websiteEvents, "registrering", "registreringer")} af besøg, søgninger og klik (${range(s.websiteEvents.first, s.websiteEvents.last)})`;
        if (!empty && s.profile.objectsToAnalytics) amount += ". Du har gjort indsigelse: vi registrerer ikke mere";
        break;
      case "samtykke":
        empty = s.consentEvents === 0;
        amount = `${s.newsletter.subscribed ? `Tilmeldt nyhedsbrevet siden ${formatDate(s.newsletter.since)}` : "Ikke tilmeldt nyhedsbrevet"}. ${
          empty ? "Ingen registrerede valg" : plural(s.consentEvents, "registreret valg", "registrerede valg")
        }`;
        break;
      case "markedsfoering":
        empty = !s.marketingProfile;
        amount = empty ? "Ingen profil" : "1 profil med interesser og foretrukne varegrupper";
        break;
      case "notifikationer":
        empty = s.notifications === 0;
        amount = empty ? "Ingen tilmeldinger" : plural(s.notifications, "tilmelding", "tilmeldinger");
        break;
      case "anmodninger":
        empty = s.requests.count === 0;
        amount = empty
          ? "Ingen anmodninger"
          : `${plural(s.requests.count, "anmodning", "anmodninger")}${s.requests.open ? `, heraf ${plural(s.requests.open, "åben", "åbne")}` : ""}`;
        break;
      case "sikkerhed":
        amount = plural(s.activeSessions, "aktiv log ind-session", "aktive log ind-sessioner");
        break;
    }
    return {
      id: c.id,
      title: c.title,
      what: c.description,
      amount,
      empty,
      why: c.purpose.text,
      until: untilOf(c.id, empty ? "Intet at slette" : retentionWhy(c)),
      href: detailsHref(c.id),
    };
  });
}

/** Geometry of the timeline's bars, in per cent of the axis from today to the last date (rounded up to a new year). */
export interface TimelineAxis {
  start: Date;
  end: Date;
  years: { year: number; x: number }[];
  x: (d: Date) => number;
}

export function timelineAxis(entries: TimelineEntry[], now: Date): TimelineAxis {
  const start = now;
  const last = Math.max(now.getTime() + 366 * 86_400_000, ...entries.map((e) => e.to?.getTime() ?? 0));
  const endYear = new Date(last).getUTCFullYear() + 1;
  const end = new Date(Date.UTC(endYear, 0, 1));
  const span = end.getTime() - start.getTime();
  const x = (d: Date) => Math.min(100, Math.max(0, ((d.getTime() - start.getTime()) / span) * 100));
  const years: { year: number; x: number }[] = [];
  for (let y = start.getUTCFullYear() + 1; y <= endYear; y++) years.push({ year: y, x: x(new Date(Date.UTC(y, 0, 1))) });
  return { start, end, years, x };
}
