// The Persondatapolitik as data: every category of personal data the shop holds about a customer,
// with purpose (2.2), legal basis (2.3), recipients (3), retention (5, 5a) and what erasure (4.5) does.
// Pages, the access report, the export, the erasure plan and the retention job read this; nothing restates it.
import type { RecipientId } from "./recipients";

export interface Cited {
  text: string;
  clause: string;
}

export type RetentionRule =
  /** Kept while the account is active; deleted after `years` without purchase, change of data or login (5.1). */
  | { kind: "inactivity"; years: number; clause: string }
  /** Kept `years` from the end of the financial year of issue, then anonymised (5.2). */
  | { kind: "financial-year"; years: number; clause: string }
  /** Deleted `years` after the event (the purchase, 5.3). */
  | { kind: "after-event"; years: number; clause: string }
  /** Deleted when consent is withdrawn (5.4). */
  | { kind: "until-withdrawn"; clause: string }
  /** Deleted once the notification has been sent (5a.3). */
  | { kind: "until-notified"; clause: string }
  /** Deleted a fixed number of days after it was made (security records, 6.1). */
  | { kind: "days"; days: number; clause: string };

export type ErasureBehaviour =
  /** Deleted in the erasure transaction. */
  | { kind: "delete" }
  /** Kept without any link to the person, only what bookkeeping or a legal claim needs, until its retention date (4.5.1). */
  | { kind: "detach-and-retain"; keeps: string; clause: string }
  /** Kept with a pseudonymous reference only, as proof that the request was handled (4.2). */
  | { kind: "pseudonymise"; keeps: string; clause: string };

export const CATEGORY_IDS = ["konto", "koeb", "fakturaer", "adfaerd", "samtykke", "markedsfoering", "notifikationer", "anmodninger", "sikkerhed"] as const;
export type CategoryId = (typeof CATEGORY_IDS)[number];

export interface Category {
  id: CategoryId;
  title: string;
  /** What it is, in a customer's words. */
  description: string;
  /** Where the policy says we collect it. */
  collected: Cited;
  /** The Prisma models that hold it (test/policy.test.ts checks every model is covered). */
  models: readonly string[];
  fields: readonly { key: string; label: string }[];
  purpose: Cited;
  legalBasis: Cited;
  recipients: readonly RecipientId[];
  retention: RetentionRule & { description: string };
  erasure: ErasureBehaviour & { description: string };
  /** Part of the portability export (4.7). Every category is: the export holds all the customer provided or generated. */
  portable: true;
}

