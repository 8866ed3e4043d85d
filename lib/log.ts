// Structured security and error log (ASVS 16.x): one JSON line per event on stdout.
// Never log a password, token, cookie or e-mail address: callers pass references (ids or keyed hashes).
import { createHmac } from "node:crypto";
import { env } from "@/lib/env";

type Level = "debug" | "info" | "warn" | "error";
const ORDER: Record<Level | "silent", number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

const FORBIDDEN_KEYS = /pass(word)?|token|cookie|secret|authorization|email/i;
const EMAIL_LIKE = /[^\s@"]+@[^\s@"]+\.[^\s@"]+/g;

function scrub(value: unknown, depth = 0): unknown {
  if (depth > 4) return "[…]";
  if (typeof value === "string") return value.replace(EMAIL_LIKE, "[e-mail]");
  if (Array.isArray(value)) return value.map((v) => scrub(v, depth + 1));
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = FORBIDDEN_KEYS.test(k) ? "[redacted]" : scrub(v, depth + 1);
    return out;
  }
  return value;
}

export function log(level: Level, event: string, fields: Record<string, unknown> = {}): void {
  if (ORDER[level] < ORDER[env.LOG_LEVEL]) return;
  const line = JSON.stringify({ t: new Date().toISOString(), level, event, ...(scrub(fields) as object) });
  if (level === "error" || level === "warn") console.error(line);
  else console.log(line);
}

/** A stable pseudonymous reference for a value that must not be logged in clear (an e-mail, an address). */
export function pseudonym(kind: string, value: string): string {
  return (
    kind +
    ":" +
    createHmac("sha256", env.NEXTAUTH_SECRET)
      .update(kind + "\0" + value.trim().toLowerCase())
      .digest("hex")
      .slice(0, 16)
  );
}

/** An error's class and message only: never a stack in a response, and no data in the log beyond the scrub. */
export function errorFields(error: unknown): Record<string, unknown> {
  if (error instanceof Error) return { error: error.name, message: error.message.slice(0, 300) };
  return { error: String(error).slice(0, 300) };
}
