import { test, expect, type APIRequestContext } from "@playwright/test";
import fc from "fast-check";
import { builtActions, callAction, loggedIn, anonymous } from "./http";
import { TEST_CUSTOMERS, TEST_PASSWORD } from "./fixtures";
import { DEMO } from "./helpers";

// Issue 5, item 6 (ASVS 15.3.3, 2.2): at least 1,000 generated inputs at every action and route.
// Zero 5xx, and no stack trace in any response. (test/schemas.test.ts does the same to every schema directly.)

const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
const STACK = /\n\s+at [^\n]+:\d+:\d+|node_modules\/|Error: [A-Z]/;

/** Inputs shaped like the real ones, with hostile values, plus anything at all. */
const hostileString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.constantFrom("", " ", "'; DROP TABLE Customer;--", "<script>alert(1)</script>", "$", "$$", "$@1", "\u0000", "æøå".repeat(2000), "../../etc/passwd", "customerId"),
);
const hostileValue = fc.oneof(hostileString, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }));
const shaped = (keys: string[]) =>
  fc.record(Object.fromEntries([...keys, "customerId", "role"].map((k) => [k, hostileValue])), { requiredKeys: [] });
const input = (keys: string[]) => fc.oneof(shaped(keys), fc.jsonValue({ maxDepth: 2 }), fc.constant(undefined));

const KEYS: Record<string, string[]> = {
  updateProfileAction: ["name", "street", "postalCode", "city", "country", "phone", "email", "currentPassword", "version"],
  changePasswordAction: ["currentPassword", "newPassword", "confirmPassword"],
  logoutEverywhereAction: [],
  sendAccessReportAction: [],
  setNewsletterAction: ["subscribe"],
  unsubscribeNotificationAction: ["id"],
  objectAction: ["reason"],
  restrictAction: ["reason"],
  startErasureAction: ["understood"],
  cancelErasureAction: ["id"],
  recordSignatureAction: ["requestId", "code", "confirmSigned"],
  resolveRequestAction: ["requestId", "decision", "resolution"],
  executeErasureAction: ["requestId"],
  logoutAction: [],
};

test.describe.configure({ mode: "serial" });

/** Runs `check` on every generated input, a few at a time (the server has two cores); `between` runs after each batch. */
async function inBatches<T>(inputs: T[], check: (input: T) => Promise<void>, between?: () => Promise<void>, width = 6): Promise<void> {
  for (let i = 0; i < inputs.length; i += width) {
    await Promise.all(inputs.slice(i, i + width).map(check));
    await between?.();
  }
}

test("1,000 generated inputs at every server action: no 5xx, no stack trace", async () => {
  test.setTimeout(900_000);
  const refs = builtActions();
  expect(Object.keys(refs).sort()).toEqual(Object.keys(KEYS).sort());
  const who = TEST_CUSTOMERS.fuzz;
  let customer: APIRequestContext = await loggedIn(who.email, TEST_PASSWORD);
  let dpo: APIRequestContext = await loggedIn(DEMO.dpo.email, DEMO.dpo.password);
  let calls = 0;
  for (const [name, keys] of Object.entries(KEYS)) {
    const staff = ["recordSignatureAction", "resolveRequestAction", "executeErasureAction"].includes(name);
    let loggedOut = false;
    await inBatches(
      fc.sample(input(keys), { numRuns: RUNS, seed: 20261125 }),
      async (arg) => {
        const r = await callAction(staff ? dpo : customer, refs[name], arg);
        calls++;
        const what = `${name}(${JSON.stringify(arg)?.slice(0, 200)})`;
        expect(r.status, what).toBeLessThan(500);
        expect(r.body, what).not.toMatch(STACK);
        if (r.redirect || r.status === 307 || r.result?.message?.startsWith("Du er ikke logget ind")) loggedOut = true;
      },
      async () => {
        // A session-ending input (e.g. {} to "log out everywhere") ends the session: log in again.
        if (!loggedOut) return;
        loggedOut = false;
        if (staff) dpo = await loggedIn(DEMO.dpo.email, DEMO.dpo.password);
        else customer = await loggedIn(who.email, TEST_PASSWORD);
      },
    );
  }
  expect(calls).toBe(RUNS * Object.keys(KEYS).length);
});

test("1,000 generated inputs at every route handler: no 5xx, no stack trace", async () => {
  test.setTimeout(600_000);
  const customer = await loggedIn(TEST_CUSTOMERS.fuzz.email, TEST_PASSWORD);
  const anon = await anonymous();
  const check = async (res: { status(): number; text(): Promise<string> }, what: string) => {
    expect(res.status(), what).toBeLessThan(500);
    expect(await res.text()).not.toMatch(STACK);
  };
  await inBatches(fc.sample(fc.string({ unit: "grapheme", minLength: 1, maxLength: 80 }), { numRuns: RUNS, seed: 1 }), async (id) => {
    await check(await customer.get(`/api/konto/sletning/${encodeURIComponent(id)}/pdf`), `pdf ${id}`);
  });
  await inBatches(fc.sample(fc.dictionary(fc.string({ maxLength: 10 }), fc.string({ maxLength: 30 }), { maxKeys: 4 }), { numRuns: RUNS, seed: 2 }), async (query) => {
    const qs = new URLSearchParams(query).toString();
    await check(await customer.get(`/api/konto/eksport?${qs}`), `export ?${qs}`);
  });
  const { csrfToken } = await (await anon.get("/api/auth/csrf")).json();
  const forms = fc.sample(fc.dictionary(fc.constantFrom("email", "password", "csrfToken", "callbackUrl", "json", "x"), hostileString, { maxKeys: 5 }), { numRuns: RUNS, seed: 3 });
  await inBatches(forms, async (form) => {
    await check(await anon.post("/api/auth/callback/credentials", { form: { csrfToken, ...form } }), `login ${JSON.stringify(form)}`);
  });
});