export const CATEGORIES: readonly Category[] = [
  {
    id: "konto",
    title: "Kundekonto og kontaktoplysninger",
    description: "De oplysninger, du har givet, da du oprettede din konto og handlede hos os.",
    collected: { text: "Ved oprettelse af kundekonto og køb.", clause: "2.5.1" },
    models: ["Customer"],
    fields: [
      { key: "customerNumber", label: "Kundenummer" },
      { key: "name", label: "Navn" },
      { key: "address", label: "Adresse" },
      { key: "email", label: "E-mailadresse" },
      { key: "phone", label: "Telefonnummer" },
      { key: "createdAt", label: "Oprettet" },
      { key: "lastActivityAt", label: "Seneste aktivitet" },
    ],
    purpose: {
      text: "At levere de varer, du køber, at opfylde vores reklamationsforpligtelser og vores bogføringsmæssige forpligtelser.",
      clause: "2.2.2",
    },
    legalBasis: { text: "Nødvendigt for at opfylde den købskontrakt, du har indgået med os.", clause: "2.3.2" },
    recipients: ["dinero", "freepay", "postnord", "dbk", "drift", "anmeldelse"],
    retention: {
      kind: "inactivity",
      years: 5,
      clause: "5.1",
      description:
        "Opbevares, så længe du er aktiv. Kontoen slettes, når den har været inaktiv i 5 år (intet køb, ingen ændring af oplysninger og intet log ind).",
    },
    erasure: { kind: "delete", description: "Slettes, og du kan ikke længere logge ind." },
    portable: true,
  },
  {
    id: "koeb",
    title: "Køb og returneringer",
    description: "Dine ordrer: hvilke varer du har købt og eventuelt returneret, leveringsadressen og den IP-adresse, købet blev foretaget fra.",
    collected: { text: "Når du køber et produkt på hjemmesiden.", clause: "2.1.2" },
    models: ["Order", "OrderLine"],
    fields: [
      { key: "orderNumber", label: "Ordrenummer" },
      { key: "placedAt", label: "Købsdato" },
      { key: "lines", label: "Varer, antal og pris" },
      { key: "returns", label: "Returnerede varer" },
      { key: "shipping", label: "Leveringsadresse" },
      { key: "ipAddress", label: "IP-adresse ved købet" },
    ],
    purpose: {
      text: "At levere varerne, håndtere reklamationer og returneringer og opfylde bogføringsloven.",
      clause: "2.2.2",
    },
    legalBasis: {
      text: "Nødvendigt for at opfylde købskontrakten. IP-adressen indsamles for at forhindre svig.",
      clause: "2.3.2",
    },
    recipients: ["postnord", "dbk", "freepay", "drift"],
    retention: {
      kind: "after-event",
      years: 5,
      clause: "5.3",
      description:
        "Købsoplysninger slettes automatisk 5 år efter købet. Varelinjerne på en ordre, som en faktura stadig skal gemmes for (pkt. 5.2), gemmes til fakturaens dato, men uden dit navn, din adresse og din IP-adresse.",
    },
    erasure: {
      kind: "detach-and-retain",
      clause: "4.5.1",
      keeps: "ordrenummer, dato, varer og beløb",
      description:
        "Navn, leveringsadresse, IP-adresse og returårsager fjernes, og ordren kobles fra din konto. Ordrenummer, dato, varer og beløb gemmes til bogføring og eventuelle retskrav i 5 år efter købet, og ordrer, som en faktura dækker, til fakturaens dato.",
    },
    portable: true,
  },
  {
    id: "fakturaer",
    title: "Fakturaer",
    description: "De fakturaer, vi har udstedt til dig, med navn og adresse, som de stod på fakturaen.",
    collected: { text: "Når et køb faktureres.", clause: "2.1.2" },
    models: ["Invoice"],
    fields: [
      { key: "invoiceNumber", label: "Fakturanummer" },
      { key: "issuedAt", label: "Udstedt" },
      { key: "amounts", label: "Beløb og moms" },
      { key: "billing", label: "Navn og adresse på fakturaen" },
    ],
    purpose: { text: "At opfylde vores bogføringsmæssige forpligtelser.", clause: "2.2.2" },
    legalBasis: {
      text: "Retlig forpligtelse efter bogføringsloven (og købskontrakten).",
      clause: "5.2",
    },
    recipients: ["dinero", "freepay"],
    retention: {
      kind: "financial-year",
      years: 5,
      clause: "5.2",
      description: "Opbevares i 5 år fra udgangen af det regnskabsår, fakturaen er udstedt i. Derefter anonymiseres fakturaen.",
    },
    erasure: {
      kind: "detach-and-retain",
      clause: "5.2",
      keeps: "fakturanummer, dato, beløb, moms samt navn og adresse som udstedt",
      description:
        "Gemmes, som bogføringsloven kræver: fakturanummer, dato, beløb, moms og dit navn og din adresse, som de stod på fakturaen. Fakturaen kobles fra din konto, men viser stadig dit navn og din adresse. Den anonymiseres 5 år efter udgangen af regnskabsåret.",
    },
    portable: true,
  },
  {
    id: "adfaerd",
    title: "Adfærd på hjemmesiden",
    description: "Hvilken browser og enhed du bruger, dine søgninger, de varer du klikker på, og din IP-adresse.",
    collected: { text: "Automatisk, når du besøger hjemmesiden, blandt andet med cookies.", clause: "2.1.1" },
    models: ["WebsiteEvent"],
    fields: [
      { key: "browser", label: "Browser" },
      { key: "device", label: "Enhed" },
      { key: "searchTerm", label: "Søgetermer" },
      { key: "productSku", label: "Varer du har klikket på" },
      { key: "ipAddress", label: "IP-adresse" },
    ],
    purpose: {
      text: "At forbedre købsoplevelsen og hjemmesiden, optimere konvertering og foretage målrettet markedsføring.",
      clause: "2.2.1",
    },
    legalBasis: {
      text: "Vores legitime interesse i at forbedre hjemmesiden og tilbyde dig relevante tilbud (interesseafvejning). Du kan gøre indsigelse (4.8).",
      clause: "2.3.1",
    },
    recipients: ["google-analytics", "facebook", "markedsfoering", "drift"],
    retention: {
      kind: "inactivity",
      years: 5,
      clause: "5.1",
      description: "Følger kontoen: slettes, når kontoen har været inaktiv i 5 år, eller straks hvis du sletter kontoen.",
    },
    erasure: { kind: "delete", description: "Slettes." },
    portable: true,
  },
  {
    id: "samtykke",
    title: "Samtykke til nyhedsbrev",
    description: "Hvornår du har givet og tilbagekaldt samtykke til nyhedsbrevet, hvordan, og hvilken tekst du så.",
    collected: { text: "Når du tilmelder eller afmelder dig nyhedsbrevet.", clause: "2.2.3" },
    models: ["ConsentEvent"],
    fields: [
      { key: "action", label: "Givet eller tilbagekaldt" },
      { key: "occurredAt", label: "Tidspunkt" },
      { key: "channel", label: "Kanal" },
      { key: "wordingVersion", label: "Version af samtykketeksten" },
    ],
    purpose: { text: "At dokumentere, at du har sagt ja (eller nej) til nyhedsbreve.", clause: "4.9.1" },
    legalBasis: { text: "Dit samtykke, som du til enhver tid kan tilbagekalde.", clause: "4.9.1" },
    recipients: ["drift"],
    retention: {
      kind: "inactivity",
      years: 5,
      clause: "5.1",
      description: "Historikken følger kontoen, så vi kan dokumentere dit valg; den slettes med kontoen.",
    },
    erasure: { kind: "delete", description: "Slettes." },
    portable: true,
  },
  {
    id: "markedsfoering",
    title: "Markedsføringsprofil til nyhedsbreve",
    description: "De interesser, vi udleder af dine køb og din adfærd på hjemmesiden for at tilpasse nyhedsbreve til dig.",
    collected: { text: "Udledt af købshistorik og adfærd på hjemmesiden.", clause: "2.1.3" },
    models: ["MarketingProfile"],
    fields: [
      { key: "interests", label: "Interesser" },
      { key: "preferredCategories", label: "Foretrukne varegrupper" },
      { key: "lastComputedAt", label: "Senest beregnet" },
    ],
    purpose: {
      text: "Onlinemarkedsføring og målrettede, individualiserede nyhedsbreve.",
      clause: "2.2.3",
    },
    legalBasis: { text: "Dit samtykke til nyhedsbreve.", clause: "2.2.3" },
    recipients: ["markedsfoering", "facebook", "drift"],
    retention: {
      kind: "until-withdrawn",
      clause: "5.4",
      description: "Slettes, når du tilbagekalder dit samtykke til nyhedsbreve.",
    },
    erasure: { kind: "delete", description: "Slettes." },
    portable: true,
  },
  {
    id: "notifikationer",
    title: '"Modtag notifikation"',
    description: "Din e-mailadresse og den vare, du vil have besked om, når den kommer til salg.",
    collected: { text: 'Når du tilmelder dig "Modtag notifikation" på en vare.', clause: "5a.1" },
    models: ["NotificationSubscription"],
    fields: [
      { key: "email", label: "E-mailadresse" },
      { key: "productName", label: "Vare" },
      { key: "createdAt", label: "Tilmeldt" },
    ],
    purpose: {
      text: "At sende dig en underretning umiddelbart inden, varen frigives til salg.",
      clause: "5a.1",
    },
    legalBasis: { text: "Dit samtykke, givet ved tilmeldingen. Du kan afmelde dig når som helst.", clause: "5a.2" },
    recipients: ["drift"],
    retention: {
      kind: "until-notified",
      clause: "5a.3",
      description: "Slettes automatisk, når du har modtaget underretningen.",
    },
    erasure: { kind: "delete", description: "Slettes." },
    portable: true,
  },
  {
    id: "anmodninger",
    title: "Dine anmodninger om dine rettigheder",
    description: "Anmodninger om sletning, begrænsning og indsigelse, med status og begrundelse.",
    collected: { text: "Når du gør brug af dine rettigheder.", clause: "4.2.1" },
    /** OutboundEvent/OutboundDelivery: which recipients of clause 3 were told of the customer's decisions (art. 19). */
    models: ["PrivacyRequest", "OutboundEvent", "OutboundDelivery"],
    fields: [
      { key: "requestNumber", label: "Anmodningsnummer" },
      { key: "type", label: "Type" },
      { key: "status", label: "Status" },
      { key: "reason", label: "Begrundelse" },
      { key: "createdAt", label: "Oprettet" },
      { key: "dueAt", label: "Frist" },
    ],
    purpose: { text: "At behandle og dokumentere, at vi har efterkommet dine rettigheder.", clause: "4.2.1" },
    legalBasis: { text: "Retlig forpligtelse til at behandle anmodningen og dokumentere det.", clause: "4.2.1" },
    recipients: ["drift"],
    retention: {
      kind: "inactivity",
      years: 5,
      clause: "5.1",
      description: "Følger kontoen. Efter sletning beholdes kun anmodningens nummer, type og forløb med en pseudonym reference.",
    },
    erasure: {
      kind: "pseudonymise",
      clause: "4.5.1",
      keeps: "nummer, type, datoer og status med en pseudonym reference",
      description: "Begrundelser fjernes; nummer, type, datoer og status beholdes med en pseudonym reference som dokumentation for, at sletningen er sket.",
    },
    portable: true,
  },
  {
    id: "sikkerhed",
    title: "Log ind og sikkerhed",
    description: "Dine aktive log ind-sessioner og tællere for mislykkede log ind-forsøg (gemt som envejs-hash).",
    collected: { text: "Når du logger ind.", clause: "6.1" },
    models: ["AuthSession", "LoginFailure"],
    fields: [{ key: "sessions", label: "Aktive sessioner (oprettet, udløber)" }],
    purpose: { text: "At beskytte din konto mod misbrug.", clause: "6.1" },
    legalBasis: { text: "Sikkerhedsforanstaltninger, som vi er forpligtet til.", clause: "6.1" },
    recipients: ["drift"],
    retention: {
      kind: "days",
      days: 1,
      clause: "6.1",
      description: "Sessioner udløber efter 8 timer og slettes dagen efter; mislykkede forsøg slettes efter et døgn.",
    },
    erasure: { kind: "delete", description: "Slettes, og du bliver logget ud på alle enheder, når sletningen gennemføres." },
    portable: true,
  },
];

