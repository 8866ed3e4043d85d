// The countries the profile form offers (4.4). No zod here: the form renders the list before its schema is loaded
// (issue 12). The schema checks the codes only, so the names stay out of its bundle.
export const COUNTRY_CODES = ["DK", "SE", "NO", "DE", "FI", "IS", "FO", "GL", "NL", "GB"] as const;
export type CountryCode = (typeof COUNTRY_CODES)[number];

export const COUNTRY_NAMES: Record<CountryCode, string> = {
  DK: "Danmark",
  SE: "Sverige",
  NO: "Norge",
  DE: "Tyskland",
  FI: "Finland",
  IS: "Island",
  FO: "Færøerne",
  GL: "Grønland",
  NL: "Holland",
  GB: "Storbritannien",
};

export function countryName(code: string): string {
  return (COUNTRY_NAMES as Record<string, string>)[code] ?? code;
}
