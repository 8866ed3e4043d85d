// Webhook signing secrets must be usable by the worker, so they cannot be hashed: they are encrypted at rest
// with AES-256-GCM under a key derived from NEXTAUTH_SECRET (HKDF-SHA256, its own label). Changing
// NEXTAUTH_SECRET makes stored secrets unreadable: set them again with `npm run recipients -- set-secret`.
// Staff TOTP secrets (issue 8, lib/dal/second-factor.ts) are sealed the same way under their own label (`purpose`).
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

/** The HKDF label: one key per purpose, so a sealed value of one kind never opens as another. */
export type SecretPurpose = "webhook-endpoint-secret-v1" | "staff-totp-secret-v1";

function keyFrom(masterSecret: string, purpose: SecretPurpose): Buffer {
  return Buffer.from(hkdfSync("sha256", masterSecret, "123multiservice-portal", purpose, 32));
}

export function sealSecret(masterSecret: string, plaintext: string, purpose: SecretPurpose = "webhook-endpoint-secret-v1"): string {
  const iv = randomBytes(12);
  const c = createCipheriv("aes-256-gcm", keyFrom(masterSecret, purpose), iv);
  const body = Buffer.concat([c.update(plaintext, "utf8"), c.final()]);
  return ["v1", iv.toString("base64url"), c.getAuthTag().toString("base64url"), body.toString("base64url")].join(".");
}

export function openSecret(masterSecret: string, sealed: string, purpose: SecretPurpose = "webhook-endpoint-secret-v1"): string {
  const [v, iv, tag, body] = sealed.split(".");
  if (v !== "v1" || !iv || !tag || body === undefined) throw new Error("Ukendt format på krypteret hemmelighed");
  const d = createDecipheriv("aes-256-gcm", keyFrom(masterSecret, purpose), Buffer.from(iv, "base64url"));
  d.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([d.update(Buffer.from(body, "base64url")), d.final()]).toString("utf8");
}
