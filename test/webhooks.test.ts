import { describe, expect, it, beforeAll, afterAll } from "vitest";
import { createServer, type Server } from "node:http";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { db } from "@/lib/dal/db";
import { updateProfile } from "@/lib/dal/customer";
import { setRecipientEndpoint, claimDueDeliveries } from "@/lib/dal/integration-deliveries";
import { runWebhookTick } from "@/lib/webhooks/worker";
import { verifyWebhookSignature, signWebhook } from "@/lib/webhooks/signing";
import { sealSecret, openSecret } from "@/lib/webhooks/secret-box";
import { retryDelayMs, GIVE_UP_AFTER_MS } from "@/lib/webhooks/backoff";
import { profileSchema } from "@/lib/validation/profile";
import { makeCustomer } from "./support/fixtures";

// Issue 9, "Done when": a correction made in the portal reaches a test HTTP receiver started here, with a valid
// signature, exactly once, also when the receiver fails twice first and the worker is restarted in between
// (each worker run below is a fresh process: `npm run webhooks -- --once`). GDPR art. 19; clause 3.2 (PostNord).

const run = promisify(execFile);
const SECRET = "whsec_test_" + "k".repeat(32);

interface Received {
  id: string;
  validSignature: boolean;
  answered: number;
  body: Record<string, unknown>;
}

let server: Server;
let url = "";
const received: Received[] = [];
const accepted = new Set<string>();
let failNext = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      const id = String(req.headers["webhook-id"]);
      const validSignature = verifyWebhookSignature(
        SECRET,
        { timestamp: req.headers["webhook-timestamp"] as string, signature: req.headers["webhook-signature"] as string },
        raw,
      );
      let answered = 200;
      if (!validSignature) answered = 401;
      else if (failNext > 0) {
        failNext--;
        answered = 503;
      } else accepted.add(id); // a receiver deduplicates by the event id
      received.push({ id, validSignature, answered, body: JSON.parse(raw) as Record<string, unknown> });
      res.writeHead(answered).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const addr = server.address();
  url = `http://127.0.0.1:${typeof addr === "object" && addr ? addr.port : 0}/hooks`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

async function workerProcess(now: Date): Promise<string> {
  const { stdout } = await run("npx", ["tsx", "--conditions=react-server", "lib/integration/webhooks-cli.ts", "--once", `--now=${now.toISOString()}`], {
    env: process.env,
    timeout: 60_000,
  });
  return stdout;
}

describe("webhook delivery (art. 19, clause 3)", () => {
  it("signing: HMAC-SHA256 over timestamp + body; a changed body, secret or old timestamp fails", () => {
    const ts = Math.floor(Date.now() / 1000);
    const sig = signWebhook(SECRET, ts, '{"a":1}');
    expect(verifyWebhookSignature(SECRET, { timestamp: String(ts), signature: sig }, '{"a":1}')).toBe(true);
    expect(verifyWebhookSignature(SECRET, { timestamp: String(ts), signature: sig }, '{"a":2}')).toBe(false);
    expect(verifyWebhookSignature(SECRET + "x", { timestamp: String(ts), signature: sig }, '{"a":1}')).toBe(false);
    expect(verifyWebhookSignature(SECRET, { timestamp: String(ts - 3600), signature: signWebhook(SECRET, ts - 3600, '{"a":1}') }, '{"a":1}')).toBe(false);
  });

  it("secrets are encrypted at rest and usable by the worker; backoff grows and is capped", () => {
    const sealed = sealSecret("m".repeat(40), SECRET);
    expect(sealed).not.toContain(SECRET);
    expect(openSecret("m".repeat(40), sealed)).toBe(SECRET);
    expect(() => openSecret("n".repeat(40), sealed)).toThrow();
    const mid = () => 0.5;
    expect(retryDelayMs(1, mid)).toBe(30_000);
    expect(retryDelayMs(2, mid)).toBe(60_000);
    expect(retryDelayMs(40, mid)).toBe(6 * 3_600_000);
    expect(GIVE_UP_AFTER_MS).toBeGreaterThanOrEqual(3 * 86_400_000); // "for days"
  });

  it("a correction reaches the receiver exactly once with a valid signature, after two failures and worker restarts", async () => {
    await setRecipientEndpoint("postnord", url, SECRET);
    const stored = await db.recipientEndpoint.findFirstOrThrow({ where: { recipient: "postnord", active: true } });
    expect(stored.secretEnc).not.toContain(SECRET);

    const c = await makeCustomer();
    await db.customer.update({ where: { id: c.customerId }, data: { externalId: "shop-kunde-42" } });
    const input = profileSchema.parse({
      name: c.name,
      street: "Ny Vej 3",
      postalCode: "6400",
      city: "Sønderborg",
      country: "DK",
      phone: "+4512345678",
      version: 0,
    });
    expect((await updateProfile(c, input)).ok).toBe(true);
    const event = await db.outboundEvent.findFirstOrThrow({ where: { subjectRef: c.customerId } });

    failNext = 2;
    const t0 = new Date();
    await workerProcess(t0); // attempt 1: 503
    await workerProcess(new Date(t0.getTime() + 1000)); // not yet due: nothing sent
    await workerProcess(new Date(t0.getTime() + 5 * 60_000)); // attempt 2: 503
    await workerProcess(new Date(t0.getTime() + 60 * 60_000)); // attempt 3: 200
    await workerProcess(new Date(t0.getTime() + 2 * 86_400_000)); // nothing more

    const mine = received.filter((r) => r.id === event.id);
    expect(mine.map((r) => r.answered)).toEqual([503, 503, 200]);
    expect(mine.every((r) => r.validSignature)).toBe(true);
    expect([...accepted].filter((id) => id === event.id)).toHaveLength(1);
    expect(mine[2].body).toMatchObject({
      id: event.id,
      type: "customer.rectified",
      recipient: "postnord",
      data: { customer: { id: "shop-kunde-42", customerNumber: c.customerNumber }, fields: { street: "Ny Vej 3" } },
    });
    // Data minimisation: nothing but the changed field and the ids.
    expect(JSON.stringify(mine[2].body)).not.toContain(c.email);

    const d = await db.outboundDelivery.findFirstOrThrow({ where: { eventSeq: event.seq, recipient: "postnord" } });
    expect(d).toMatchObject({ status: "delivered", attempts: 3, confirmation: "HTTP 200" });
    // Recipients without an endpoint wait for staff, visibly.
    const others = await db.outboundDelivery.findMany({ where: { eventSeq: event.seq, recipient: { not: "postnord" } } });
    expect(others.every((o) => o.status === "manual")).toBe(true);
  }, 120_000);

  it("two workers at once never send the same delivery twice (the claim)", async () => {
    const c = await makeCustomer();
    const input = profileSchema.parse({
      name: "Et Andet Navn",
      street: "Testvej 1",
      postalCode: "6400",
      city: "Sønderborg",
      country: "DK",
      phone: "+4512345678",
      version: 0,
    });
    await updateProfile(c, input);
    const event = await db.outboundEvent.findFirstOrThrow({ where: { subjectRef: c.customerId } });
    const before = received.length;
    const now = new Date();
    await Promise.all([runWebhookTick(now), runWebhookTick(now), runWebhookTick(now)]);
    expect(received.slice(before).filter((r) => r.id === event.id)).toHaveLength(1);
    expect(await claimDueDeliveries(now)).toEqual([]);
  });
});
