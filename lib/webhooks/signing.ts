// Signing of outbound events (issue 9). Each delivery is an HTTP POST whose body is the event envelope
// (schemas/events/v1/event.schema.json) with three headers:
//   Webhook-Id:        the event id (a receiver stores it and ignores a second delivery with the same id)
//   Webhook-Timestamp: seconds since 1970-01-01 UTC when this attempt was sent
//   Webhook-Signature: v1=<hex HMAC-SHA256(secret, timestamp + "." + raw body)>
// A receiver verifies with `verifyWebhookSignature` below (or its few lines in any language, see
// schemas/events/README.md): recompute over the raw bytes, compare in constant time, refuse timestamps
// more than five minutes from its own clock.
import { createHmac, timingSafeEqual } from "node:crypto";

export const SIGNATURE_HEADER = "webhook-signature";
export const TIMESTAMP_HEADER = "webhook-timestamp";
export const ID_HEADER = "webhook-id";
export const TOLERANCE_SECONDS = 5 * 60;

export function signWebhook(secret: string, timestamp: number, body: string): string {
  return "v1=" + createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
}

export function verifyWebhookSignature(
  secret: string,
  headers: { timestamp: string | null | undefined; signature: string | null | undefined },
  rawBody: string,
  nowSeconds: number = Math.floor(Date.now() / 1000),
): boolean {
  const ts = Number(headers.timestamp);
  if (!headers.timestamp || !Number.isInteger(ts) || Math.abs(nowSeconds - ts) > TOLERANCE_SECONDS) return false;
  const expected = Buffer.from(signWebhook(secret, ts, rawBody));
  const given = Buffer.from(String(headers.signature ?? ""));
  return given.length === expected.length && timingSafeEqual(given, expected);
}
