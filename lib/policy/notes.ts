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
      "Politikken siger ikke, hvor længe dokumentationen for behandlede anmodninger (sletning, indsigelse, begrænsning) og revisionssporet opbevares.",
    meanwhile:
      "Portalen beholder revisionsspor og afsluttede anmodninger i 5 år (lib/policy/retention.ts) og sletter dem derefter automatisk. Når en person slettes, får personens anmodninger og hændelser i revisionssporet et pseudonym (en nøglet hash) i stedet for kontoens id.",
  },
  {
    clauses: ["5.3", "5.2"],
    title: "Pkt. 5.3 sletter købsoplysninger før pkt. 5.2 må slette fakturaen",
    problem:
      "Pkt. 5.3 sletter alle købsoplysninger 5 år efter købet, mens pkt. 5.2 (bogføringsloven) gemmer fakturaen til 5 år efter udgangen af regnskabsåret. En faktura for et køb i marts 2021 skal gemmes til og med 31. december 2026, men efter 5.3 ville ordrelinjerne, som fakturaen dækker, være slettet i marts 2026, så bogføringsbilaget ikke længere viser, hvad der blev solgt.",
    meanwhile:
      "Bogføringsloven går forud: en ordre, som en faktura stadig gemt efter 5.2 fakturerer, beholder ordrenummer, dato, varelinjer og beløb til fakturaens egen dato. Efter 5 år (5.3) fjernes alt om personen på ordren (navn, adresse, IP-adresse, returårsag og koblingen til kontoen); ordren slettes, når fakturaen anonymiseres.",
  },
  {
    clauses: ["4.6", "5.1"],
    title: "Begrænsning og automatisk sletning",
    problem:
      "Politikken siger ikke, hvad der sker med en inaktiv konto (5.1), mens kunden har bedt om begrænsning (4.6). Efter art. 18 må oplysningerne kun opbevares, og kunden kan have brug for dem til et retskrav.",
    meanwhile:
      "En inaktiv konto med en begrænsning eller en åben anmodning om begrænsning slettes ikke; den vises for databeskyttelsesrådgiveren på anmodningen. Kunden får besked, før en begrænsning ophæves (art. 18(3)).",
  },
];
