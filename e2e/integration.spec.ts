import { test, expect } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { createServer, type Server } from "node:http";
import { readFileSync } from "node:fs";
import { openPrisma } from "../prisma/client";
import { anonymous, loggedIn, callAction, builtActions } from "./http";
import { DEMO, logIn } from "./helpers";
import { E2E_PORT } from "./ports";
import { verifyWebhookSignature } from "../lib/webhooks/signing";

// Issue 9 against the production server: the contract at its stable URL, live ingest with API keys (revoked and
// out-of-scope keys refused, idempotency), the pull feed, a correction in the portal reaching a webhook receiver
// started here with a valid signature (GDPR art. 19, clause 3), and the staff view where problems stand out.

const env = {
  ...process.env,
  DATABASE_URL: process.env.E2E_DATABASE_URL ?? "file:./data/e2e.db",
  NEXTAUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-0123456789",
  NEXTAUTH_URL: `http://localhost:${E2E_PORT}`,
  PRIVACY_CONTACT_EMAIL: "persondata@123multiservice.dk",
  SMTP_URL: "smtp://127.0.0.1:9",
  MAIL_FROM: "123multiservice <privatliv@123multiservice.dk>",
  LOG_LEVEL: "silent",
};
function cli(script: string, args: string[], input?: string): string {
  return execFileSync("npx", ["tsx", "--conditions=react-server", script, ...args], { env, input, encoding: "utf8", timeout: 60_000 });
}
const keyFrom = (out: string) => /mk_[0-9a-f]{16}_[A-Za-z0-9_-]{43}/.exec(out)![0];
const example = readFileSync("examples/import.ndjson", "utf8")
  .trim()
  .split("\n")
  .map((l) => JSON.parse(l) as Record<string, unknown>);

test.describe.configure({ mode: "serial" });

test("the published contract is served at a stable URL", async () => {
  const ctx = await anonymous();
  const index = await ctx.get("/api/v1/schemas/index.json");
  expect(index.status()).toBe(200);
  const { schemas } = (await index.json()) as { schemas: string[] };
  expect(schemas).toContain("/api/v1/schemas/import/v1/customer.schema.json");
  expect(schemas).toContain("/api/v1/schemas/events/v1/event.schema.json");
  const customer = await ctx.get("/api/v1/schemas/import/v1/customer.schema.json");
  expect(await customer.text()).toBe(readFileSync("schemas/import/v1/customer.schema.json", "utf8"));
  expect((await ctx.get("/api/v1/schemas/import/v1/findes-ikke.json")).status()).toBe(404);
});

test("ingest: a valid key stores and replays; revoked and out-of-scope keys and bad records are refused", async () => {
  test.setTimeout(120_000); // each CLI call starts tsx
  const all = keyFrom(
    cli("lib/integration/apikey-cli.ts", [
      "create",
      "--name=webshop",
      "--scopes=customer,order,invoice,website_event,consent_event,notification_subscription,notified",
    ]),
  );
  const narrow = keyFrom(cli("lib/integration/apikey-cli.ts", ["create", "--name=tracking", "--scopes=website_event"]));
  const revokedOut = cli("lib/integration/apikey-cli.ts", ["create", "--name=gammel", "--scopes=customer"]);
  const revoked = keyFrom(revokedOut);
  cli("lib/integration/apikey-cli.ts", ["revoke", /Nøgle ([0-9a-f]{16})/.exec(revokedOut)![1]]);
  expect(cli("lib/integration/apikey-cli.ts", ["list"])).toContain("tilbagekaldt");

  const ctx = await anonymous();
  const post = (key: string | null, idem: string, data: unknown) =>
    ctx.post("/api/v1/ingest", {
      headers: { ...(key ? { Authorization: `Bearer ${key}` } : {}), "Idempotency-Key": idem, "Content-Type": "application/json" },
      data,
    });

  expect((await post(null, "e2e-anon-0001", { records: example })).status()).toBe(401);
  expect((await post(revoked, "e2e-revoked-0001", { records: example.slice(0, 1) })).status()).toBe(401);
  const scope = await post(narrow, "e2e-scope-0001", { records: example.slice(0, 1) });
  expect(scope.status()).toBe(403);

  const ok = await post(all, "e2e-first-0001", { records: example });
  expect(ok.status()).toBe(200);
  expect(await ok.json()).toMatchObject({ accepted: example.length });
  const replay = await post(all, "e2e-first-0001", { records: example });
  expect(replay.status()).toBe(200);
  expect(replay.headers()["idempotent-replayed"]).toBe("true");

  const bad = await post(all, "e2e-bad-0001", { records: [{ ...example[0], id: "shop-e2e-bad", email: "ikke-en-adresse" }] });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).errors).toEqual([{ index: 0, reason: expect.stringMatching(/email/) }]);
  expect((await post(all, "x", { records: example })).status()).toBe(400); // idempotency key too short
});

