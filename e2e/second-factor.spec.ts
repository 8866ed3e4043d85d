import { test, expect, type Page } from "@playwright/test";
import { DEMO, enterTotpCode } from "./helpers";
import { TEST_PASSWORD, TEST_STAFF } from "./fixtures";
import { anonymous, builtActions, callAction, loggedIn } from "./http";
import { freshTotpCode, rememberTotpSecret } from "./totp";
import { timeStepAt, totpCodeForStep } from "../lib/auth/totp";
import { openPrisma } from "../prisma/client";

// Issue 8, "Staff accounts" (ASVS 6.3.3): the dpo logs in with a second factor. First login: a TOTP set up from a
// QR code (or its secret as text), confirmed with a code; recovery codes shown once. Later logins: a code from the
// app or a recovery code (single use). A wrong or replayed code gets a Danish message. A session that has given only
// the password is no login anywhere (every page sends it to the code; e2e/authorisation-matrix.spec.ts has its
// column for every action and route).

test.describe.configure({ mode: "serial" });

const who = { email: TEST_STAFF.enrol.email, password: TEST_PASSWORD };
let recoveryCodes: string[] = [];
const db = openPrisma(process.env.E2E_DATABASE_URL ?? "file:./data/e2e.db");
test.afterAll(() => db.$disconnect());

async function passwordStep(page: Page) {
  await page.goto("/log-ind");
  await page.getByLabel("E-mailadresse").fill(who.email);
  await page.getByLabel("Adgangskode").fill(who.password);
  await page.getByRole("button", { name: "Log ind" }).click();
}

/** The code pages' forms work once hydrated (a value typed before would be reset by the form's defaults). */
async function ready(page: Page, url: RegExp) {
  await expect(page).toHaveURL(url);
  await page.waitForLoadState("networkidle");
}

