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
      'Pkt. 3.4 begrunder overførslen til Google Analytics og Facebook i USA med Privacy Shield, som EU-Domstolen underkendte 16. juli 2020 (Schrems II). Overførslen skal i stedet bygge på EU-U.S. Data Privacy Framework (juli 2023) eller standardkontraktbestemmelser, og teksten "En kopi af certificeringen kan findes her" mangler sit link.',
    meanwhile:
      "Portalen siger det lige ud ved hver kategori, der sendes til USA, og henviser hertil. Indsigelse mod behandlingen efter 2.1.1 (4.8) stopper registreringen af adfærd for kunden.",
  },
  {
    clauses: ["5.4", "4.8", "4.9"],
    title: "Pkt. 5.4 henviser til 4.8 i stedet for 4.9",
    problem:
      'Pkt. 5.4 siger, at oplysninger til nyhedsbreve slettes, når samtykket tilbagekaldes, "jf. pkt. 4.8". Tilbagekaldelse af samtykke er pkt. 4.9; 4.8 er retten til indsigelse.',
    meanwhile: "Portalen henviser til 4.9 for tilbagekaldelse og sletter markedsføringsprofilen efter 5.4, når samtykket tilbagekaldes.",
  },
  {
    clauses: ["4.2.2", "4.2.3", "4.5.2", "5a.2"],
    title: "E-mailadressen er erstattet af en spambeskyttelses-tekst",
    problem:
      'I pkt. 4.2.2, 4.2.3, 4.5.2 og 5a.2 står "Denne e-mail adresse bliver beskyttet mod spambots. Du skal have JavaScript aktiveret for at vise den." i stedet for adressen, så kunderne ikke kan se, hvor de skal skrive.',
    meanwhile:
      "Portalen viser kontaktadressen fra konfigurationen (PRIVACY_CONTACT_EMAIL) overalt, hvor politikken skulle have vist den, også i sletnings-PDF'en.",
  },
  {
    clauses: ["5.1"],
    title: "Opbevaring af revisionsspor og anmodninger er ikke nævnt",
    problem: "Politikken siger ikke, hvor længe dokumentationen for behandlede anmodninger (sletning, indsigelse, begrænsning) og revisionssporet opbevares.",
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
  // Issue 10, item 12: the flaws found in a close reading of the whole text (clause by clause against the GDPR).
  {
    clauses: ["1.2", "1.3"],
    title: "Pkt. 1.2 og 1.3 siger hinanden imod",
    problem:
      "Pkt. 1.2 siger, at politikken kun gælder privatkunder, og pkt. 1.3, at den alligevel gælder erhvervskunder, når der behandles personoplysninger. Databeskyttelsesforordningen gælder for oplysninger om enhver fysisk person, også en enkeltmandsvirksomhed eller en kontaktperson hos en erhvervskunde; politikken kan ikke fravælge dem.",
    meanwhile:
      "Portalen skelner ikke mellem privat- og erhvervskunder: alle med en konto har de samme rettigheder, og alle kundens oplysninger behandles efter politikken.",
  },
  {
    clauses: ["2.1.3", "2.2.1", "4.8.1"],
    title: "Retten til ubetinget indsigelse mod direkte markedsføring mangler",
    problem:
      'Køb og adfærd bruges til målrettet markedsføring og profilering (2.1.3, 2.2.1), men pkt. 4.8.1 giver kun indsigelsesret mod forbedring af hjemmesiden og kun "hvis du har særlige grunde". Efter art. 21, stk. 2 og 3, kan kunden altid gøre indsigelse mod direkte markedsføring, herunder profilering, uden begrundelse og med virkning med det samme, og retten skal nævnes tydeligt og adskilt fra andre oplysninger (art. 21, stk. 4).',
    meanwhile:
      "/konto/samtykke har indsigelsen mod direkte markedsføring som sin egen ret: ét klik, ingen begrundelse, ingen vurdering. Markedsføringsprofilen slettes, nyhedsbrevet stopper, og modtagerne af adfærdsdata får besked i samme transaktion. Indsigelsen efter 4.8 beholder sin interesseafvejning og går til en medarbejder.",
  },
  {
    clauses: ["2.1.1", "2.3.1", "2.5.2", "3.2"],
    title: "Cookies til sporing og markedsføring kræver samtykke",
    problem:
      "Pkt. 2.1.1, 2.3.1 og 3.2 bygger indsamlingen af adfærd med cookies og videregivelsen til retargeting på interesseafvejning. Cookies, der ikke er nødvendige for at levere tjenesten (statistik, retargeting, Facebook), kræver forudgående samtykke (cookiebekendtgørelsen § 3, ePrivacy-direktivets art. 5, stk. 3), og samtykket er da også grundlaget for den efterfølgende behandling.",
    meanwhile:
      "Portalen sætter ingen sporings-cookies; den registrerer kun adfærd, som webshoppen sender, og ingen for en kunde med indsigelse efter 4.8 eller begrænsning efter 4.6. Samtykke til cookies skal indhentes i webshoppen; det ligger uden for portalen.",
  },
  {
    clauses: ["2.3.1", "2.3.2", "2.2.3"],
    title: "Retsgrundlaget er ikke angivet for alle formål",
    problem:
      "Pkt. 2.3 nævner intet retsgrundlag for markedsføringen efter 2.1.3 (nyhedsbrevet bygger på samtykke, 2.2.3, men det står ikke i 2.3), og IP-adresser til at forhindre svig (2.3.2) er ikke nødvendige for at opfylde købsaftalen; grundlaget er en legitim interesse (art. 6, stk. 1, litra f).",
    meanwhile:
      "Portalen angiver ved hver kategori det grundlag, den faktisk bygger på (lib/policy/categories.ts), også samtykke for nyhedsbrevet og legitim interesse for IP-adressen ved køb.",
  },
  {
    clauses: ["4.2.1", "4.2.2", "4.2.3"],
    title: "Dokumentationskravet går videre end loven tillader",
    problem:
      "Pkt. 4.2.1 kræver dokumentation, før enhver henvendelse efter 4.3-4.9 behandles, og 4.2.2 et personligt underskrevet dokument før sletning. Efter art. 12, stk. 2 og 6, må den dataansvarlige ikke gøre det unødigt svært at udøve rettighederne og kun bede om yderligere oplysninger, når der er rimelig tvivl om identiteten. En kunde, der er logget ind, er allerede identificeret.",
    meanwhile:
      "En kunde, der er logget ind, kan bruge rettighederne i 4.3-4.9 uden yderligere dokumentation. Sletning følger stadig 4.2.2 (underskrevet PDF med kontrolkode), fordi den ikke kan fortrydes; anmodninger, der venter på underskrift, udløber med besked til kunden i stedet for at stå åbne.",
  },
  {
    clauses: ["4.3.1", "4.3.2"],
    title: "Indsigtsretten er beskrevet for snævert og uklart",
    problem:
      "Pkt. 4.3.1 nævner kun oplysningerne, formålet og databehandlerne. Art. 15, stk. 1, giver også ret til at kende modtagerne (også de selvstændige dataansvarlige i 3.2), opbevaringsperioden, de øvrige rettigheder, klageadgangen og hvor oplysningerne stammer fra. Pkt. 4.3.2 siger både, at rapporten genereres automatisk, og at man skal kontakte butikken for at få den.",
    meanwhile:
      "Kunden bestiller rapporten selv på /konto/data, under Hent dine data. Den bygger på samme beskrivelse af kategorierne som resten af portalen (lib/policy): formål, retsgrundlag, alle modtagere med land og overførselsgrundlag, opbevaring, og den slutter med klageadgangen.",
  },
  {
    clauses: ["4.7.1"],
    title: "Dataportabilitet er begrænset til købsoplysninger",
    problem:
      "Pkt. 4.7.1 giver kun ret til portabilitet for oplysninger indsamlet ved køb. Efter art. 20 omfatter retten alle oplysninger, kunden selv har givet, når behandlingen bygger på samtykke eller en aftale: også kontooplysninger, samtykker og notifikationer.",
    meanwhile: "Eksporten på /konto/data indeholder alle kundens oplysninger i maskinlæsbar JSON efter et offentliggjort skema, ikke kun købene.",
  },
  {
    clauses: ["1.5", "7.2", "4.2.3"],
    title: "Ingen svarfrist og ingen e-mailadresse i kontaktoplysningerne",
    problem:
      "Politikken nævner ikke, at en anmodning skal besvares uden unødig forsinkelse og senest inden for en måned (art. 12, stk. 3), og pkt. 7.2, som pkt. 1.5 henviser alle henvendelser til, har kun en postadresse, selvom e-mail er politikkens egen kanal (4.2.3).",
    meanwhile:
      "Hver anmodning får en frist på én måned, som personalet ser i køen med markering af overskredne frister. Kontaktadressen (PRIVACY_CONTACT_EMAIL) vises overalt, hvor politikken henviser til pkt. 7.",
  },
  {
    clauses: ["5a.2"],
    title: "Tilbagekaldelse af notifikation kun pr. e-mail",
    problem:
      'Efter pkt. 5a.2 kan samtykket til "Modtag notifikation" kun tilbagekaldes ved at skrive en e-mail, mens det gives med ét klik. Art. 7, stk. 3, kræver, at det skal være lige så let at tilbagekalde som at give samtykke.',
    meanwhile: "Kunden kan afmelde hver notifikation med ét klik på /konto/samtykke; e-mail virker stadig.",
  },
  {
    clauses: ["3.5"],
    title: "Anmeldelses-e-mails uden grundlag og framelding",
    problem:
      "Pkt. 3.5 bruger e-mailadressen til en opfordring til at anmelde butikken og fragtfirmaet uden at angive retsgrundlag. En sådan henvendelse er markedsføring (markedsføringslovens § 10); uden samtykke kræver den, at kunden kan frabede sig den let og gratis, både ved indsamlingen og i hver e-mail, og en indsigelse mod direkte markedsføring (art. 21, stk. 3) skal respekteres.",
    meanwhile:
      "Portalen sender ingen anmeldelses-e-mails. En kunde med indsigelse mod direkte markedsføring er markeret i portalen, og modtagerne af adfærdsdata får besked gennem udgående hændelser; webshoppen skal også respektere den ved anmeldelses-e-mails.",
  },
  {
    clauses: ["2.1.1", "5.1"],
    title: "Opbevaringsperioden for adfærd er ikke angivet",
    problem:
      'Politikken siger ikke, hvor længe adfærden på hjemmesiden (2.1.1) opbevares; art. 13, stk. 2, litra a, kræver perioden eller kriterierne for den. Pkt. 5.1\'s 5 år gælder "personoplysninger, som vi registrerer om dig igennem vores hjemmeside", hvilket er for langt til statistik og retargeting.',
    meanwhile:
      "Portalen lader adfærden følge kontoen efter 5.1 og siger det ved kategorien. Efter en indsigelse mod direkte markedsføring bruges den ikke længere til markedsføring, og efter en indsigelse efter 4.8 registreres der ikke mere.",
  },
];
