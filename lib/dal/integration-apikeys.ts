import "server-only";
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { db } from "./db";
import { RECORD_KINDS, type RecordKind } from "@/lib/import/contract";
import type { RecipientId } from "@/lib/policy/recipients";

// API keys of the shop's systems (issue 9): `mk_<id>_<secret>`. Only a SHA-256 of the secret is stored; the secret
// is 32 random bytes, so a fast hash is enough (nothing to brute-force, unlike a password). Scopes: the record kinds
// a source may send to POST /api/v1/ingest, and "events" for the pull feed (then bound to one recipient of clause 3).

export const EVENTS_SCOPE = "events";
export type ApiScope = RecordKind | typeof EVENTS_SCOPE;
export const API_SCOPES: readonly ApiScope[] = [...RECORD_KINDS, EVENTS_SCOPE];

export interface ApiPrincipal {
  kind: "apikey";
  keyId: string;
  name: string;
  scopes: ReadonlySet<ApiScope>;
  recipient: RecipientId | null;
}

export interface ApiKeyView {
  id: string;
  name: string;
  scopes: string[];
  recipient: string | null;
  createdAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

const hash = (secret: string) => createHash("sha256").update(secret).digest("hex");

export async function createApiKey(name: string, scopes: ApiScope[], recipient: RecipientId | null, now = new Date()): Promise<{ id: string; key: string }> {
  const id = randomBytes(8).toString("hex");
  const secret = randomBytes(32).toString("base64url");
  await db.apiKey.create({ data: { id, name, secretHash: hash(secret), scopes: [...new Set(scopes)].join(","), recipient, createdAt: now } });
  return { id, key: `mk_${id}_${secret}` };
}

export async function revokeApiKey(id: string, now = new Date()): Promise<boolean> {
  return (await db.apiKey.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now } })).count === 1;
}

export async function listApiKeys(): Promise<ApiKeyView[]> {
  const rows = await db.apiKey.findMany({
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true, scopes: true, recipient: true, createdAt: true, revokedAt: true, lastUsedAt: true },
  });
  return rows.map((r) => ({ ...r, scopes: r.scopes.split(",").filter(Boolean) }));
}

/** The key named by an `Authorization: Bearer mk_…` header, or null (unknown, malformed or revoked: the same answer). */
export async function authenticateApiKey(authorization: string | null, now = new Date()): Promise<ApiPrincipal | null> {
  const m = /^Bearer mk_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/.exec(authorization?.trim() ?? "");
  const given = Buffer.from(hash(m?.[2] ?? "x"), "hex");
  const row = m
    ? await db.apiKey.findUnique({ where: { id: m[1] }, select: { id: true, name: true, secretHash: true, scopes: true, recipient: true, revokedAt: true } })
    : null;
  const stored = Buffer.from(row?.secretHash ?? "0".repeat(64), "hex");
  const match = timingSafeEqual(given, stored);
  if (!row || !match || row.revokedAt) return null;
  await db.apiKey.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  return {
    kind: "apikey",
    keyId: row.id,
    name: row.name,
    scopes: new Set(row.scopes.split(",").filter(Boolean) as ApiScope[]),
    recipient: (row.recipient as RecipientId | null) ?? null,
  };
}
