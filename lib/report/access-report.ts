// The access report of 4.3: everything held about one customer, category by category, read from
// lib/policy. The /konto page shows it and "Send rapporten til min e-mail" (4.3.2) mails it.
import {
  CATEGORIES,
  COMPLAINT_LINE,
  RECIPIENTS,
  accountDeletionDate,
  invoiceRetainUntil,
  orderRetainUntil,
  type Category,
  type CategoryId,
  type FinancialYearEnd,
  type Recipient,
} from "@/lib/policy";
import { formatDate, formatDateTime, formatDueDate } from "@/lib/format";
import { countryName } from "@/lib/validation/profile";
import type { Overview } from "@/lib/dal/customer";

/** What the report needs about the customer: the overview the DAL returns (lib/dal/customer.ts). */
export type ReportInput = Overview;

export interface ReportSection {
  category: Category;
  recipients: Recipient[];
  /** What we hold, as label/value pairs with this customer's actual values. */
  held: { label: string; value: string }[];
  /** Nothing held in this category. */
  empty: boolean;
  /** When this customer's data in the category goes, as far as it can be said now. */
  yourDates: string[];
}

function range(from: Date | null, to: Date | null): string {
  if (!from) return "";
  return from.getTime() === to?.getTime() || !to ? formatDate(from) : `${formatDate(from)} – ${formatDate(to)}`;
}

export function buildAccessReport(input: ReportInput, fy: FinancialYearEnd): ReportSection[] {
  const p = input.profile;
  const c = input.counts;
  const sections: Record<CategoryId, Omit<ReportSection, "category" | "recipients">> = {
    konto: {
      held: [
        { label: "Kundenummer", value: String(p.customerNumber) },
        { label: "Navn", value: p.name },
        { label: "Adresse", value: `${p.street}, ${p.postalCode} ${p.city}, ${countryName(p.country)}` },
        { label: "E-mailadresse", value: p.email },
        { label: "Telefonnummer", value: p.phone ?? "Ikke oplyst" },
        { label: "Konto oprettet", value: formatDate(p.createdAt) },
        { label: "Seneste aktivitet", value: formatDateTime(p.lastActivityAt) },
        ...(p.processingRestricted ? [{ label: "Begrænsning", value: "Behandlingen er begrænset til opbevaring (pkt. 4.6)" }] : []),
      ],
      empty: false,
      yourDates: [`Hvis du ikke er aktiv igen, slettes kontoen ${formatDueDate(accountDeletionDate(p.lastActivityAt))}.`],
    },
    koeb: {
      held:
        c.orders === 0
          ? []
          : [
              { label: "Ordrer", value: `${c.orders} ordrer med ${c.orderLines} varelinjer (${range(input.firstOrderAt, input.lastOrderAt)})` },
              { label: "Returneringer", value: c.returnedLines ? `${c.returnedLines} returnerede varelinjer` : "Ingen" },
              { label: "Også registreret", value: "Leveringsadresse og IP-adresse for hvert køb" },
            ],
      empty: c.orders === 0,
      yourDates: input.firstOrderAt
        ? [`Din ældste ordre slettes ${formatDueDate(orderRetainUntil(input.firstOrderAt))}, de øvrige 5 år efter købet.`]
        : [],
    },
    fakturaer: {
      held: c.invoices === 0 ? [] : [{ label: "Fakturaer", value: `${c.invoices} fakturaer (${range(input.firstInvoiceAt, input.lastInvoiceAt)})` }],
      empty: c.invoices === 0,
      yourDates:
        input.firstInvoiceAt && input.lastInvoiceAt
          ? [
              `Din ældste faktura anonymiseres ${formatDueDate(invoiceRetainUntil(input.firstInvoiceAt, fy))}, den nyeste ${formatDueDate(
                invoiceRetainUntil(input.lastInvoiceAt, fy),
              )}.`,
            ]
          : [],
    },
    adfaerd: {
      held: [
        ...(c.websiteEvents
          ? [
              { label: "Registreringer", value: `${c.websiteEvents} besøg, søgninger og klik siden ${formatDate(input.firstWebsiteEventAt)}` },
              { label: "Browsere", value: input.browsers.join(", ") || "–" },
              { label: "Seneste søgninger", value: input.searchTerms.join(", ") || "–" },
            ]
          : []),
        ...(p.objectsToAnalytics ? [{ label: "Indsigelse", value: "Du har gjort indsigelse (pkt. 4.8): vi registrerer ikke længere din adfærd" }] : []),
      ],
      empty: c.websiteEvents === 0 && !p.objectsToAnalytics,
      yourDates: c.websiteEvents ? ["Slettes sammen med kontoen."] : [],
    },
    samtykke: {
      held: [
        { label: "Nyhedsbrev", value: input.newsletter.subscribed ? `Tilmeldt siden ${formatDate(input.newsletter.since)}` : "Ikke tilmeldt" },
        { label: "Historik", value: `${c.consentEvents} registrerede valg` },
      ],
      empty: c.consentEvents === 0,
      yourDates: [],
    },
    markedsfoering: {
      held: input.marketingProfile
        ? [
            { label: "Interesser", value: input.marketingProfile.interests.join(", ") || "–" },
            { label: "Foretrukne varegrupper", value: input.marketingProfile.preferredCategories.join(", ") || "–" },
            { label: "Senest beregnet", value: formatDate(input.marketingProfile.lastComputedAt) },
          ]
        : [],
      empty: !input.marketingProfile,
      yourDates: input.marketingProfile ? ["Slettes, når du tilbagekalder samtykket til nyhedsbreve."] : [],
    },
    notifikationer: {
      held: c.notifications ? [{ label: "Tilmeldinger", value: `${c.notifications} varer` }] : [],
      empty: c.notifications === 0,
      yourDates: c.notifications ? ["Hver tilmelding slettes, når du har fået besked om varen."] : [],
    },
    anmodninger: {
      held: c.requests ? [{ label: "Anmodninger", value: `${c.requests}` }] : [],
      empty: c.requests === 0,
      yourDates: [],
    },
    sikkerhed: {
      held: [{ label: "Aktive sessioner", value: String(c.activeSessions) }],
      empty: false,
      yourDates: [],
    },
  };
  return CATEGORIES.map((category) => ({
    category,
    recipients: category.recipients.map((r) => RECIPIENTS[r]),
    ...sections[category.id],
  }));
}

