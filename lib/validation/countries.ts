// The countries the profile form offers (4.4). No zod here: the form renders the list before its schema is loaded (issue 12).
export const COUNTRIES = [
  { code: "DK", name: "Danmark" },
  { code: "SE", name: "Sverige" },
  { code: "NO", name: "Norge" },
  { code: "DE", name: "Tyskland" },
  { code: "FI", name: "Finland" },
  { code: "IS", name: "Island" },
  { code: "FO", name: "Færøerne" },
  { code: "GL", name: "Grønland" },
  { code: "NL", name: "Holland" },
  { code: "GB", name: "Storbritannien" },
] as const;

export function countryName(code: string): string {
  return COUNTRIES.find((c) => c.code === code)?.name ?? code;
}
