// Danish names for the audit trail's action codes (issue 13.8). Codes without a name are shown as they are.
export const AUDIT_ACTION_LABEL: Record<string, string> = {
  login: "Log ind",
  logout: "Log ud",
  "login.password": "Log ind: adgangskode rigtig, kode mangler",
  "login.second_factor": "Log ind: kode fra app eller gendannelseskode",
  "second_factor.enrol": "Satte totrinsbekræftelse op",
  "second_factor.enrolled": "Totrinsbekræftelse sat op",
  "second_factor.failed": "Forkert kode til totrinsbekræftelse",
  "second_factor.recovery_codes.regenerate": "Lavede nye gendannelseskoder",
  "staff.totp_reset": "Totrinsbekræftelse nulstillet af driften",
  "profile.update": "Rettede oplysninger (4.4)",
  "password.change": "Skiftede adgangskode",
  "sessions.revoke_all": "Loggede ud på alle enheder",
  "newsletter.set": "Ændrede samtykke til nyhedsbrev (4.9)",
  "notification.unsubscribe": 'Afmeldte "Modtag notifikation" (5a.2)',
  "objection.create": "Gjorde indsigelse (4.8)",
  "restriction.create": "Bad om begrænsning (4.6)",
  "access_report.send": "Fik indsigtsrapport på e-mail (4.3.2)",
  "export.download": "Hentede sine data (4.7)",
  "erasure.start": "Startede sletning (4.5)",
  "erasure.cancel": "Annullerede sletning",
  "erasure.pdf_downloaded": "Hentede sletningsdokumentet",
  "erasure.signature_recorded": "Registrerede underskrift",
  "erasure.execute": "Gennemførte sletning",
  "erasure.executed": "Sletning gennemført",
  "request.resolve": "Afgjorde anmodning",
  "retention.run": "Automatisk oprydning kørt (5)",
  "retention.account_deleted": "Inaktiv konto slettet (5.1)",
};

export function auditActionLabel(action: string): string {
  const refused = action.endsWith(".refused");
  const code = refused ? action.slice(0, -".refused".length) : action;
  const label = AUDIT_ACTION_LABEL[code] ?? code;
  return refused ? `${label}: afvist` : label;
}

const DETAIL_LABEL: Record<string, string> = {
  fields: "Felter",
  reason: "Årsag",
  clause: "Pkt.",
  decision: "Afgørelse",
  requestNumber: "Anmodning",
  subscribe: "Tilmeldt",
  count: "Antal",
  dryRun: "Prøvekørsel",
};

const FIELD_LABEL: Record<string, string> = {
  name: "navn",
  street: "vej",
  postalCode: "postnummer",
  city: "by",
  country: "land",
  phone: "telefon",
  email: "e-mail",
};

/** The details as short Danish text; empty details give "–" (never "{}"). */
export function auditDetailsText(details: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(details)) {
    if (v === null || v === undefined || (Array.isArray(v) && v.length === 0)) continue;
    const value = Array.isArray(v)
      ? v.map((x) => FIELD_LABEL[String(x)] ?? String(x)).join(", ")
      : typeof v === "boolean"
        ? v
          ? "ja"
          : "nej"
        : typeof v === "string"
          ? v
          : String(JSON.stringify(v));
    parts.push(`${DETAIL_LABEL[k] ?? k}: ${value}`);
  }
  return parts.join("; ") || "–";
}