/**
 * Models that hold no customer data, or only pseudonymous references, and why.
 * test/policy.test.ts fails when a model is neither here nor in a category.
 */
export const MODELS_WITHOUT_CUSTOMER_DATA: Record<string, string> = {
  StaffUser: "Medarbejdere (6.2), ikke kunder; deres TOTP-hemmelighed til totrinsbekræftelse er krypteret (ASVS 6.3.3).",
  StaffRecoveryCode: "Medarbejdernes gendannelseskoder til totrinsbekræftelse, kun som hash og til engangsbrug (issue 8, ASVS 6.3.3); ikke kunder.",
  JobLease: "Styring af baggrundsjob (hvilken instans kører sletning, post og webhooks); ingen personoplysninger.",
  RateLimitHit: "Tællere for begrænsning af forsøg med nøglede hash-værdier, aldrig e-mail eller IP-adresse i klartekst; slettes efter deres tidsvindue.",
  RecipientEndpoint: "Modtagernes webhook-adresser og signeringsnøgler (pkt. 3, GDPR art. 19); ingen kundedata.",
  ImportTombstone:
    "Nøglede hash-værdier af slettede kunders id hos butikken, så en senere import ikke genskaber dem (pkt. 4.5, 5.1); kan ikke føres tilbage til personen uden portalens hemmelighed.",
  ApiKey: "Nøgler til butikkens systemer (import og hændelsesfeed), kun som hash; ingen kundedata.",
  IngestRequest: "Svar på indlæsninger pr. idempotensnøgle: linjenumre og fejlårsager, aldrig værdierne; slettes efter et døgn.",
  AccountToken:
    "Links sendt pr. e-mail til at vælge adgangskode eller bekræfte en e-mailadresse: kun en hash af linket, engangsbrug, gyldige i 30 minutter; slettes, når de er brugt eller udløbet, og med kontoen (6.1, ASVS 6.4).",
  MailMessage:
    "Udgående post i kø: modtager og indhold kun til beskeden er leveret, derefter kun art og tidspunkt; slettes med kontoen (lib/policy/mail.ts, MAIL_QUEUE). Kunden har selv fået beskeden, så den er ikke med i eksporten.",
  AuditEvent: "Revisionsspor med pseudonym reference og feltnavne, aldrig personoplysninger i klartekst (6.1).",
};

export function category(id: CategoryId): Category {
  const c = CATEGORIES.find((x) => x.id === id);
  if (!c) throw new Error(`Unknown category ${id}`);
  return c;
}
