// Recipients and processors named in clause 3 of the Persondatapolitik.

export type RecipientRole = "databehandler" | "selvstændig dataansvarlig" | "modtager" | "egen brug";

export interface Recipient {
  id: RecipientId;
  name: string;
  role: RecipientRole;
  what: string;
  country: string;
  /** Said plainly where data leaves the EU/EEA (3.4). */
  thirdCountryTransfer?: string;
  clause: string;
}

export const RECIPIENT_IDS = ["dinero", "freepay", "postnord", "dbk", "drift", "markedsfoering", "google-analytics", "facebook", "anmeldelse"] as const;
export type RecipientId = (typeof RECIPIENT_IDS)[number];

export const RECIPIENTS: Record<RecipientId, Recipient> = {
  dinero: {
    id: "dinero",
    name: "Dinero",
    role: "databehandler",
    what: "Fakturering: navn, adresse, e-mail og købets beløb sendes for at udstede fakturaen.",
    country: "Danmark",
    clause: "3.1",
  },
  freepay: {
    id: "freepay",
    name: "FreePay",
    role: "databehandler",
    what: "Betaling af fakturaer: de oplysninger, der er nødvendige for at gennemføre betalingen.",
    country: "Danmark",
    clause: "3.1.2",
  },
  postnord: {
    id: "postnord",
    name: "PostNord",
    role: "modtager",
    what: "Levering af købte varer: navn, leveringsadresse, telefon og e-mail.",
    country: "Danmark",
    clause: "3.2",
  },
  dbk: {
    id: "dbk",
    name: "DBK (dropshipment)",
    role: "modtager",
    what: "Varer, der sendes direkte fra leverandøren: navn og leveringsadresse.",
    country: "Danmark",
    clause: "3.2",
  },
  drift: {
    id: "drift",
    name: "Leverandører af teknisk drift af hjemmesiden",
    role: "databehandler",
    what: "Hosting og drift af hjemmesiden og vores sikre servere.",
    country: "EU",
    clause: "3.2",
  },
  markedsfoering: {
    id: "markedsfoering",
    name: "Eksterne virksomheder til målrettet markedsføring og retargeting",
    role: "selvstændig dataansvarlig",
    what: "Retargeting, bedømmelse af købsforløb og forbedring af hjemmesiden. Videregives efter en interesseafvejning og ikke, hvis dine interesser vejer tungere.",
    country: "EU",
    clause: "3.2",
  },
  "google-analytics": {
    id: "google-analytics",
    name: "Google Analytics v/ Google Inc.",
    role: "databehandler",
    what: "Statistik over brugen af hjemmesiden.",
    country: "USA",
    thirdCountryTransfer:
      "Oplysningerne overføres til USA. Vores persondatapolitik (pkt. 3.4) henviser stadig til EU-U.S. Privacy Shield, men den ordning gælder ikke længere (EU-Domstolen, juli 2020). En overførsel til USA skal i dag bygge på EU-U.S. Data Privacy Framework eller på EU's standardkontrakter. Du har ret til at få at vide, hvilket grundlag der bruges, og få en kopi af garantierne: skriv til os.",
    clause: "3.4",
  },
  facebook: {
    id: "facebook",
    name: "Facebook Inc. (Meta)",
    role: "selvstændig dataansvarlig",
    what: "Målrettet markedsføring og retargeting.",
    country: "USA",
    thirdCountryTransfer:
      "Oplysningerne overføres til USA. Vores persondatapolitik (pkt. 3.4) henviser til en certificering under EU-U.S. Privacy Shield, men den ordning gælder ikke længere (EU-Domstolen, juli 2020), og linket til certificeringen mangler. En overførsel til USA skal i dag bygge på EU-U.S. Data Privacy Framework eller på EU's standardkontrakter. Du har ret til at få at vide, hvilket grundlag der bruges, og få en kopi af garantierne: skriv til os.",
    clause: "3.4",
  },
  anmeldelse: {
    id: "anmeldelse",
    name: "Anmodning om anmeldelse",
    role: "egen brug",
    what: "Din e-mailadresse bruges til én separat e-mail, der beder dig anmelde 123multiservice og fragtfirmaets levering.",
    country: "Danmark",
    clause: "3.5",
  },
};

// ---------------------------------------------------------------- who hears of what (GDPR art. 19, clause 3)
// Art. 19: each recipient to whom personal data have been disclosed must be told of a rectification (art. 16),
// an erasure (art. 17(1)) and a restriction (art. 18). Consent withdrawal (4.9), objection (4.8, art. 21) and an
// unsubscribed "Modtag notifikation" (5a.2) must reach the systems that would otherwise go on processing.
// This table is the one place that says which recipient of clause 3 gets which kind of event; the outbox
// (lib/dal/integration-outbox.ts) writes one delivery per recipient listed here.

export const OUTBOUND_EVENT_KINDS = [
  "customer.rectified",
  "newsletter.consent_given",
  "newsletter.consent_withdrawn",
  "objection.registered",
  "objection.rejected",
  "objection.direct_marketing",
  "objection.direct_marketing_withdrawn",
  "restriction.started",
  "restriction.lifted",
  "erasure.completed",
  "notification.unsubscribed",
] as const;
export type OutboundEventKind = (typeof OUTBOUND_EVENT_KINDS)[number];

