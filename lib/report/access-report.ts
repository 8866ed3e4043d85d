// The access report of 4.3 / Art. 15 as the e-mail of 4.3.2: per category the data themselves (every row,
// read page by page), where they came from (2.5, Art. 15(1)(g)), purpose, legal basis, recipients (with the
// transfers to the USA said plainly), and until when, with this customer's own dates. The /konto details
// pages show the same, one category at a time.
import { CATEGORIES, COMPLAINT_LINE, RECIPIENTS, parseFinancialYearEnd, type Category, type CategoryId } from "@/lib/policy";
import { env } from "@/lib/env";
import { formatDate, formatDateTime, formatMoney, formatNumber, plural } from "@/lib/format";
import { countryName } from "@/lib/validation/profile";
import type { CustomerPrincipal } from "@/lib/dal/session";
import { getOverviewSummary } from "@/lib/dal/overview";
import { getConsentHistory, getProfile, listNotifications } from "@/lib/dal/customer";
import { listMyRequests } from "@/lib/dal/requests";
import { getMyMarketingProfile, listMyActiveSessions, listMyInvoices, listMyOrders, listMyWebsiteEvents, type Paged } from "@/lib/dal/details";
import { buildTimeline, type TimelineEntry } from "./overview";
import {
  CONSENT_ACTION_LABEL,
  REQUEST_TYPE_LABEL,
  WEBSITE_EVENT_LABEL,
  consentChannelLabel,
  consentWordingLabel,
  websiteEventWhat,
  SOURCE_NOTE,
} from "./labels";
import { STATUS_LABEL } from "@/components/request-labels";

const REPORT_PAGE = 500;

/** Every row of a paged list, page by page (a customer can have thousands of orders). */
async function* all<T>(fetch: (page: number) => Promise<Paged<T>>): AsyncGenerator<T> {
  for (let page = 1; ; page++) {
    const r = await fetch(page);
    for (const row of r.rows) yield row;
    if (page >= r.pages) return;
  }
}

const addr = (a: { street: string | null; postalCode: string | null; city: string | null; country: string | null }) =>
  a.street ? `${a.street}, ${a.postalCode ?? ""} ${a.city ?? ""}, ${countryName(a.country ?? "DK")}` : "–";

/** The rows of one category as text lines. */
async function rowsOf(id: CategoryId, c: CustomerPrincipal, now: Date): Promise<string[]> {
  const out: string[] = [];
  switch (id) {
    case "konto": {
      const p = await getProfile(c);
      if (!p) break;
      out.push(
        `Kundenummer: ${p.customerNumber}`,
        `Navn: ${p.name}`,
        `Adresse: ${p.street}, ${p.postalCode} ${p.city}, ${countryName(p.country)}`,
        `E-mailadresse: ${p.email}`,
        `Telefonnummer: ${p.phone ?? "Ikke oplyst"}`,
        `Konto oprettet: ${formatDate(p.createdAt)}`,
        `Seneste aktivitet: ${formatDateTime(p.lastActivityAt)}`,
      );
      if (p.processingRestricted) out.push("Begrænsning: behandlingen er begrænset til opbevaring (pkt. 4.6)");
      if (p.objectsToAnalytics) out.push("Indsigelse: vi registrerer ikke din adfærd på hjemmesiden (pkt. 4.8)");
      break;
    }
    case "koeb":
      for await (const o of all((page) => listMyOrders(c, page, REPORT_PAGE))) {
        out.push(
          `Ordre ${o.orderNumber}, ${formatDate(o.placedAt)}, ${formatMoney(o.totalOre)}. Levering: ${o.shipping.name ?? "–"}, ${addr(o.shipping)} (${o.carrier}). IP-adresse: ${o.ipAddress ?? "–"}`,
        );
        for (const l of o.lines)
          out.push(
            `  ${formatNumber(l.quantity)} stk. ${l.productName} (varenr. ${l.productSku}) à ${formatMoney(l.unitPriceOre)}${
              l.returnedQuantity
                ? `; ${formatNumber(l.returnedQuantity)} returneret ${formatDate(l.returnedAt)}${l.returnReason ? ` (${l.returnReason})` : ""}`
                : ""
            }`,
          );
      }
      break;
    case "fakturaer":
      for await (const i of all((page) => listMyInvoices(c, page, REPORT_PAGE))) {
        out.push(
          `Faktura ${i.invoiceNumber}, ${formatDate(i.issuedAt)}: ${i.description}, ${formatMoney(i.totalOre)} (heraf moms ${formatMoney(i.vatOre)}). ${
            i.anonymisedAt ? `Anonymiseret ${formatDate(i.anonymisedAt)}` : `Udstedt til ${i.billing.name ?? "–"}, ${addr(i.billing)}`
          }`,
        );
      }
      break;
    case "adfaerd":
      for await (const e of all((page) => listMyWebsiteEvents(c, page, REPORT_PAGE))) {
        out.push(
          `${formatDateTime(e.occurredAt)}: ${WEBSITE_EVENT_LABEL[e.kind]}: ${websiteEventWhat(e)}. ${e.browser}, ${e.device}, IP-adresse ${e.ipAddress}`,
        );
      }
      break;
    case "samtykke":
      for (const e of await getConsentHistory(c))
        out.push(
          `${CONSENT_ACTION_LABEL[e.action]} ${formatDateTime(e.occurredAt)}. ${consentChannelLabel(e.channel)}. ${consentWordingLabel(e.wordingVersion)}.`,
        );
      break;
    case "markedsfoering": {
      const m = await getMyMarketingProfile(c);
      if (m)
        out.push(
          `Interesser: ${m.interests.join(", ") || "–"}`,
          `Foretrukne varegrupper: ${m.preferredCategories.join(", ") || "–"}`,
          `Senest beregnet: ${formatDate(m.lastComputedAt)}`,
        );
      break;
    }
    case "notifikationer":
      for (const n of await listNotifications(c))
        out.push(`${n.productName}, tilmeldt ${formatDate(n.createdAt)}${n.notifiedAt ? `, besked sendt ${formatDate(n.notifiedAt)}` : ""}`);
      break;
    case "anmodninger":
      for (const r of await listMyRequests(c))
        out.push(
          `${REQUEST_TYPE_LABEL[r.type]} ${r.requestNumber}: ${STATUS_LABEL[r.status] ?? r.status}. Oprettet ${formatDate(r.createdAt)}, svarfrist ${formatDate(r.dueAt)}${
            r.closedAt ? `, afsluttet ${formatDate(r.closedAt)}` : ""
          }.${r.reason ? ` Din begrundelse: "${r.reason}".` : ""}${r.resolution ? ` Svar: ${r.resolution}` : ""}`,
        );
      break;
    case "sikkerhed": {
      const sessions = await listMyActiveSessions(c, now);
      out.push(plural(sessions.length, "aktiv log ind-session", "aktive log ind-sessioner"));
      for (const s of sessions) out.push(`Logget ind ${formatDateTime(s.createdAt)}, udløber ${formatDateTime(s.expiresAt)}`);
      break;
    }
  }
  return out;
}

