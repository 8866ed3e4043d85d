import { test, expect } from "@playwright/test";
import { BASE, builtActions, callAction, loggedIn } from "./http";
import { TEST_CUSTOMERS, TEST_PASSWORD } from "./fixtures";
import { DEMO, logIn } from "./helpers";

// Issue 11, item 10: smaller attacks from the outside test, each reproduced over HTTP against the build.

test("a __proto__ key in a server-action body is refused like any unknown key and changes nothing", async () => {
  const refs = builtActions();
  const ctx = await loggedIn(TEST_CUSTOMERS.fuzz.email, TEST_PASSWORD);
  const before = (await (await ctx.get("/api/konto/eksport")).json()).consentHistory;
  const subscribed = before.at(-1)?.action === "given";
  for (const key of ["__proto__", "constructor", "prototype"]) {
    const res = await ctx.post(refs.setNewsletterAction.path, {
      headers: { "Next-Action": refs.setNewsletterAction.id, Origin: BASE, "Content-Type": "text/plain;charset=UTF-8" },
      // React's decoder drops "__proto__" silently: before the fix this call subscribed the customer.
      data: `[{"subscribe":${!subscribed},${JSON.stringify(key)}:{"isStaff":true}}]`,
    });
    const body = await res.text();
    if (res.status() === 200) expect(body, key).toMatch(/"ok":false/);
    else expect(res.status(), key).toBe(400);
  }
  const after = (await (await ctx.get("/api/konto/eksport")).json()).consentHistory;
  expect(after).toEqual(before);
  // The same call without the key still works (the refusal is about the key, not the action).
  const ok = await callAction(ctx, refs.setNewsletterAction, { subscribe: subscribed });
  expect(ok.result?.ok).toBe(true);
});

test("staff see the customer number apart from a name chosen to impersonate another customer", async ({ page }) => {
  const refs = builtActions();
  const impostor = TEST_CUSTOMERS.impostor;
  const ctx = await loggedIn(impostor.email, TEST_PASSWORD);
  const r = await callAction(ctx, refs.objectAction, { reason: "Jeg gør indsigelse mod analysen af mit forbrug." });
  expect(r.result?.ok).toBe(true);

  await logIn(page, DEMO.dpo);
  await expect(page).toHaveURL(/\/personale/);
  await page.goto("/personale");
  const row = page.getByRole("row").filter({ hasText: impostor.name });
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId("customer-number")).toHaveText(String(impostor.number));
  await expect(row.getByTestId("customer-name")).toHaveText(impostor.name);
  await row.getByRole("link").click();
  await expect(page).toHaveURL(/\/personale\/anmodninger\//);
  // A request's own page belongs to "Anmodninger" in the staff navigation (components/nav-current.ts).
  await expect(page.getByRole("navigation", { name: "Personale" }).getByRole("link", { name: "Anmodninger" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("customer-number")).toHaveText(new RegExp(`^${impostor.number}`));
  await expect(page.getByTestId("customer-number")).not.toContainText(DEMO.customer.number);
  await expect(page.getByTestId("customer-name")).toHaveText(impostor.name);
});

// Issue 10, item 4: the objection to direct marketing (art. 21(2)-(3), 2.1.3, 2.2.1) is a right of its own on
// /konto/samtykke: one click, no reason, no staff decision, in force at once.
test("objecting to direct marketing on /konto/samtykke takes effect at once, without a reason or a staff decision", async ({ page }) => {
  const who = TEST_CUSTOMERS.marketing;
  await logIn(page, { email: who.email, password: TEST_PASSWORD });
  await expect(page).toHaveURL(/\/konto$/);
  await page.goto("/konto/samtykke");
  await page.getByRole("button", { name: "Tilmeld nyhedsbrevet" }).click();
  await expect(page.getByTestId("newsletter-state")).toContainText("Du er tilmeldt");

  const section = page.getByRole("region", { name: "Indsigelse mod direkte markedsføring" });
  await expect(section.getByRole("textbox")).toHaveCount(0); // no reason asked
  await section.getByRole("button", { name: "Gør indsigelse mod direkte markedsføring" }).click();
  await expect(section.getByRole("status")).toContainText("Din indsigelse gælder fra nu");
  await expect(page.getByTestId("marketing-objection-state")).toContainText("Du har gjort indsigelse");
  await expect(page.getByTestId("newsletter-state")).toContainText("Du er ikke tilmeldt");

  // The export shows it.
  const exp = await (await page.request.get("/api/konto/eksport")).json();
  expect(exp.profile.objectsToDirectMarketingSince).toMatch(/^\d{4}-/);

  // Subscribing again is refused while the objection stands.
  await page.getByRole("button", { name: "Tilmeld nyhedsbrevet" }).click();
  await expect(page.getByText("Tilbagekald indsigelsen først")).toBeVisible();
  await section.getByRole("button", { name: "Tilbagekald min indsigelse" }).click();
  await expect(page.getByTestId("marketing-objection-state")).toContainText("Du har ikke gjort indsigelse");
});
