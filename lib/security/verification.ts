import { createHmac, timingSafeEqual } from "node:crypto";

// The verification code printed on the erasure PDF (4.2.2). Derived from the request id with the
// server secret, so it is never stored, can be re-printed, and cannot be guessed from the request number.
const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"; // no 0/O, 1/I

export function verificationCode(secret: string, requestId: string): string {
  const mac = createHmac("sha256", secret).update(`erasure-verification:${requestId}`).digest();
  let code = "";
  for (let i = 0; i < 8; i++) code += ALPHABET[mac[i] % ALPHABET.length];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

export function normaliseCode(input: string): string {
  const c = input.toUpperCase().replace(/[^A-Z0-9]/g, "");
  return c.length === 8 ? `${c.slice(0, 4)}-${c.slice(4)}` : c;
}

export function codesMatch(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(normaliseCode(given));
  return a.length === b.length && timingSafeEqual(a, b);
}
