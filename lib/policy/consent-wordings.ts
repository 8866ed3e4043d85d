// Every wording of the newsletter consent the shop has asked customers to agree to (2.2.3, 4.9). A consent
// event stores the version it was given under; the export (4.7) and the history show the text itself.
// Append a new entry when the wording changes; never edit or remove an old one (Art. 7(1): the shop must be
// able to show what each customer agreed to). The 2021 entry is the wording the demo data's older consents
// refer to; a deployment replaces it with the shop's archived checkout text before importing old consents.

export interface ConsentWording {
  version: string;
  purpose: "newsletter";
  /** The first day the wording was shown (Danish date). */
  inUseFrom: string;
  text: string;
  clause: string;
}

export const CONSENT_WORDINGS: readonly ConsentWording[] = [
  {
    version: "nyhedsbrev-2021-03",
    purpose: "newsletter",
    inUseFrom: "2021-03-01",
    text: "Ja tak, jeg vil gerne modtage 123multiservices nyhedsbrev med tilbud på e-mail. Jeg kan til enhver tid afmelde mig.",
    clause: "2.2.3",
  },
  {
    version: "nyhedsbrev-2026-01",
    purpose: "newsletter",
    inUseFrom: "2026-01-01",
    text: "Ja tak, send mig nyhedsbreve fra 123multiservice med tilbud, der er tilpasset mine køb og min adfærd på hjemmesiden. Jeg kan til enhver tid tilbagekalde samtykket.",
    clause: "2.2.3",
  },
];

/** The wording a consent event was given under; null for a version the history does not know (test/export.test.ts forbids that for stored events). */
export function consentWording(version: string): ConsentWording | null {
  return CONSENT_WORDINGS.find((w) => w.version === version) ?? null;
}
