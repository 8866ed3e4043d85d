// Customer-facing words for the codes stored in the database (issue 10.12): no internal ids or codes
// ("kassen", "nyhedsbrev-2021-03") are shown to customers.
import { formatNumber } from "@/lib/format";

const CHANNEL: Record<string, string> = {
  kassen: "Ved et køb på hjemmesiden",
  hjemmesiden: "På hjemmesiden",
  selvbetjening: "Her i selvbetjeningen",
  personale: "Af vores kundeservice på din anmodning",
};

export function consentChannelLabel(code: string): string {
  return CHANNEL[code] ?? "Andet";
}

const MONTHS = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"];

/** "nyhedsbrev-2021-03" → "Teksten fra marts 2021". */
export function consentWordingLabel(version: string): string {
  const m = /(\d{4})-(\d{2})$/.exec(version);
  if (!m) return "En tidligere tekst";
  const month = MONTHS[Number(m[2]) - 1];
  return month ? `Teksten fra ${month} ${m[1]}` : `Teksten fra ${m[1]}`;
}

export const CONSENT_ACTION_LABEL = { given: "Givet", withdrawn: "Tilbagekaldt" } as const;

export const WEBSITE_EVENT_LABEL = { page_view: "Sidevisning", search: "Søgning", product_click: "Klik på en vare" } as const;

export function websiteEventWhat(e: {
  kind: keyof typeof WEBSITE_EVENT_LABEL;
  path: string | null;
  searchTerm: string | null;
  productSku: string | null;
}): string {
  if (e.kind === "search") return e.searchTerm ? `"${e.searchTerm}"` : "–";
  if (e.kind === "product_click") return e.productSku ? `Varenummer ${e.productSku}` : "–";
  return e.path ?? "–";
}

export const REQUEST_TYPE_LABEL: Record<string, string> = {
  erasure: "Sletning",
  objection: "Indsigelse",
  restriction: "Begrænsning",
};

export function pageLabel(page: number, pages: number): string {
  return `Side ${formatNumber(page)} af ${formatNumber(pages)}`;
}

/** 2.5.3: where the data did not come from (Art. 15(1)(g)). */
export const SOURCE_NOTE = "Vi modtager ikke oplysninger om dig fra andre virksomheder, medmindre du selv beder om det (dataportabilitet)";
