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

export const RECIPIENT_IDS = [
  "dinero",
  "freepay",
  "postnord",
  "dbk",
  "drift",
  "markedsfoering",
  "google-analytics",
  "facebook",
  "anmeldelse",
] as const;
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
      "Oplysningerne overføres til USA. Politikken henviser til EU-U.S. Privacy Shield, som EU-Domstolen underkendte i juli 2020; se 'Bemærkninger til politikken'.",
    clause: "3.4",
  },
  facebook: {
    id: "facebook",
    name: "Facebook Inc. (Meta)",
    role: "selvstændig dataansvarlig",
    what: "Målrettet markedsføring og retargeting.",
    country: "USA",
    thirdCountryTransfer:
      "Oplysningerne overføres til USA. Politikken henviser til en certificering under EU-U.S. Privacy Shield, som ikke længere er gyldig; se 'Bemærkninger til politikken'.",
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
