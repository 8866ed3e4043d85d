// Where the policy text itself needs the operator's attention, beside the clauses it concerns.
// Shown to staff on /personale/politik. Each note says what the portal does meanwhile.

export interface PolicyNote {
  clauses: readonly string[];
  title: string;
  problem: string;
  meanwhile: string;
}

export const POLICY_NOTES: readonly PolicyNote[] = [
  {
    clauses: ["3.4"],
    title: "Overførsel til USA bygger på EU-U.S. Privacy Shield",
    problem:
      "Pkt. 3.4 begrunder overførslen til Google Analytics og Facebook i USA med Privacy Shield, som EU-Domstolen underkendte 16. juli 2020 (Schrems II). Overførslen skal i stedet bygge på EU-U.S. Data Privacy Framework (juli 2023) eller standardkontraktbestemmelser, og teksten \"En kopi af certificeringen kan findes her\" mangler sit link.",
    meanwhile:
      "Portalen siger det lige ud ved hver kategori, der sendes til USA, og henviser hertil. Indsigelse mod behandlingen efter 2.1.1 (4.8) stopper registreringen af adfærd for kunden.",
  },
  {
    clauses: ["5.4", "4.8", "4.9"],
    title: "Pkt. 5.4 henviser til 4.8 i stedet for 4.9",
    problem:
      "Pkt. 5.4 siger, at oplysninger til nyhedsbreve slettes, når samtykket tilbagekaldes, \"jf. pkt. 4.8\". Tilbagekaldelse af samtykke er pkt. 4.9; 4.8 er retten til indsigelse.",
    meanwhile: "Portalen henviser til 4.9 for tilbagekaldelse og sletter markedsføringsprofilen efter 5.4, når samtykket tilbagekaldes.",
  },
  {
    clauses: ["4.2.2", "4.2.3", "4.5.2", "5a.2"],
    title: "E-mailadressen er erstattet af en spambeskyttelses-tekst",
    problem:
      "I pkt. 4.2.2, 4.2.3, 4.5.2 og 5a.2 står \"Denne e-mail adresse bliver beskyttet mod spambots. Du skal have JavaScript aktiveret for at vise den.\" i stedet for adressen, så kunderne ikke kan se, hvor de skal skrive.",
    meanwhile:
      "Portalen viser kontaktadressen fra konfigurationen (PRIVACY_CONTACT_EMAIL) overalt, hvor politikken skulle have vist den, også i sletnings-PDF'en.",
  },
  {
    clauses: ["5.1"],
    title: "Opbevaring af revisionsspor og anmodninger er ikke nævnt",
    problem:
      "Politikken siger ikke, hvor længe dokumentationen for behandlede anmodninger (sletning, indsigelse, begrænsning) opbevares.",
    meanwhile:
      "Portalen beholder anmodninger og revisionsspor med en pseudonym reference og uden personoplysninger, så det kan dokumenteres, at en sletning er gennemført.",
  },
];