test("first login of a dpo: the TOTP is set up from the QR code's secret, recovery codes are shown once", async ({ page }) => {
  await passwordStep(page);
  await ready(page, /\/log-ind\/opsaet-kode$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sæt totrinsbekræftelse op");
  // The QR code is server-rendered SVG (no script); the same secret is printed for typing by hand.
  await expect(page.getByRole("img", { name: /QR-kode til godkendelsesappen/ })).toBeVisible();
  const secret = (await page.getByTestId("totp-secret").textContent())!.replace(/\s/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);

  // The password alone is no login: a staff page sends the session back to the set-up.
  await page.goto("/personale");
  await ready(page, /\/log-ind\/opsaet-kode\?callbackUrl=%2Fpersonale$/);
  // The same session sees the same secret (it is kept for the session, not made anew).
  expect((await page.getByTestId("totp-secret").textContent())!.replace(/\s/g, "")).toBe(secret);

  // A wrong code: a Danish message, nothing set up.
  const wrong = totpCodeForStep(secret, timeStepAt(new Date()) - 5);
  await page.getByLabel("Kode fra appen").fill(wrong);
  await page.getByRole("button", { name: "Bekræft og log ind" }).click();
  await expect(page.getByText("Koden er forkert eller allerede brugt. Vent på den næste kode i appen, og prøv igen.")).toBeVisible();
  expect((await db.staffUser.findUniqueOrThrow({ where: { email: who.email }, select: { totpEnrolledAt: true } })).totpEnrolledAt).toBeNull();

  rememberTotpSecret(who.email, secret);
  await page.getByLabel("Kode fra appen").fill(await freshTotpCode(who.email));
  await page.getByRole("button", { name: "Bekræft og log ind" }).click();
  const list = page.getByRole("list", { name: "Gendannelseskoder" });
  await expect(list).toBeVisible();
  recoveryCodes = (await list.getByRole("listitem").allTextContents()).map((c) => c.trim());
  expect(recoveryCodes).toHaveLength(10);
  for (const c of recoveryCodes) expect(c).toMatch(/^([a-z2-7]{4}-){5}[a-z2-7]{4}$/);
  await expect(page.getByRole("button", { name: "Kopiér koderne" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Udskriv" })).toBeVisible();

  // Stored: the secret encrypted (never the text shown), the recovery codes only as hashes.
  const row = await db.staffUser.findUniqueOrThrow({
    where: { email: who.email },
    select: { totpSecret: true, totpEnrolledAt: true, recoveryCodes: { select: { codeHash: true } } },
  });
  expect(row.totpEnrolledAt).not.toBeNull();
  expect(row.totpSecret).not.toContain(secret);
  expect(row.recoveryCodes).toHaveLength(10);
  for (const c of recoveryCodes) expect(JSON.stringify(row.recoveryCodes)).not.toContain(c.replace(/-/g, ""));

  await page.getByRole("link", { name: "Fortsæt" }).click();
  await expect(page).toHaveURL(/\/personale$/);
  // Once set up, the set-up page is gone for good: it never shows a secret again.
  await page.goto("/log-ind/opsaet-kode");
  await expect(page).toHaveURL(/\/personale$/);
});

test("later logins ask for the code: a wrong one and a replayed one are refused in Danish, a fresh one logs in", async ({ page, browser }) => {
  await passwordStep(page);
  await ready(page, /\/log-ind\/kode$/);
  await page.getByLabel("Kode", { exact: true }).fill("12345");
  await page.getByRole("button", { name: "Bekræft" }).click();
  await expect(page.getByText("Skriv de 6 cifre fra din godkendelsesapp eller en gendannelseskode")).toBeVisible();

  const code = await freshTotpCode(who.email);
  await page.getByLabel("Kode", { exact: true }).fill(code);
  await page.getByRole("button", { name: "Bekræft" }).click();
  await expect(page).toHaveURL(/\/personale$/);

  // RFC 6238 5.2: the same code (time step) is accepted once per account, also from another browser.
  const other = await browser.newPage();
  await other.goto("/log-ind");
  await other.getByLabel("E-mailadresse").fill(who.email);
  await other.getByLabel("Adgangskode").fill(who.password);
  await other.getByRole("button", { name: "Log ind" }).click();
  await ready(other, /\/log-ind\/kode$/);
  await other.getByLabel("Kode", { exact: true }).fill(code);
  await other.getByRole("button", { name: "Bekræft" }).click();
  await expect(other.getByText("Koden er forkert eller allerede brugt. Vent på den næste kode i appen, og prøv igen.")).toBeVisible();
  await expect(other).toHaveURL(/\/log-ind\/kode$/);
  // "Log ud" on the code page ends the half-made session.
  await other.getByRole("button", { name: "Log ud", exact: true }).click();
  await expect(other).toHaveURL(/\/log-ind\?logget-ud=1$/);
  await other.close();
});

test("a recovery code logs in once; /personale/konto counts what is left and makes a new set with a fresh code", async ({ page, browser }) => {
  await passwordStep(page);
  await ready(page, /\/log-ind\/kode$/);
  await page.getByLabel("Kode", { exact: true }).fill(recoveryCodes[0].toUpperCase());
  await page.getByRole("button", { name: "Bekræft" }).click();
  await expect(page).toHaveURL(/\/personale$/);
  await page.goto("/personale/konto");
  await ready(page, /\/personale\/konto$/);
  await expect(page.getByText("Du har 9 ubrugte gendannelseskoder tilbage.")).toBeVisible();

  // Used up: the same recovery code does not log in again.
  const other = await browser.newPage();
  await other.goto("/log-ind");
  await other.getByLabel("E-mailadresse").fill(who.email);
  await other.getByLabel("Adgangskode").fill(who.password);
  await other.getByRole("button", { name: "Log ind" }).click();
  await ready(other, /\/log-ind\/kode$/);
  await other.getByLabel("Kode", { exact: true }).fill(recoveryCodes[0]);
  await other.getByRole("button", { name: "Bekræft" }).click();
  await expect(other.getByText("Koden er forkert eller allerede brugt")).toBeVisible();
  await other.close();

  // A new set needs a code from the app; the old codes stop working.
  await page.getByLabel("Kode fra appen").fill("000000".slice(0, 5));
  await page.getByRole("button", { name: "Lav nye gendannelseskoder" }).click();
  await expect(page.getByText("Skriv de 6 cifre fra din godkendelsesapp")).toBeVisible();
  await page.getByLabel("Kode fra appen").fill(await freshTotpCode(who.email));
  await page.getByRole("button", { name: "Lav nye gendannelseskoder" }).click();
  const list = page.getByRole("list", { name: "Gendannelseskoder" });
  await expect(list).toBeVisible();
  const fresh = (await list.getByRole("listitem").allTextContents()).map((c) => c.trim());
  expect(fresh).toHaveLength(10);
  expect(fresh).not.toContain(recoveryCodes[1]);
  const ctx = await loggedIn(who.email, who.password, { secondFactor: false });
  const old = await callAction(ctx, builtActions().verifySecondFactorAction, { code: recoveryCodes[1] });
  expect(old.result).toMatchObject({
    ok: false,
    fieldErrors: { code: ["Koden er forkert eller allerede brugt. Vent på den næste kode i appen, og prøv igen."] },
  });
  const used = await callAction(ctx, builtActions().verifySecondFactorAction, { code: fresh[0] });
  expect(used.result?.ok).toBe(true);
  expect((await ctx.get("/personale")).status()).toBe(200);
  await ctx.dispose();
});

test("a session with only the password is no login: pages send it to the code, routes and staff actions refuse it", async ({ page }) => {
  const pending = await loggedIn(DEMO.dpo.email, DEMO.dpo.password, { secondFactor: false });
  expect(await (await pending.get("/api/auth/session")).json()).toMatchObject({ kind: "staff", secondFactor: "kode" });
  for (const path of ["/personale", "/personale/modtagere", "/personale/konto", "/konto", "/log-ind"]) {
    const r = await pending.get(path);
    expect(r.status(), path).toBe(307);
    expect(r.headers()["location"], path).toMatch(/\/log-ind\/kode/);
  }
  expect((await pending.get("/api/konto/eksport")).status()).toBe(401);
  const r = await callAction(pending, builtActions().logoutEverywhereStaffAction, {});
  expect(r.result?.message).toBe("Du er ikke logget ind, eller din session er udløbet. Log ind igen.");
  const anon = await anonymous();
  // Without any session the code page sends the browser to /log-ind; the action logs nobody in.
  const anonTry = await callAction(anon, builtActions().verifySecondFactorAction, { code: "123456" });
  expect(anonTry.status).toBeLessThan(500);
  expect(anonTry.result?.ok).not.toBe(true);
  await pending.dispose();
  await anon.dispose();

  // The demo dpo in the browser: password, then the code computed from the published demo secret (README).
  await page.goto("/log-ind");
  await page.getByLabel("E-mailadresse").fill(DEMO.dpo.email);
  await page.getByLabel("Adgangskode").fill(DEMO.dpo.password);
  await page.getByRole("button", { name: "Log ind" }).click();
  await enterTotpCode(page, DEMO.dpo.email);
  await expect(page).toHaveURL(/\/personale$/);
});
