import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { db } from "@/lib/dal/db";
import { authenticateApiKey, createApiKey, revokeApiKey } from "@/lib/dal/integration-apikeys";
import { ingest } from "@/lib/dal/integration-ingest";
import { feedPage } from "@/lib/dal/integration-feed";
import { setNewsletterConsent } from "@/lib/dal/customer";
import { makeCustomer } from "./support/fixtures";
import { eventFeedPage } from "@/lib/webhooks/event-contract";

// Issue 9: live ingest with API keys (stored hashed, scoped per record kind, revocable, idempotent per request) and
// the pull feed of events for recipients without webhooks (GDPR art. 19).

const example = readFileSync("examples/import.ndjson", "utf8")
  .trim()
  .split("\n")
  .map((l) => JSON.parse(l) as Record<string, unknown>);
const ALL = ["customer", "order", "invoice", "website_event", "consent_event", "notification_subscription", "notified"] as const;
let n = 0;
const idem = () => `test-key-${++n}-${Date.now()}`;

async function principal(scopes: readonly string[], recipient: "postnord" | null = null) {
  const { key, id } = await createApiKey("test", scopes as never, recipient);
  const p = await authenticateApiKey(`Bearer ${key}`);
  return { key, id, p: p! };
}

describe("API keys", () => {
  it("are stored hashed; a revoked, unknown or malformed key is refused the same way", async () => {
    const { key, id, p } = await principal(["customer"]);
    expect(p).toMatchObject({ keyId: id });
    const row = await db.apiKey.findUniqueOrThrow({ where: { id } });
    // The secret is everything after "mk_<id>_" (base64url: it may hold "_" itself).
    const secret = key.slice(`mk_${id}_`.length);
    expect(secret.length).toBeGreaterThanOrEqual(43);
    expect(row.secretHash).not.toContain(secret);
    expect(await authenticateApiKey(`Bearer ${key}x`)).toBeNull();
    // One character changed (never to the character it already was: that would be the right key).
    expect(await authenticateApiKey(`Bearer ${key.slice(0, -1)}${key.endsWith("A") ? "B" : "A"}`)).toBeNull();
    expect(await authenticateApiKey(null)).toBeNull();
    expect(await revokeApiKey(id)).toBe(true);
    expect(await authenticateApiKey(`Bearer ${key}`)).toBeNull();
  });
});

describe("POST /api/v1/ingest (DAL)", () => {
  it("stores valid records; the same Idempotency-Key replays the answer and does nothing twice; another body under it is refused", async () => {
    const { p } = await principal(ALL);
    const body = JSON.stringify({ records: example });
    const k = idem();
    const first = await ingest(p, k, body);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ accepted: example.length });
    const customers = await db.customer.count();
    const again = await ingest(p, k, body);
    expect(again).toMatchObject({ status: 200, replayed: true, body: first.body });
    expect(await db.customer.count()).toBe(customers);
    const other = await ingest(p, k, JSON.stringify({ records: example.slice(0, 1) }));
    expect(other.status).toBe(422);
    // A new key with the same records: upsert by the shop's ids, nothing new.
    const third = await ingest(p, idem(), body);
    expect(third.status).toBe(200);
    expect(await db.customer.count()).toBe(customers);
  });

  it("a key out of scope is refused (403) and nothing is stored", async () => {
    const { p } = await principal(["website_event"]);
    const r = await ingest(p, idem(), JSON.stringify({ records: [{ ...example[0], id: "shop-scope-1", customerNumber: 590001, email: "scope@example.dk" }] }));
    expect(r.status).toBe(403);
    expect(r.body.errors).toEqual([{ index: 0, reason: expect.stringMatching(/customer/) }]);
    expect(await db.customer.count({ where: { externalId: "shop-scope-1" } })).toBe(0);
  });

  it("bad records get a 400 with the reason per record, and nothing of the request is stored", async () => {
    const { p } = await principal(ALL);
    const good = { ...example[0], id: "shop-400-1", customerNumber: 590101, email: "g400@example.dk" };
    const bad = { ...example[0], id: "shop-400-2", customerNumber: "ikke et tal", email: "b400@example.dk" };
    const orphan = { ...(example[5] as object), id: "shop-400-w", customerId: "findes-ikke" };
    const r = await ingest(p, idem(), JSON.stringify({ records: [good, bad] }));
    expect(r.status).toBe(400);
    expect(r.body.errors).toEqual([{ index: 1, reason: expect.stringMatching(/customerNumber/) }]);
    const r2 = await ingest(p, idem(), JSON.stringify({ records: [good, orphan] }));
    expect(r2.status).toBe(400);
    expect(r2.body.errors).toEqual([{ index: 1, reason: expect.stringMatching(/customerId/) }]);
    expect(await db.customer.count({ where: { externalId: "shop-400-1" } })).toBe(0);
    expect((await ingest(p, idem(), "{nope")).status).toBe(400);
    expect((await ingest(p, idem(), JSON.stringify({ records: [], extra: 1 }))).status).toBe(400);
  });

  it("website events of a customer who objected (4.8) are refused, counted and not stored", async () => {
    const { p } = await principal(ALL);
    await ingest(p, idem(), JSON.stringify({ records: [{ ...example[0], id: "shop-obj-1", customerNumber: 590201, email: "obj@example.dk" }] }));
    await db.customer.update({ where: { externalId: "shop-obj-1" }, data: { objectsToAnalytics: true } });
    const ev = { ...(example[5] as object), id: "shop-obj-w1", customerId: "shop-obj-1" };
    const r = await ingest(p, idem(), JSON.stringify({ records: [ev] }));
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ accepted: 0, refusedWebsiteEvents: 1 });
    expect(await db.websiteEvent.count({ where: { externalId: "shop-obj-w1" } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "ingest.accepted", details: { contains: '"refusedWebsiteEvents":1' } } })).toBe(1);
  });
});

describe("GET /api/v1/events (DAL): the pull feed", () => {
  it("pages through the recipient's events in order; asking past a cursor confirms what came before", async () => {
    const { p } = await principal(["events"], "postnord");
    const c = await makeCustomer();
    // Rectifications reach PostNord (3.2); newsletter consent does not (lib/policy/recipients.ts).
    for (let i = 0; i < 5; i++) {
      await db.$transaction(async (tx) => {
        const { recordOutboundEvent } = await import("@/lib/dal/integration-outbox");
        await recordOutboundEvent(tx, { kind: "customer.rectified", customerId: c.customerId, fields: { street: `Vej ${i}` } });
      });
    }
    await setNewsletterConsent(c, true);
    const seen: string[] = [];
    let after = 0;
    let pages = 0;
    for (;;) {
      const page = await feedPage(p, after, 2, new Date(), 0);
      expect(eventFeedPage.safeParse(page).success).toBe(true);
      pages++;
      seen.push(...page.events.map((e) => (e.data as { fields: { street: string } }).fields.street));
      expect(page.events.every((e) => e.recipient === "postnord" && e.type === "customer.rectified")).toBe(true);
      after = Number(page.next);
      if (!page.hasMore) break;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual(["Vej 0", "Vej 1", "Vej 2", "Vej 3", "Vej 4"]);
    const last = await feedPage(p, after, 2, new Date(), 0);
    expect(last).toMatchObject({ events: [], next: String(after), hasMore: false });
    const confirmed = await db.outboundDelivery.count({ where: { recipient: "postnord", status: "delivered", confirmation: "feed" } });
    expect(confirmed).toBe(5);
  });
});