/** The report as plain text, for the e-mail of 4.3.2. */
export function accessReportText(name: string, sections: ReportSection[], generatedAt: Date): string {
  const out: string[] = [
    `Kære ${name}`,
    "",
    `Her er din indsigtsrapport fra 123multiservice (Persondatapolitik pkt. 4.3), dannet ${formatDateTime(generatedAt)}.`,
    "",
  ];
  for (const s of sections) {
    out.push(`== ${s.category.title} ==`);
    if (s.empty) out.push("Vi har ingen oplysninger i denne kategori om dig.");
    for (const h of s.held) out.push(`${h.label}: ${h.value}`);
    out.push(`Formål: ${s.category.purpose.text} (pkt. ${s.category.purpose.clause})`);
    out.push(`Retsgrundlag: ${s.category.legalBasis.text} (pkt. ${s.category.legalBasis.clause})`);
    out.push(`Modtagere: ${s.recipients.map((r) => `${r.name} (${r.role}, ${r.country})`).join("; ")}`);
    for (const r of s.recipients) if (r.thirdCountryTransfer) out.push(`  ${r.name}: ${r.thirdCountryTransfer}`);
    out.push(`Opbevaring: ${s.category.retention.description} (pkt. ${s.category.retention.clause})`);
    for (const d of s.yourDates) out.push(`  ${d}`);
    out.push("");
  }
  out.push("Du kan se, rette, hente og slette dine oplysninger, når du logger ind på portalen.");
  out.push(COMPLAINT_LINE);
  return out.join("\n");
}
