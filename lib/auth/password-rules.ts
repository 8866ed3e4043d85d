import { BREACHED_PASSWORDS } from "./breached-passwords";
import { COMMON_PASSWORDS } from "./common-passwords";

// ASVS 6.2.1–6.2.4 (v5) / NIST SP 800-63B 3.1.1.2: which new passwords are refused. One function for every
// place a password is set (password change, reset link, first password, staff passwords):
// `checkNewPassword(password, context)` returns a Danish message, or null when the password is accepted.
// Server only: the breached list (lib/auth/breached-passwords.ts, 20,000 entries) is too large for the browser;
// the forms' zod schema checks only the length in the browser (lib/validation/auth.ts); every list is here.

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;
/** The shop's own name is never a good password (issue 11 item 7). */
export const SHOP_WORDS = ["123multiservice", "multiservice"] as const;

/** Danish words the breach corpora (mostly English) underrate: seasons, the country, cities, months, "password". */
const LOCAL_WORDS = [
  "sommer",
  "vinter",
  "foraar",
  "forår",
  "efteraar",
  "efterår",
  "danmark",
  "denmark",
  "kodeord",
  "adgangskode",
  "password",
  "hemmelig",
  "velkommen",
  "kobenhavn",
  "københavn",
  "koebenhavn",
  "aarhus",
  "århus",
  "odense",
  "aalborg",
  "esbjerg",
  "hejmeddig",
  "hejsa",
  "elskerdig",
  "jegelskerdig",
  "kærlighed",
  "fodbold",
  "brøndby",
  "brondby",
  "januar",
  "februar",
  "marts",
  "april",
  "juni",
  "juli",
  "august",
  "september",
  "oktober",
  "november",
  "december",
  "mandag",
  "tirsdag",
  "onsdag",
  "torsdag",
  "fredag",
  "lørdag",
  "søndag",
  "julemand",
  "hygge",
  "kanelsnegl",
  "webshop",
  "kunde",
  "login",
];

const REFUSED: ReadonlySet<string> = new Set([...BREACHED_PASSWORDS, ...COMMON_PASSWORDS, ...LOCAL_WORDS]);

export const PASSWORD_MESSAGES = {
  tooShort: `Adgangskoden skal være mindst ${PASSWORD_MIN_LENGTH} tegn`,
  tooLong: `Adgangskoden må højst være ${PASSWORD_MAX_LENGTH} tegn`,
  breached:
    "Adgangskoden findes på lister over lækkede adgangskoder eller bygger på et meget brugt ord. Vælg en anden – fx tre-fire tilfældige ord i en sætning",
  context: "Adgangskoden bygger på dit navn, din e-mailadresse, butikkens navn eller et årstal. Vælg en anden – fx tre-fire tilfældige ord i en sætning",
  pattern: "Adgangskoden er et for let mønster (gentagelser eller en række som 12345 eller qwerty). Vælg en anden – fx tre-fire tilfældige ord i en sætning",
} as const;

export interface PasswordContext {
  /** The account's e-mail address (the whole address, its local part and the parts of it are refused). */
  email?: string | null;
  /** The account holder's name (the name and each part of it). */
  name?: string | null;
  /** Other words of this account (e.g. a staff member's role). */
  extraWords?: readonly string[];
  /** For the current and next year; defaults to now. */
  now?: Date;
}

// Sequences a password may not merely be a piece of (forwards or backwards): digits, the alphabet, keyboard rows.
const SEQUENCES = [
  "01234567890123456789012345678901234567890",
  "abcdefghijklmnopqrstuvwxyzæøåabcdefghijklmnopqrstuvwxyz",
  "qwertyuiopåasdfghjklæøzxcvbnm",
  "qwertzuiopasdfghjklyxcvbnm",
  "azertyuiopqsdfghjklmwxcvbn",
  "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p",
  "zaq1xsw2cde3vfr4bgt5nhy6mju7",
  "qazwsxedcrfvtgbyhnujmikolp",
  '!"#¤%&/()=?',
  "!@#$%^&*()_+",
];

const LEET: Record<string, string> = { "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", $: "s", "!": "i", "|": "l", "€": "e" };

