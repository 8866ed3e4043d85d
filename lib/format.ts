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
