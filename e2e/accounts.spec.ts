import { test, expect } from "@playwright/test";
import { TEST_CUSTOMERS, TEST_PASSWORD } from "./fixtures";
import { builtActions, callAction, loggedIn } from "./http";
import { arrivedMail, waitForMail } from "./mail";
import { DEMO, logIn } from "./helpers";

// Issue 8 (accounts and mail) and 11.8 (the access report used to mail anyone).

test("11.8: fifty access reports fired at once reach the mailbox at most three times a day", async () => {
  const who = TEST_CUSTOMERS.report;
  const ctx = await loggedIn(who.email, TEST_PASSWORD);
  const action = builtActions().sendAccessReportAction;
  const results = await Promise.all(Array.from({ length: 50 }, () => callAction(ctx, action, {})));
  expect(results.every((r) => r.status === 200)).toBe(true);
  const accepted = results.filter((r) => r.result?.ok);
  expect(accepted).toHaveLength(3);
  const refused = results.find((r) => r.result && !r.result.ok);
  expect(refused?.result?.message).toMatch(/højst 3 gange i døgnet/);
  // What arrived at the SMTP server: exactly those three, all to the account's own address.
  await expect.poll(async () => (await arrivedMail()).filter((m) => m.to.includes(who.email)).length, { timeout: 10_000 }).toBe(3);
  await new Promise((r) => setTimeout(r, 1500));
  expect((await arrivedMail()).filter((m) => m.to.includes(who.email))).toHaveLength(3);
  await ctx.dispose();
});

test("11.8: the access report is never sent to an unconfirmed address", async () => {
  const who = TEST_CUSTOMERS.unconfirmed;
  const ctx = await loggedIn(who.email, TEST_PASSWORD);
  const r = await callAction(ctx, builtActions().sendAccessReportAction, {});
  expect(r.result).toMatchObject({ ok: false });
  expect(r.result?.message).toMatch(/ikke bekræftet/);
  await new Promise((res) => setTimeout(res, 1000));
  expect((await arrivedMail()).filter((m) => m.to.includes(who.email))).toHaveLength(0);
  await ctx.dispose();
});

test("staff see the mail that could not be delivered (issue 8)", async ({ page }) => {
  await logIn(page, DEMO.support);
  await page.getByRole("link", { name: "Post" }).click();
  await expect(page.getByRole("heading", { name: "Post, der ikke er leveret" })).toBeVisible();
});

const SAME_ANSWER =
  "Hvis adressen hører til en kundekonto hos os, har vi sendt en e-mail med et link. Linket virker i 30 minutter. Kommer der ingen e-mail, så tjek, om adressen er den, du har handlet med.";

async function askForLink(page: import("@playwright/test").Page, linkName: string, email: string) {
  await page.goto("/log-ind");
  const href = await page.getByRole("link", { name: linkName }).getAttribute("href");
  await page.goto(href!);
  await page.getByLabel("E-mailadresse", { exact: true }).fill(email);
  await page.getByRole("button", { name: "Send link" }).click();
  await expect(page.getByRole("status")).toHaveText(SAME_ANSWER);
}

test("Glemt adgangskode?: the same answer for any address; the e-mailed link works once and ends the old password (issue 8, ASVS 6.4)", async ({ page }) => {
  const who = TEST_CUSTOMERS.forgot;
  await askForLink(page, "Glemt adgangskode?", "findes-ikke-her@example.test");
  await expect(page.getByRole("heading", { name: "Har du ikke længere adgang til din e-mailadresse?" })).toBeVisible();
  await expect(page.getByText(/pkt\. 4\.2\.3/).first()).toBeVisible();
  await askForLink(page, "Glemt adgangskode?", who.email);
  const mail = await waitForMail((m) => m.to.includes(who.email));
  expect(mail.subject).toBe("Vælg en ny adgangskode til 123multiservice – Dine data");
  expect((await arrivedMail()).some((m) => m.to.includes("findes-ikke-her@example.test"))).toBe(false);
  const link = /https?:\/\/\S+\/log-ind\/ny-adgangskode\?token=[\w-]+/.exec(mail.text)![0];
  await page.goto(link.replace(/^https?:\/\/[^/]+/, ""));
  await page.getByLabel("Ny adgangskode").fill("en lang og ny sætning 2026x");
  await page.getByLabel("Gentag adgangskoden").fill("en lang og ny sætning 2026x");
  await page.getByRole("button", { name: "Gem adgangskode" }).click();
  await expect(page.getByRole("status")).toHaveText("Din adgangskode er gemt. Du kan nu logge ind.");
  // Once only.
  await page.goto(link.replace(/^https?:\/\/[^/]+/, ""));
  await expect(page.getByText("Linket virker ikke længere")).toBeVisible();
  // The old password no longer works, the new one does.
  await logIn(page, { email: who.email, password: TEST_PASSWORD });
  await expect(page.getByRole("status").filter({ hasText: "forkert" })).toBeVisible();
  await logIn(page, { email: who.email, password: "en lang og ny sætning 2026x" });
  await expect(page).toHaveURL(/\/konto$/);
});

test("Opret adgang: a shop customer without a portal password gets in through the link (issue 8)", async ({ page }) => {
  const who = TEST_CUSTOMERS.noPassword;
  await logIn(page, { email: who.email, password: "et-eller-andet-1" });
  await expect(page.getByRole("status").filter({ hasText: "forkert" })).toHaveText("E-mailadressen eller adgangskoden er forkert.");
  await askForLink(page, "Opret adgang", who.email);
  const mail = await waitForMail((m) => m.to.includes(who.email));
  expect(mail.subject).toBe("Opret adgang til 123multiservice – Dine data");
  const path = /\/log-ind\/ny-adgangskode\?token=[\w-]+/.exec(mail.text)![0];
  await page.goto(path);
  await expect(page.getByRole("heading", { name: "Opret adgang" })).toBeVisible();
  await page.getByLabel("Ny adgangskode").fill("min egen nye sætning 77");
  await page.getByLabel("Gentag adgangskoden").fill("min egen nye sætning 77");
  await page.getByRole("button", { name: "Gem adgangskode" }).click();
  await expect(page.getByRole("status")).toHaveText("Din adgangskode er gemt. Du kan nu logge ind.");
  await logIn(page, { email: who.email, password: "min egen nye sætning 77" });
  await expect(page).toHaveURL(/\/konto$/);
});