function normalise(v: string): string {
  return v.normalize("NFKC").toLowerCase();
}

function isPattern(p: string): boolean {
  if (new Set(p).size < 4) return true; // aaaaaaaa, abababab, 12121212
  // A shorter unit repeated: abcabcabc, passpass, 20262026.
  for (let unit = 1; unit <= p.length / 2; unit++) {
    if (p.length % unit === 0 && p.slice(0, unit).repeat(p.length / unit) === p) return true;
  }
  const reversed = [...p].reverse().join("");
  return SEQUENCES.some((s) => s.includes(p) || s.includes(reversed));
}

function contextWords(context: PasswordContext): string[] {
  const words = new Set<string>(SHOP_WORDS);
  const add = (w: string | null | undefined) => {
    const v = w ? normalise(w).trim() : "";
    if (v.length >= 3) words.add(v);
  };
  if (context.email) {
    const email = normalise(context.email).trim();
    add(email);
    const [local, domain] = email.split("@");
    add(local);
    for (const part of local?.split(/[._+\-]+/) ?? []) add(part);
    add(domain?.split(".")[0]);
  }
  if (context.name) {
    const name = normalise(context.name);
    add(name.replace(/[\s\-'.]+/g, ""));
    for (const part of name.split(/[\s\-'.]+/)) add(part);
  }
  for (const w of context.extraWords ?? []) add(w);
  // Longest first, so "123multiservice" is removed before "multiservice".
  return [...words].sort((a, b) => b.length - a.length);
}

function yearsOf(now: Date): string[] {
  const y = now.getUTCFullYear();
  return [String(y), String(y + 1), String(y - 1)];
}

/** The word inside the decoration: "Sommer2026!" → "sommer", "P@ssw0rd1" → "p@ssw0rd". */
function core(p: string, years: readonly string[]): string {
  let v = p;
  for (const y of years) v = v.split(y).join("");
  v = v.replace(/(19|20)\d\d/g, "");
  return v.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, "");
}

function unleet(v: string): string {
  return [...v].map((ch) => LEET[ch] ?? ch).join("");
}

/**
 * ASVS 6.2.4 / 6.2.11 (v5): null when the password may be set, otherwise the Danish message to show under the field.
 * Refused: shorter than 8 or longer than 128 characters; one of the 20,000 most frequent breached passwords or a
 * common (Danish) word, case-insensitively, also with digits, symbols, a year or leetspeak around or in it; a
 * repetition or sequence; built from the account's e-mail, name, the shop's name or the current/next year.
 */
export function checkNewPassword(password: string, context: PasswordContext = {}): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return PASSWORD_MESSAGES.tooShort;
  if (length > PASSWORD_MAX_LENGTH) return PASSWORD_MESSAGES.tooLong;
  const p = normalise(password);
  const years = yearsOf(context.now ?? new Date());

  if (REFUSED.has(p) || REFUSED.has(p.replace(/\s+/g, ""))) return PASSWORD_MESSAGES.breached;
  if (isPattern(p)) return PASSWORD_MESSAGES.pattern;

  // Context: take away every context word and year; what is left must still be a password of its own.
  let rest = p;
  for (const w of [...contextWords(context), ...years]) rest = rest.split(w).join("");
  if (rest !== p && rest.replace(/[^\p{L}]/gu, "").length < 4 && !(rest.length >= PASSWORD_MIN_LENGTH && !isPattern(rest))) {
    return PASSWORD_MESSAGES.context;
  }

  const word = core(p, years);
  if (word.length >= 4 && word !== p) {
    if (REFUSED.has(word) || REFUSED.has(unleet(word))) return PASSWORD_MESSAGES.breached;
    if (word.length < PASSWORD_MIN_LENGTH && isPattern(word)) return PASSWORD_MESSAGES.pattern;
  }
  if (REFUSED.has(unleet(p)) || REFUSED.has(unleet(word))) return PASSWORD_MESSAGES.breached;
  return null;
}

/** The whole list, case-insensitively (kept for callers of the old name). */
export function isCommonPassword(password: string): boolean {
  return REFUSED.has(normalise(password));
}
