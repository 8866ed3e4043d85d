import { test, expect } from "@playwright/test";
import { TEST_CUSTOMERS, TEST_PASSWORD } from "./fixtures";
import { builtActions, callAction, loggedIn } from "./http";
import { arrivedMail } from "./mail";
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