let server: Server;
const received: { id: string; valid: boolean; body: { type: string; recipient: string; data: { fields?: Record<string, string> } } }[] = [];
const SECRET = "whsec_e2e_" + "s".repeat(40);

test.afterAll(async () => {
  if (server) await new Promise<void>((r) => server.close(() => r()));
});

test("a correction in the portal reaches the recipient's webhook, signed; the pull feed pages the same events", async () => {
  test.setTimeout(120_000);
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      const valid = verifyWebhookSignature(
        SECRET,
        { timestamp: req.headers["webhook-timestamp"] as string, signature: req.headers["webhook-signature"] as string },
        raw,
      );
      received.push({ id: String(req.headers["webhook-id"]), valid, body: JSON.parse(raw) });
      res.writeHead(valid ? 204 : 401).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as { port: number }).port;
  expect(cli("lib/integration/recipients-cli.ts", ["set", "postnord", `--url=http://127.0.0.1:${port}/hooks`, "--secret-stdin"], SECRET)).toContain("PostNord");
  const feedKey = keyFrom(cli("lib/integration/apikey-cli.ts", ["create", "--name=dbk-feed", "--scopes=events", "--recipient=dbk"]));

  // The demo customer corrects her street (4.4) through the real server action.
  const customer = await loggedIn(DEMO.customer.email, DEMO.customer.password);
  const refs = builtActions();
  const db = openPrisma(env.DATABASE_URL);
  const { version } = await db.customer.findUniqueOrThrow({ where: { email: DEMO.customer.email }, select: { version: true } });
  await db.$disconnect();
  const r = await callAction(customer, refs.updateProfileAction, {
    name: DEMO.customer.name,
    street: "Webhookvej 9",
    postalCode: "6400",
    city: "Sønderborg",
    country: "DK",
    phone: "",
    version,
  });
  expect(r.result?.ok, r.result?.message).toBe(true);

  await expect.poll(() => received.filter((x) => x.body.data.fields?.street === "Webhookvej 9").length, { timeout: 30_000 }).toBe(1);
  const got = received.find((x) => x.body.data.fields?.street === "Webhookvej 9")!;
  expect(got.valid).toBe(true);
  expect(got.body).toMatchObject({ type: "customer.rectified", recipient: "postnord" });
  expect(JSON.stringify(got.body)).not.toContain(DEMO.customer.email);

  // DBK reads the pull feed instead (3.2): the same event, paged.
  const feed = await anonymous();
  const auth = { Authorization: `Bearer ${feedKey}` };
  // On PostgreSQL the feed holds events back for a few seconds (commit order); poll until the event is served.
  const readAll = async () => {
    const ids: string[] = [];
    let after = "0";
    for (let i = 0; i < 50; i++) {
      const page = await feed.get(`/api/v1/events?after=${after}&limit=1`, { headers: auth });
      expect(page.status()).toBe(200);
      const body = (await page.json()) as { events: { id: string; recipient: string }[]; next: string; hasMore: boolean };
      ids.push(...body.events.map((e) => e.id));
      expect(body.events.every((e) => e.recipient === "dbk")).toBe(true);
      after = body.next;
      if (!body.hasMore) break;
    }
    return ids;
  };
  await expect.poll(async () => (await readAll()).includes(got.id), { timeout: 30_000 }).toBe(true);
  const ids = await readAll();
  expect(ids).toContain(got.id);
  expect((await feed.get("/api/v1/events?after=abc", { headers: auth })).status()).toBe(400);
});

test("staff see per request and customer who was told; problems stand out; the dpo marks one handled", async ({ page }) => {
  test.setTimeout(60_000);
  await logIn(page, DEMO.dpo);
  await expect(page).toHaveURL(/\/personale/);
  await page.goto("/personale/modtagere");
  await expect(page.getByRole("heading", { name: "Modtagere underrettet" })).toBeVisible();
  await expect(page.getByTestId("delivery-problems")).toBeVisible();
  await expect(page.getByText("Modtaget og bekræftet").first()).toBeVisible();
  const problem = page.locator("tr.problem").first();
  await expect(problem).toBeVisible();
  await problem.getByLabel("Håndteret på anden måde").fill("Sendt pr. e-mail");
  await problem.getByRole("button", { name: "Markér som håndteret" }).click();
  await expect(page.getByText("Leveringen er markeret som håndteret.")).toBeVisible();
  await page.goto("/personale/modtagere");
  await expect(page.getByText("Sendt pr. e-mail").first()).toBeVisible();
});
