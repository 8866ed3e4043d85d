import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { env, secureCookies } from "@/lib/env";

// Issue 11 item 6 / ASVS 6.3.1 (v5: no lockout an attacker can use against the owner): a signed "known device"
// cookie, set at every successful login, bound to the account (by a keyed hash of its e-mail) and to a random
// device id. A login that presents it for the same account is throttled on its own counter, so an attacker's
// wrong passwords from elsewhere do not keep the owner out. It proves only that this browser logged in to this
// account before; the password is still required and checked.

export const KNOWN_DEVICE_COOKIE = `${secureCookies ? "__Host-" : ""}kendt-enhed`;
export const KNOWN_DEVICE_MAX_AGE_SECONDS = 180 * 24 * 3600;

function mac(deviceId: string, issuedAt: number, accountRef: string): string {
  return createHmac("sha256", env.NEXTAUTH_SECRET ?? "")
    .update(`known-device\0${deviceId}\0${issuedAt}\0${accountRef}`)
    .digest("base64url");
}

/** A new cookie value for this account; an existing device id is kept. */
export function issueKnownDevice(accountRef: string, deviceId: string | null, now: Date = new Date()): { value: string; deviceId: string } {
  const id = deviceId ?? randomBytes(16).toString("base64url");
  const issuedAt = Math.floor(now.getTime() / 1000);
  return { value: `${id}.${issuedAt}.${mac(id, issuedAt, accountRef)}`, deviceId: id };
}

/** The device id when the cookie value is genuine, for this account and not too old; otherwise null. */
export function verifyKnownDevice(value: string | null | undefined, accountRef: string, now: Date = new Date()): string | null {
  if (!value || value.length > 200) return null;
  const [id, issued, sig] = value.split(".");
  const issuedAt = Number(issued);
  if (!id || !sig || !/^[A-Za-z0-9_-]{16,40}$/.test(id) || !Number.isSafeInteger(issuedAt)) return null;
  if (now.getTime() / 1000 - issuedAt > KNOWN_DEVICE_MAX_AGE_SECONDS || issuedAt - now.getTime() / 1000 > 300) return null;
  const expected = Buffer.from(mac(id, issuedAt, accountRef));
  const given = Buffer.from(sig);
  return expected.length === given.length && timingSafeEqual(expected, given) ? id : null;
}

/** The Set-Cookie header value for the cookie (HttpOnly, SameSite=Lax, Secure and __Host- in production). */
export function knownDeviceSetCookie(value: string): string {
  return [
    `${KNOWN_DEVICE_COOKIE}=${value}`,
    "Path=/",
    `Max-Age=${KNOWN_DEVICE_MAX_AGE_SECONDS}`,
    "HttpOnly",
    "SameSite=Lax",
    ...(secureCookies ? ["Secure"] : []),
  ].join("; ");
}

/** The cookie's value from a Cookie request header. */
export function knownDeviceFromCookieHeader(header: string | null | undefined): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === KNOWN_DEVICE_COOKIE) return part.slice(eq + 1).trim();
  }
  return null;
}