export interface OutboundEventKindInfo {
  /** Danish, for staff pages. */
  title: string;
  /** Where the duty to tell comes from. */
  basis: string;
  recipients: readonly RecipientId[];
}

/** Recipients that hold the customer's name and address (3.1, 3.1.2, 3.2) and the website platform itself. */
const HOLD_CONTACT_DATA: readonly RecipientId[] = ["dinero", "freepay", "postnord", "dbk", "drift"];
/** Recipients of behaviour and marketing data (2.1.1, 2.1.3, 3.2, 3.4). */
const HOLD_BEHAVIOUR_DATA: readonly RecipientId[] = ["markedsfoering", "google-analytics", "facebook", "drift"];
const EVERY_RECIPIENT_WITH_DATA: readonly RecipientId[] = [...new Set([...HOLD_CONTACT_DATA, ...HOLD_BEHAVIOUR_DATA])];

export const OUTBOUND_EVENTS: Record<OutboundEventKind, OutboundEventKindInfo> = {
  "customer.rectified": {
    title: "Navn, adresse eller kontaktoplysninger rettet",
    basis: "GDPR art. 16 og 19; pkt. 4.4",
    recipients: HOLD_CONTACT_DATA,
  },
  "newsletter.consent_given": {
    title: "Samtykke til nyhedsbrev givet",
    basis: "Pkt. 2.2.3, 4.9",
    recipients: ["markedsfoering", "drift"],
  },
  "newsletter.consent_withdrawn": {
    title: "Samtykke til nyhedsbrev tilbagekaldt",
    basis: "GDPR art. 7(3); pkt. 4.9, 5.4",
    recipients: ["markedsfoering", "facebook", "drift"],
  },
  "objection.registered": {
    title: "Indsigelse mod behandling til forbedring af hjemmesiden",
    basis: "GDPR art. 21(1); pkt. 4.8",
    recipients: HOLD_BEHAVIOUR_DATA,
  },
  "objection.rejected": {
    title: "Indsigelse afvist (behandlingen må genoptages)",
    basis: "GDPR art. 21(1); pkt. 4.8.2",
    recipients: HOLD_BEHAVIOUR_DATA,
  },
  "objection.direct_marketing": {
    title: "Indsigelse mod direkte markedsføring (ubetinget)",
    basis: "GDPR art. 21(2)-(3); pkt. 2.1.3, 2.2.1",
    recipients: HOLD_BEHAVIOUR_DATA,
  },
  "objection.direct_marketing_withdrawn": {
    title: "Indsigelse mod direkte markedsføring trukket tilbage (intet genstarter af sig selv; nyhedsbrevet kræver nyt samtykke)",
    basis: "GDPR art. 21(2)-(3); pkt. 2.1.3, 2.2.1, 4.9",
    recipients: HOLD_BEHAVIOUR_DATA,
  },
  "restriction.started": {
    title: "Behandling begrænset til opbevaring",
    basis: "GDPR art. 18 og 19; pkt. 4.6",
    recipients: EVERY_RECIPIENT_WITH_DATA,
  },
  "restriction.lifted": {
    title: "Begrænsning ophævet",
    basis: "GDPR art. 18(3) og 19; pkt. 4.6",
    recipients: EVERY_RECIPIENT_WITH_DATA,
  },
  "erasure.completed": {
    title: "Sletning gennemført",
    basis: "GDPR art. 17 og 19; pkt. 4.5, 5.1",
    recipients: EVERY_RECIPIENT_WITH_DATA,
  },
  "notification.unsubscribed": {
    title: '"Modtag notifikation" afmeldt',
    basis: "GDPR art. 7(3); pkt. 5a.2",
    recipients: ["drift"],
  },
};

/**
 * How long the outbox keeps what it sent (issue 9). The policy names no period, so storage limitation decides
 * (art. 5(1)(e)): an event's data (the shop's customer id and number, corrected fields) are needed until every
 * recipient has it, plus a window in which a recipient that lost what it received can read the feed again; what
 * remains (which kind of event went to whom, when, confirmed or not) documents art. 19 as long as the requests do.
 */
export const OUTBOX_RETENTION = {
  /** Days after the event, once every delivery is delivered or handled, until its data are cleared. */
  clearDeliveredAfterDays: 30,
  /** Years after the event until the record of it and its deliveries is deleted (as REQUEST_RECORD_RETENTION). */
  deleteAfterYears: 5,
  clause: "art. 5(1)(e)",
  clearDescription:
    "Data i hændelser til modtagerne (pkt. 3) ryddes 30 dage efter, at alle modtagere har fået dem; at de blev underrettet, står tilbage som dokumentation (art. 19, art. 5(2)).",
  deleteDescription: "Hændelser til modtagerne og deres leveringer slettes 5 år efter hændelsen.",
} as const;

/** Which recipients of clause 3 must hear of an event of this kind. */
export function recipientsForEvent(kind: OutboundEventKind): readonly RecipientId[] {
  return OUTBOUND_EVENTS[kind].recipients;
}

export function isRecipientId(v: string): v is RecipientId {
  return (RECIPIENT_IDS as readonly string[]).includes(v);
}
