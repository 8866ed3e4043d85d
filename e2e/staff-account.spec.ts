import { test, expect } from "@playwright/test";
import { DEMO, logIn } from "./helpers";
import { loggedIn } from "./http";
import { openPrisma } from "../prisma/client";

// Issue 8, "Staff accounts": staff change their own password in /personale/konto (ASVS 6.2.3: the current one is
// required; 6.2.4: the new one is checked) and end every session ("Log ud på alle enheder", ASVS 7.4.3).
// Uses the support account and puts its password hash back afterwards, so the other specs can still log in.

test.describe.configure({ mode: "serial" });

const db = openPrisma(process.env.E2E_DATABASE_URL ?? "file:./data/e2e.db");
let original = "";
test.beforeAll(async () => {
  original = (await db.staffUser.findUniqueOrThrow({ where: { email: DEMO.support.email }, select: { passwordHash: true } })).passwordHash;
});
test.afterAll(async () => {
  await db.staffUser.update({ where: { email: DEMO.support.email }, data: { passwordHash: original } });
  await db.$disconnect();
});

const NEW = "lang-og-sikker-saetning-42";

test("staff change their own password: wrong current password refused, weak new one refused, then every session ends", async ({ page }) => {
  const other = await loggedIn(DEMO.support.email, DEMO.support.password);
  expect((await other.get("/personale")).status()).toBe(200);

  await logIn(page, DEMO.support);
  await expect(page).toHaveURL(/\/personale$/);
  await page.getByRole("link", { name: "Din konto" }).click();
  await expect(page).toHaveURL(/\/personale\/konto$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Din konto");

  // ASVS 6.2.3: the current password is checked; nothing changes when it is wrong.
  await page.getByLabel("Nuværende adgangskode").fill("forkert-adgangskode");
  await page.getByLabel("Ny adgangskode", { exact: true }).fill(NEW);
  await page.getByLabel("Gentag ny adgangskode").fill(NEW);
  await page.getByRole("button", { name: "Skift adgangskode" }).click();
  await expect(page.getByText("Den nuværende adgangskode er forkert")).toBeVisible();
  await expect(page.locator("[aria-live]").filter({ hasText: "Adgangskoden blev ikke ændret." })).toBeVisible();
  expect((await other.get("/personale")).status()).toBe(200);

  // ASVS 6.2.4: the account's own words are refused by the server's check (checkNewPassword).
  await page.getByLabel("Nuværende adgangskode").fill(DEMO.support.password);
  await page.getByLabel("Ny adgangskode", { exact: true }).fill("support-example-1");
  await page.getByLabel("Gentag ny adgangskode").fill("support-example-1");
  await page.getByRole("button", { name: "Skift adgangskode" }).click();
  await expect(page.locator("[aria-live]").filter({ hasText: "Adgangskoden blev ikke ændret." })).toBeVisible();
  expect((await other.get("/personale")).status()).toBe(200);

  await page.getByLabel("Ny adgangskode", { exact: true }).fill(NEW);
  await page.getByLabel("Gentag ny adgangskode").fill(NEW);
  await page.getByRole("button", { name: "Skift adgangskode" }).click();
  await expect(page).toHaveURL(/\/log-ind/);
  // ASVS 7.4.3: the other session ended too, and the old password no longer works.
  expect((await other.get("/personale")).status()).toBe(307);
  await expect(loggedIn(DEMO.support.email, DEMO.support.password)).rejects.toThrow(/login failed/);
  await logIn(page, { email: DEMO.support.email, password: NEW });
  await expect(page).toHaveURL(/\/personale$/);
  await other.dispose();
});

test("staff 'Log ud på alle enheder' ends this and every other session", async ({ page }) => {
  const password = NEW;
  const other = await loggedIn(DEMO.support.email, password);
  expect((await other.get("/personale")).status()).toBe(200);
  await logIn(page, { email: DEMO.support.email, password });
  await expect(page).toHaveURL(/\/personale$/);
  await page.goto("/personale/konto");
  await page.getByRole("button", { name: "Log ud på alle enheder" }).click();
  await expect(page).toHaveURL(/\/log-ind/);
  expect((await other.get("/personale")).status()).toBe(307);
  await page.goto("/personale/konto");
  await expect(page).toHaveURL(/\/log-ind/);
  await other.dispose();
});