function aboutLines(c: Category, entry: TimelineEntry | undefined): string[] {
  const out = [
    `Hvor det kommer fra: ${c.collected.text} (pkt. ${c.collected.clause})`,
    `Formål: ${c.purpose.text} (pkt. ${c.purpose.clause})`,
    `Retsgrundlag: ${c.legalBasis.text} (pkt. ${c.legalBasis.clause})`,
    `Modtagere: ${c.recipients.map((r) => `${RECIPIENTS[r].name} (${RECIPIENTS[r].role}, ${RECIPIENTS[r].country})`).join("; ")}`,
  ];
  for (const r of c.recipients) if (RECIPIENTS[r].thirdCountryTransfer) out.push(`  ${RECIPIENTS[r].name}: ${RECIPIENTS[r].thirdCountryTransfer}`);
  out.push(`Opbevaring: ${c.retention.description} (pkt. ${c.retention.clause})`);
  if (entry) out.push(`  For dig: ${entry.when}.`);
  out.push(`Hvis du sletter din konto: ${c.erasure.description}`);
  return out;
}

/** The whole report as plain text for the e-mail of 4.3.2; null when the customer no longer exists. */
export async function accessReportText(c: CustomerPrincipal, now: Date = new Date()): Promise<{ email: string; text: string } | null> {
  const summary = await getOverviewSummary(c, now);
  if (!summary) return null;
  const timeline = buildTimeline(summary, parseFinancialYearEnd(env.FINANCIAL_YEAR_END), now);
  const out: string[] = [
    `Kære ${summary.profile.name}`,
    "",
    `Her er din indsigtsrapport fra 123multiservice (Persondatapolitik pkt. 4.3), dannet ${formatDateTime(now)} (dansk tid).`,
    "For hver kategori står de oplysninger, vi har om dig, hvor de kommer fra, hvorfor vi har dem, hvem der får dem, og hvor længe vi gemmer dem.",
    `${SOURCE_NOTE} (pkt. 2.5.3).`,
    "",
  ];
  for (const cat of CATEGORIES) {
    out.push(`== ${cat.title} ==`);
    const rows = await rowsOf(cat.id, c, now);
    out.push("Det har vi om dig:");
    if (rows.length === 0) out.push("  Ingen oplysninger i denne kategori.");
    for (const r of rows) out.push(`  ${r}`);
    out.push(
      ...aboutLines(
        cat,
        timeline.find((t) => t.id === cat.id),
      ),
    );
    out.push("");
  }
  out.push("Du kan se, rette, hente og slette dine oplysninger, når du logger ind på portalen.");
  out.push(COMPLAINT_LINE);
  return { email: summary.profile.email, text: out.join("\n") };
}
