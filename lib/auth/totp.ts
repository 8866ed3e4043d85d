// TOTP (RFC 6238) and recovery codes for the staff second factor (issue 8, ASVS 6.3.3). Pure functions, no
// database: lib/dal/second-factor.ts stores and checks; the e2e helpers and `npm run demo:totp` compute codes.
// Parameters are the ones every authenticator app uses: HMAC-SHA-1, 6 digits, 30-second steps; a code is
// accepted from the step before to the step after the server's (clock drift, RFC 6238 5.2).
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { generateSecret, generateSync, generateURI } from "otplib";

export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** Steps accepted on either side of the current one. */
export const TOTP_WINDOW = 1;
export const TOTP_ISSUER = "123multiservice";
/** How many recovery codes a set has (shown once). */
export const RECOVERY_CODE_COUNT = 10;

/**
 * The demo dpo's published TOTP secret (README "Demo logins"): only the demo seed gives it, to personale@example.dk,
 * so the demo's dpo can log in (`npm run demo:totp` prints the current code). A configured deployment never
 * pre-sets a secret for real staff: each one is made at the first login (lib/dal/second-factor.ts).
 */
export const DEMO_TOTP_SECRET = "DEMOPIAHOLMGARDDEMOPIAHOLMGARD23";
export const DEMO_DPO_EMAIL = "personale@example.dk";
/** What the demo seed stores instead of a sealed secret: the seed runs before (and without) NEXTAUTH_SECRET. */
export const DEMO_TOTP_MARKER = "demo-published:v1";

export function newTotpSecret(): string {
  return generateSecret({ length: 20 }); // 160 bits (RFC 4226 4, R6)
}

export function timeStepAt(now: Date): number {
  return Math.floor(now.getTime() / 1000 / TOTP_PERIOD_SECONDS);
}

export function totpCodeForStep(secret: string, step: number): string {
  return generateSync({ secret, epoch: step * TOTP_PERIOD_SECONDS, period: TOTP_PERIOD_SECONDS, digits: TOTP_DIGITS, algorithm: "sha1" });
}

export function totpCodeAt(secret: string, now: Date = new Date()): string {
  return totpCodeForStep(secret, timeStepAt(now));
}

/**
 * The time step whose code `code` is, within the window around `now` and after `afterStep` (a step that was
 * already accepted is refused: replay protection, RFC 6238 5.2), or null.
 */
export function matchTotp(secret: string, code: string, now: Date, afterStep: number | null): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const current = timeStepAt(now);
  let found: number | null = null;
  for (let step = current - TOTP_WINDOW; step <= current + TOTP_WINDOW; step++) {
    const expected = Buffer.from(totpCodeForStep(secret, step));
    // Every step is computed and compared, in constant time, whatever matches.
    if (timingSafeEqual(expected, Buffer.from(code)) && found === null && (afterStep === null || step > afterStep)) found = step;
  }
  return found;
}

/** The otpauth:// URI that authenticator apps read from the QR code. */
export function totpUri(secret: string, account: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: account, secret, algorithm: "sha1", digits: TOTP_DIGITS, period: TOTP_PERIOD_SECONDS });
}

/** The secret in groups of four, for typing into an app by hand. */
export function groupSecret(secret: string): string {
  return secret.replace(/(.{4})/g, "$1 ").trim();
}

const BASE32 = "abcdefghijklmnopqrstuvwxyz234567";

/**
 * A recovery code: 24 characters of base32 (120 random bits), shown in groups of four. With ≥ 112 bits of entropy
 * a plain SHA-256 is an approved way to store it (ASVS 5.0 6.5.2); no salt or password hash is needed.
 */
export function newRecoveryCode(): string {
  const bytes = randomBytes(24);
  const chars = [...bytes].map((b) => BASE32[b & 31]).join("");
  return chars.replace(/(.{4})(?!$)/g, "$1-");
}

/** What the user typed, as stored: lower case, without spaces and dashes; null when it cannot be a recovery code. */
export function normaliseRecoveryCode(input: string): string | null {
  const c = input.toLowerCase().replace(/[\s-]/g, "");
  return /^[a-z2-7]{24}$/.test(c) ? c : null;
}

export function hashRecoveryCode(normalised: string): string {
  return createHash("sha256").update(`staff-recovery-code\0${normalised}`).digest("hex");
}

/** A 6-digit code, with spaces allowed ("123 456"); null otherwise. */
export function normaliseTotpCode(input: string): string | null {
  const c = input.replace(/\s/g, "");
  return /^\d{6}$/.test(c) ? c : null;
}
