// Danish formatting of dates and amounts, in the shop's time zone.
const TZ = "Europe/Copenhagen";

export function formatDate(d: Date | null | undefined): string {
  if (!d) return "–";
  return d.toLocaleDateString("da-DK", { day: "numeric", month: "long", year: "numeric", timeZone: TZ });
}

export function formatDateTime(d: Date | null | undefined): string {
  if (!d) return "–";
  return d.toLocaleString("da-DK", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: TZ });
}

export function formatMoney(ore: number): string {
  return (ore / 100).toLocaleString("da-DK", { style: "currency", currency: "DKK" });
}

/**
 * A deletion or anonymisation date shown to a customer (issue 10 item 1): never a past date as if it were to come.
 * A date that has passed means the next daily retention pass carries it out.
 */
export function formatDueDate(d: Date, now: Date = new Date()): string {
  return d.getTime() > now.getTime() ? formatDate(d) : "ved den næste daglige sletning (fristen er nået)";
}

const pluralRules = new Intl.PluralRules("da-DK");
const numberFormat = new Intl.NumberFormat("da-DK");

export function formatNumber(n: number): string {
  return numberFormat.format(n);
}

/** "1 vare", "2 varer", "10.000 ordrer": the Danish singular or plural form chosen by Intl.PluralRules (issue 10.12). */
export function plural(n: number, one: string, other: string): string {
  return `${formatNumber(n)} ${pluralRules.select(n) === "one" ? one : other}`;
}

/** The form alone, for sentences where the number is written elsewhere. */
export function pluralWord(n: number, one: string, other: string): string {
  return pluralRules.select(n) === "one" ? one : other;
}
