import { test, expect, request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { anonymous, BASE, builtActions, callAction, loggedIn, type ActionResponse } from "./http";
import { TEST_CUSTOMERS, TEST_PASSWORD, TEST_STAFF } from "./fixtures";
import { DEMO } from "./helpers";
import { openPrisma } from "../prisma/client";
import { verificationCode } from "../lib/security/verification";

// Issue 5, item 1 (ASVS 8.2.2, 8.3.1): every server action and every route handler, run as each kind of
// principal, with the expected outcome in a table. An action or route that is not in the table fails.

// pending: a dpo who has given the password but not the second factor (issue 8, ASVS 6.3.3): no login anywhere
// except the code pages' own actions.
type Who = "anonymous" | "owner" | "other" | "erased" | "revoked" | "pending" | "support" | "dpo";
const WHO: Who[] = ["anonymous", "other", "erased", "revoked", "pending", "support", "dpo", "owner"];
const ALL_IN_ORDER: Who[] = ["anonymous", "owner", "other", "erased", "revoked", "pending", "support", "dpo"];

/** ok: it ran and succeeded · allowed: it ran (may refuse on the merits) · denied: not logged in · forbidden: wrong kind or role
 *  unknown-field: refused for fields it does not take · notfound: the same answer as a non-existent id · redirect: logout */
type Outcome = "ok" | "allowed" | "denied" | "forbidden" | "unknown-field" | "notfound" | "redirect";

const NOT_LOGGED_IN = "Du er ikke logget ind, eller din session er udløbet. Log ind igen.";
const FORBIDDEN = "Du har ikke adgang til at gøre dette.";

const C = (owner: Outcome, other: Outcome): Record<Who, Outcome> => ({
  anonymous: "denied",
  owner,
  other,
  erased: "denied",
  revoked: "denied",
  pending: "denied",
  support: "forbidden",
  dpo: "forbidden",
});
const S = (support: Outcome, dpo: Outcome): Record<Who, Outcome> => ({
  anonymous: "denied",
  owner: "forbidden",
  other: "forbidden",
  erased: "denied",
  revoked: "denied",
  pending: "denied",
  support,
  dpo,
});

/** Issue 8: the code pages' actions, only for a session that owes the second factor (the matrix's code is wrong). */
const PENDING_ONLY: Record<Who, Outcome> = {
  anonymous: "denied",
  owner: "forbidden",
  other: "forbidden",
  erased: "denied",
  revoked: "denied",
  pending: "allowed",
  support: "forbidden",
  dpo: "forbidden",
};

/** Issue 8: actions without a session (links by e-mail). Everyone gets the same treatment; the link is the key. */
const P = (outcome: Outcome): Record<Who, Outcome> => ({
  anonymous: outcome,
  owner: outcome,
  other: outcome,
  erased: outcome,
  revoked: outcome,
  pending: outcome,
  support: outcome,
  dpo: outcome,
});

/** The table. Keys: "<file>#<export>" for actions, "<METHOD> <route>" for route handlers. */
const ACTIONS: Record<string, Record<Who, Outcome>> = {
  "lib/actions/report.ts#sendAccessReportAction": C("ok", "unknown-field"),
  "lib/actions/consent.ts#setNewsletterAction": C("ok", "unknown-field"),
  "lib/actions/account.ts#updateProfileAction": C("ok", "unknown-field"),
  "lib/actions/account.ts#changeEmailAction": C("ok", "unknown-field"),
  "lib/actions/consent.ts#unsubscribeNotificationAction": C("ok", "notfound"),
  "lib/actions/consent.ts#objectAction": C("ok", "unknown-field"),
  "lib/actions/consent.ts#restrictAction": C("ok", "unknown-field"),
  "lib/actions/consent.ts#objectToMarketingAction": C("ok", "unknown-field"),
  "lib/actions/consent.ts#withdrawMarketingObjectionAction": C("ok", "unknown-field"),
  "lib/actions/erasure.ts#startErasureAction": C("ok", "unknown-field"),
  "lib/actions/erasure.ts#cancelErasureAction": C("ok", "notfound"),
  "lib/actions/staff.ts#resolveRequestAction": S("forbidden", "ok"),
  "lib/actions/staff.ts#recordSignatureAction": S("ok", "allowed"),
  "lib/actions/account.ts#logoutEverywhereAction": C("ok", "unknown-field"),
  "lib/actions/account.ts#changePasswordAction": C("ok", "unknown-field"),
  // Issue 8 (staff accounts): staff change their own password and end their own sessions (ASVS 6.2.3, 7.4.3).
  // The matrix gives staff a wrong current password (refused on the merits); e2e/staff-account.spec.ts changes it.
  "lib/actions/staff-account.ts#changeStaffPasswordAction": S("allowed", "allowed"),
  "lib/actions/staff-account.ts#logoutEverywhereStaffAction": S("ok", "ok"),
  // A half-made staff session (pending) is ended by "Log ud" too (the code pages have the button).
  "lib/actions/account.ts#logoutAction": {
    anonymous: "denied",
    owner: "redirect",
    other: "redirect",
    erased: "redirect",
    revoked: "redirect",
    pending: "redirect",
    support: "redirect",
    dpo: "redirect",
  },
  // Issue 8 (ASVS 6.3.3): the second step of a staff login and its first-login set-up; new recovery codes need a
  // fresh code (the matrix sends a wrong one: refused on the merits). e2e/second-factor.spec.ts has the journeys.
  "lib/actions/second-factor.ts#verifySecondFactorAction": PENDING_ONLY,
  "lib/actions/second-factor.ts#confirmTotpEnrolmentAction": PENDING_ONLY,
  "lib/actions/second-factor.ts#regenerateRecoveryCodesAction": S("allowed", "allowed"),
  "lib/actions/staff.ts#executeErasureAction": S("forbidden", "ok"),
  // Issue 10.9, 6.2 (lib/policy/staff-permissions.ts): both roles register; the dpo's second attempt finds it open.
  "lib/actions/staff.ts#registerMailedRequestAction": S("ok", "allowed"),
  "lib/actions/staff.ts#sendExportAction": S("forbidden", "ok"),
  "lib/actions/staff.ts#refuseErasureAction": S("forbidden", "ok"),
  "lib/actions/staff.ts#announceRestrictionLiftAction": S("forbidden", "ok"),
  // Issue 9 (art. 19): only the dpo sends a delivery to a recipient again or marks it handled by hand.
  "lib/actions/integration.ts#retryDeliveryAction": S("forbidden", "ok"),
  "lib/actions/integration.ts#markDeliveryHandledAction": S("forbidden", "ok"),
  // Issue 8: "Glemt adgangskode?" / "Opret adgang" answer alike for everyone; a wrong or used link changes nothing.
  "lib/actions/account-links.ts#requestPasswordLinkAction": P("ok"),
  "lib/actions/account-links.ts#setPasswordAction": P("allowed"),
  "lib/actions/account-links.ts#confirmEmailAction": P("allowed"),
  "lib/actions/account-links.ts#requestEmailConfirmationAction": C("ok", "unknown-field"),
};

const ROUTES: Record<string, Record<Who, number>> = {
  // Issue 13.3: the overview is a route handler; anyone but a customer is sent on (the login, the code, /personale).
  "GET /konto": { anonymous: 307, owner: 200, other: 200, erased: 307, revoked: 307, pending: 307, support: 307, dpo: 307 },
  // The account bars' "Log ud" (a plain form): whoever posts it is logged out and sent to the login page.
  "POST /api/log-ud": { anonymous: 303, owner: 303, other: 303, erased: 303, revoked: 303, pending: 303, support: 303, dpo: 303 },
  "GET /api/konto/eksport": { anonymous: 401, owner: 200, other: 200, erased: 401, revoked: 401, pending: 401, support: 401, dpo: 401 },
  "GET /api/konto/sletning/[id]/pdf": { anonymous: 401, owner: 200, other: 404, erased: 401, revoked: 401, pending: 401, support: 401, dpo: 401 },
  // next-auth's own endpoints are public by design; /api/auth/session shows no personal data.
  "GET /api/auth/[...nextauth]": { anonymous: 200, owner: 200, other: 200, erased: 200, revoked: 200, pending: 200, support: 200, dpo: 200 },
  "POST /api/auth/[...nextauth]": { anonymous: 200, owner: 200, other: 200, erased: 200, revoked: 200, pending: 200, support: 200, dpo: 200 },
  // Issue 9: server-to-server routes take an API key only; no session of any kind counts (e2e/integration.spec.ts
  // shows a valid key works, a revoked or out-of-scope one does not). The published schemas are public documents.
  "POST /api/v1/ingest": { anonymous: 401, owner: 401, other: 401, erased: 401, revoked: 401, pending: 401, support: 401, dpo: 401 },
  "GET /api/v1/events": { anonymous: 401, owner: 401, other: 401, erased: 401, revoked: 401, pending: 401, support: 401, dpo: 401 },
  "GET /api/v1/schemas/[...path]": { anonymous: 200, owner: 200, other: 200, erased: 200, revoked: 200, pending: 200, support: 200, dpo: 200 },
};

function sourceActions(): string[] {
  const dir = "lib/actions";
  const out: string[] = [];
  for (const f of readdirSync(dir)) {
    const src = readFileSync(path.join(dir, f), "utf8");
    if (!/^["']use server["'];/m.test(src)) continue;
    for (const m of src.matchAll(/^export (?:const|async function) (\w+)/gm)) out.push(`${dir}/${f}#${m[1]}`);
  }
  return out.sort();
}

function sourceRoutes(dir = "app", prefix = ""): string[] {
  const out: string[] = [];
  for (const f of readdirSync(dir)) {
    const full = path.join(dir, f);
    if (statSync(full).isDirectory()) out.push(...sourceRoutes(full, `${prefix}/${f}`));
    else if (f === "route.ts") {
      const src = readFileSync(full, "utf8");
      const methods = [...src.matchAll(/export (?:async function|const|\{[^}]*as) ?(GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]);
      for (const m of src.matchAll(/as (GET|POST|PUT|PATCH|DELETE)\b/g)) methods.push(m[1]);
      for (const m of new Set(methods)) out.push(`${m} ${prefix || "/"}`);
    }
  }
  return out.sort();
}

test("every server action and route handler has a row in the table", () => {
  const actions = sourceActions();
  expect(actions.length).toBeGreaterThan(10);
  expect(
    actions.filter((a) => !(a in ACTIONS)),
    "actions without a row",
  ).toEqual([]);
  expect(
    Object.keys(ACTIONS).filter((a) => !actions.includes(a)),
    "rows without an action",
  ).toEqual([]);
  const built = Object.values(builtActions()).map((a) => a.file);
  for (const f of built)
    expect(
      actions.some((a) => a.startsWith(f + "#")),
      f,
    ).toBe(true);
  const routes = sourceRoutes();
  expect(
    routes.filter((r) => !(r in ROUTES)),
    "routes without a row",
  ).toEqual([]);
});

function classify(r: ActionResponse): string {
  if (r.status === 307 && r.location?.includes("/log-ind")) return "denied";
  if (r.redirect) return "redirect";
  if (!r.result) return `status ${r.status}: ${r.body.slice(0, 120)}`;
  if (r.result.message === NOT_LOGGED_IN) return "denied";
  if (r.result.message === FORBIDDEN) return "forbidden";
  if (/felter, der ikke kan ændres/.test(r.result.message)) return "unknown-field";
  if (!r.result.ok && /findes ikke/.test(r.result.message)) return "notfound";
  return r.result.ok ? "ok" : "allowed";
}

test.describe.configure({ mode: "serial" });

test("the matrix: each action and route as anonymous, owner, another customer, erased, revoked, a password-only staff session, support and dpo", async () => {
  test.setTimeout(120_000);
  const db = openPrisma(process.env.E2E_DATABASE_URL ?? "file:./data/e2e.db");
  const refs = builtActions();
  const secret = "e2e-secret-e2e-secret-e2e-secret-0123456789";
  const T = TEST_CUSTOMERS;

  const ctx: Record<Who, APIRequestContext> = {
    anonymous: await anonymous(),
    owner: await loggedIn(T.owner.email, TEST_PASSWORD),
    other: await loggedIn(T.other.email, TEST_PASSWORD),
    erased: await loggedIn(T.erased.email, TEST_PASSWORD),
    revoked: await loggedIn(T.revoked.email, TEST_PASSWORD),
    pending: await loggedIn(TEST_STAFF.pendingMatrix.email, TEST_PASSWORD, { secondFactor: false }),
    support: await loggedIn(DEMO.support.email, DEMO.support.password),
    dpo: await loggedIn(DEMO.dpo.email, DEMO.dpo.password),
  };
  const ownerId = (await db.customer.findUniqueOrThrow({ where: { email: T.owner.email }, select: { id: true } })).id;

  // A revoked session: the same customer logs out everywhere from a second login.
  const second = await loggedIn(T.revoked.email, TEST_PASSWORD);
  expect(classify(await callAction(second, refs.logoutEverywhereAction, {}))).toBe("ok");
  // An erased customer: their erasure goes through the real path (start → signature → dpo).
  const eraser = await loggedIn(T.erased.email, TEST_PASSWORD);
  const started = await callAction(eraser, refs.startErasureAction, { understood: true });
  const erasedRequest = (started.result?.data as { id: string }).id;
  expect(
    classify(
      await callAction(ctx.support, refs.recordSignatureAction, {
        requestId: erasedRequest,
        code: verificationCode(secret, erasedRequest),
        confirmSigned: true,
      }),
    ),
  ).toBe("ok");
  expect(classify(await callAction(ctx.dpo, refs.executeErasureAction, { requestId: erasedRequest }))).toBe("ok");

  const profile = {
    name: T.owner.name,
    street: "Prøvevej 2",
    postalCode: "6400",
    city: "Sønderborg",
    country: "DK",
    phone: "",
    version: 0,
  };
  const ownerSub = (await db.notificationSubscription.findFirstOrThrow({ where: { email: T.owner.email }, select: { id: true } })).id;

  const failures: string[] = [];
  async function row(name: string, input: (who: Who) => unknown, after?: (who: Who, r: ActionResponse) => Promise<void> | void, order: Who[] = WHO) {
    const ref = refs[name];
    const key = `${ref.file}#${name}`;
    for (const who of order) {
      const r = await callAction(ctx[who], ref, input(who));
      expect(r.status, `${key} as ${who} answered ${r.status}`).toBeLessThan(500);
      const got = classify(r);
      if (got !== ACTIONS[key][who]) failures.push(`${key} as ${who}: expected ${ACTIONS[key][who]}, got ${got} (${r.result?.message ?? r.status})`);
      await after?.(who, r);
    }
  }
  const foreign = (who: Who, valid: Record<string, unknown>) => (who === "other" ? { ...valid, customerId: ownerId } : valid);

  await row("sendAccessReportAction", (w) => foreign(w, {}));
  await row("setNewsletterAction", (w) => foreign(w, { subscribe: true }));
  await row("updateProfileAction", (w) => foreign(w, profile));
  // The address the account already has: the password is checked, nothing is sent.
  await row("changeEmailAction", (w) => foreign(w, { email: T.owner.email, currentPassword: TEST_PASSWORD }));
  // Another customer's id and a non-existent id answer alike.
  const unknownSub = await callAction(ctx.other, refs.unsubscribeNotificationAction, { id: "findes-ikke" });
  await row(
    "unsubscribeNotificationAction",
    () => ({ id: ownerSub }),
    (who, r) => {
      if (who === "other") expect(r.result).toEqual(unknownSub.result);
    },
  );
  await row("objectAction", (w) => foreign(w, { reason: "Jeg har særlige grunde til indsigelse." }));
  await row("restrictAction", (w) => foreign(w, { reason: "Mine oplysninger er ikke korrekte." }));
  await row(
    "objectToMarketingAction",
    (w) => foreign(w, {}),
    async (who, r) => {
      // Art. 21(3): another customer's attempt (with the owner's id) leaves the owner's marketing untouched.
      if (who === "other")
        expect(await db.customer.findUnique({ where: { id: ownerId }, select: { objectsToMarketingAt: true } })).toEqual({ objectsToMarketingAt: null });
      if (who === "owner") expect(r.result?.ok).toBe(true);
    },
  );
  await row("withdrawMarketingObjectionAction", (w) => foreign(w, {}));
  // Issue 8: the same answer whoever asks and whether or not the address has an account; a forged link does nothing.
  await row("requestPasswordLinkAction", (w) => ({ email: w === "other" ? "findes-ikke@example.test" : T.owner.email }));
  const forged = "A".repeat(43);
  await row("setPasswordAction", () => ({ token: forged, newPassword: "et-nyt-sikkert-kodeord-7", confirmPassword: "et-nyt-sikkert-kodeord-7" }));
  await row("confirmEmailAction", () => ({ token: forged }));
  await row("requestEmailConfirmationAction", (w) => foreign(w, {}));
  let ownerRequest = "";
  await row(
    "startErasureAction",
    (w) => foreign(w, { understood: true }),
    (who, r) => {
      if (who === "owner") ownerRequest = (r.result?.data as { id: string }).id;
    },
  );
  const unknownCancel = await callAction(ctx.other, refs.cancelErasureAction, { id: "findes-ikke" });
  let pdfChecked = false;
  await row(
    "cancelErasureAction",
    () => ({ id: ownerRequest }),
    async (who, r) => {
      if (who === "other") expect(r.result).toEqual(unknownCancel.result);
      if (who === "dpo" && !pdfChecked) {
        // Route handlers, while the owner's request still exists.
        for (const w of WHO) {
          const overview = await ctx[w].get("/konto");
          expect(overview.status(), `/konto as ${w}`).toBe(ROUTES["GET /konto"][w]);
          if (w === "owner" || w === "other") {
            const text = await overview.text();
            expect(text).toContain(T[w].email);
            expect(text).not.toContain(T[w === "owner" ? "other" : "owner"].email);
          }
          const exp = await ctx[w].get("/api/konto/eksport");
          expect(exp.status(), `export as ${w}`).toBe(ROUTES["GET /api/konto/eksport"][w]);
          if (w === "owner") expect(await exp.text()).toContain(T.owner.name);
          if (w === "other") {
            const text = await exp.text();
            expect(text).toContain(T.other.name);
            expect(text).not.toContain(T.owner.name);
          }
          const pdf = await ctx[w].get(`/api/konto/sletning/${ownerRequest}/pdf`);
          expect(pdf.status(), `pdf as ${w}`).toBe(ROUTES["GET /api/konto/sletning/[id]/pdf"][w]);
          if (w === "other") {
            const missing = await ctx.other.get(`/api/konto/sletning/findes-ikke/pdf`);
            expect(missing.status()).toBe(404);
            expect(await pdf.text()).toBe(await missing.text());
          }
          const ingest = await ctx[w].post("/api/v1/ingest", {
            headers: { "Idempotency-Key": `matrix-${w}-0001`, "Content-Type": "application/json" },
            data: { records: [] },
          });
          expect(ingest.status(), `ingest as ${w}`).toBe(ROUTES["POST /api/v1/ingest"][w]);
          const feed = await ctx[w].get("/api/v1/events?after=0");
          expect(feed.status(), `events as ${w}`).toBe(ROUTES["GET /api/v1/events"][w]);
          const schema = await ctx[w].get("/api/v1/schemas/import/v1/customer.schema.json");
          expect(schema.status(), `schemas as ${w}`).toBe(ROUTES["GET /api/v1/schemas/[...path]"][w]);
          // On a copy of the cookies: /api/auth/session clears a revoked session's cookie (issue 11 item 4), and
          // the rows below must still run with the revoked/erased cookie.
          const copy = await playwrightRequest.newContext({ baseURL: BASE, maxRedirects: 0, storageState: await ctx[w].storageState() });
          const sess = await copy.get("/api/auth/session");
          expect(sess.status()).toBe(ROUTES["GET /api/auth/[...nextauth]"][w]);
          const body = await sess.text();
          for (const c of Object.values(T)) expect(body).not.toContain(c.email);
          // Issue 11 item 4: a revoked or erased session is no session here either.
          if (w === "revoked" || w === "erased" || w === "anonymous") expect(JSON.parse(body)).toEqual({});
          else if (w === "pending") expect(JSON.parse(body)).toEqual({ expires: expect.any(String), kind: "staff", secondFactor: "opsaet-kode" });
          else {
            expect(JSON.parse(body)).toMatchObject({ kind: w === "support" || w === "dpo" ? "staff" : "customer" });
            expect(JSON.parse(body)).not.toHaveProperty("secondFactor");
          }
          await copy.dispose();
        }
        pdfChecked = true;
      }
    },
  );
  expect(pdfChecked).toBe(true);

  // Staff actions: a second erasure request of the owner to sign, and the owner's objection to resolve.
  const second2 = await callAction(ctx.owner, refs.startErasureAction, { understood: true });
  const signMe = (second2.result?.data as { id: string }).id;
  const objection = (await db.privacyRequest.findFirstOrThrow({ where: { customerId: ownerId, type: "objection" }, select: { id: true } })).id;
  await row(
    "resolveRequestAction",
    () => ({ requestId: objection, decision: "completed", resolution: "Indsigelsen er imødekommet." }),
    undefined,
    ALL_IN_ORDER,
  );
  await row("recordSignatureAction", () => ({ requestId: signMe, code: verificationCode(secret, signMe), confirmSigned: true }), undefined, ALL_IN_ORDER);
  // Issue 10 item 8 (art. 12(4)) and item 5 (art. 18(3)): refusing an erasure, announcing that a restriction is lifted.
  const otherErasure = ((await callAction(ctx.other, refs.startErasureAction, { understood: true })).result?.data as { id: string }).id;
  await row("refuseErasureAction", () => ({ requestId: otherErasure, reasons: "Oplysningerne skal bruges til et retskrav." }), undefined, ALL_IN_ORDER);
  const restriction = (await db.privacyRequest.findFirstOrThrow({ where: { customerId: ownerId, type: "restriction" }, select: { id: true } })).id;
  await row(
    "announceRestrictionLiftAction",
    () => ({ requestId: restriction, reasons: "Oplysningerne er kontrolleret og korrekte." }),
    undefined,
    ALL_IN_ORDER,
  );
  // Issue 10.9: a request by e-mail for the owner, registered by staff; only the dpo sends the export.
  const today = new Date().toISOString().slice(0, 10);
  await row(
    "registerMailedRequestAction",
    () => ({ customer: String(T.owner.number), type: "access", channel: "email", receivedOn: today, note: "Send mig mine data." }),
    undefined,
    ALL_IN_ORDER,
  );
  const mailed = await db.privacyRequest.findFirstOrThrow({ where: { customerId: ownerId, type: "access" }, select: { id: true, channel: true } });
  expect(mailed.channel).toBe("email");
  await row("sendExportAction", () => ({ requestId: mailed.id }), undefined, ALL_IN_ORDER);

  // Issue 9: the owner's correction above wrote deliveries to the recipients of clause 3.
  const deliveries = await db.outboundDelivery.findMany({ where: { event: { subjectRef: ownerId } }, orderBy: { id: "asc" }, select: { id: true } });
  expect(deliveries.length).toBeGreaterThan(1);
  await row("retryDeliveryAction", () => ({ deliveryId: deliveries[0].id }));
  await row("markDeliveryHandledAction", () => ({ deliveryId: deliveries[1].id, note: "Sendt pr. e-mail" }));

  // Issue 8: the second factor's actions (a wrong code for everyone who gets that far).
  await row("verifySecondFactorAction", () => ({ code: "123456" }));
  await row("confirmTotpEnrolmentAction", () => ({ code: "123456" }));
  await row("regenerateRecoveryCodesAction", (w) => ({ code: "123456", ...(w === "owner" || w === "other" ? { customerId: ownerId } : {}) }));

  // Session-ending actions last: each principal's own session ends, so re-login where the row needs it again.
  await row("logoutEverywhereAction", (w) => foreign(w, {}));
  ctx.owner = await loggedIn(T.owner.email, TEST_PASSWORD);
  await row("changePasswordAction", (w) =>
    foreign(w, { currentPassword: TEST_PASSWORD, newPassword: "et-nyt-sikkert-kodeord-9", confirmPassword: "et-nyt-sikkert-kodeord-9" }),
  );
  ctx.owner = await loggedIn(T.owner.email, "et-nyt-sikkert-kodeord-9");
  await row("changeStaffPasswordAction", (w) => ({
    currentPassword: "ikke-den-rigtige",
    newPassword: "et-nyt-sikkert-kodeord-9",
    confirmPassword: "et-nyt-sikkert-kodeord-9",
    ...(w === "owner" || w === "other" ? { customerId: ownerId } : {}),
  }));
  await row("logoutEverywhereStaffAction", () => ({}));
  ctx.support = await loggedIn(DEMO.support.email, DEMO.support.password);
  ctx.dpo = await loggedIn(DEMO.dpo.email, DEMO.dpo.password);
  const logInAgain = async () => {
    ctx.pending = await loggedIn(TEST_STAFF.pendingMatrix.email, TEST_PASSWORD, { secondFactor: false });
    ctx.owner = await loggedIn(T.owner.email, "et-nyt-sikkert-kodeord-9");
    ctx.other = await loggedIn(T.other.email, TEST_PASSWORD);
    ctx.support = await loggedIn(DEMO.support.email, DEMO.support.password);
    ctx.dpo = await loggedIn(DEMO.dpo.email, DEMO.dpo.password);
  };
  // POST /api/log-ud, the account bars' "Log ud": it ends the poster's own session, whoever posts it. On a copy of
  // the cookies (it clears the cookie it was sent): the erased and revoked rows below must still send theirs.
  for (const w of WHO) {
    const copy = await playwrightRequest.newContext({ baseURL: BASE, maxRedirects: 0, storageState: await ctx[w].storageState() });
    const r = await copy.post("/api/log-ud", { headers: { Origin: BASE } });
    expect(r.status(), `log-ud as ${w}`).toBe(ROUTES["POST /api/log-ud"][w]);
    expect(r.headers()["location"]).toBe("/log-ind?logget-ud=1");
    await copy.dispose();
  }
  expect((await ctx.owner.get("/konto")).status(), "/konto after log-ud").toBe(307);
  expect((await ctx.other.get("/api/konto/eksport")).status(), "export after log-ud").toBe(401);
  await logInAgain();
  await row("logoutAction", () => undefined);
  await logInAgain();
  await row("executeErasureAction", () => ({ requestId: signMe }), undefined, ALL_IN_ORDER);

  await db.$disconnect();
  expect(failures).toEqual([]);
});
