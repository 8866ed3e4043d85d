export * from "./categories";
export * from "./recipients";
export * from "./retention";
export * from "./danish-time";
export * from "./notes";
export { MAIL_QUEUE } from "./mail";
export { clauseAnchor, clauseHref } from "./clauses";

/** Postal address for signed documents (4.2.2) and the controller (7.2). */
export const CONTROLLER = {
  name: "123multiservice",
  street: "Degnevænget 3B",
  postalCode: "6400",
  city: "Sønderborg",
  clause: "4.2.2",
} as const;

/** The supervisory authority (4.10). */
export const DATATILSYNET = {
  name: "Datatilsynet",
  street: "Carl Jacobsens Vej 35",
  postalCode: "2500",
  city: "Valby",
  web: "https://www.datatilsynet.dk",
  clause: "4.10.1",
} as const;

/** One line on how to complain (4.10), for e-mails and reports. */
export const COMPLAINT_LINE = `Du kan altid klage til ${DATATILSYNET.name}, ${DATATILSYNET.street}, ${DATATILSYNET.postalCode} ${DATATILSYNET.city} (pkt. 4.10).`;

/** The wording of the newsletter consent; its version is stored with every consent event (4.9). */
export const NEWSLETTER_CONSENT = {
  version: "nyhedsbrev-2026-01",
  text: "Ja tak, send mig nyhedsbreve fra 123multiservice med tilbud, der er tilpasset mine køb og min adfærd på hjemmesiden. Jeg kan til enhver tid tilbagekalde samtykket.",
  clause: "2.2.3",
} as const;

/** Sessions live this long (seconds). */
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;
export * from "./erasure-plan";
export * from "./consent-wordings";
export * from "./staff-permissions";
