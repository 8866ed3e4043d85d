import { test, expect } from "@playwright/test";
import { DEMO, logIn, logInAsCustomer, logOut } from "./helpers";

// Issue 2: Log ind / Log ud, the redirect when logged out, wrong password, the staff area.

test("logged out, /konto redirects to the login and back after login", async ({ page }) => {
  await page.goto("/konto/oplysninger");
  await expect(page).toHaveURL(/\/log-ind\?callbackUrl=%2Fkonto%2Foplysninger/);
  await page.getByLabel("E-mailadresse").fill(DEMO.customer.email);
  await page.getByLabel("Adgangskode").fill(DEMO.customer.password);
  await page.getByRole("button", { name: "Log ind" }).click();
  await expect(page).toHaveURL(/\/konto\/oplysninger$/);
});

test("the demo customer logs in, sees name and customer number, and logs out", async ({ page }) => {
  await logInAsCustomer(page);
  // The account bar names who is logged in, in a landmark (issue 13.7).
  await expect(page.getByRole("region", { name: "Logget ind" })).toContainText(DEMO.customer.name);
  await expect(page.getByTestId("kundenummer")).toHaveText(DEMO.customer.number);
  await logOut(page);
  await expect(page.getByText("Du er logget ud.")).toBeVisible();
  await page.goto("/konto");
  await expect(page).toHaveURL(/\/log-ind/);
});

test("a wrong password and an unknown e-mail get the same Danish message", async ({ page }) => {
  await logIn(page, { email: DEMO.fresh.email, password: "forkert-kode-123" });
  const status = page.getByRole("status").filter({ hasText: "forkert" });
  await expect(status).toHaveText("E-mailadressen eller adgangskoden er forkert.");
  await logIn(page, { email: "findes-ikke@example.dk", password: "forkert-kode-123" });
  await expect(page.getByRole("status").filter({ hasText: "forkert" })).toHaveText("E-mailadressen eller adgangskoden er forkert.");
  await expect(page).toHaveURL(/\/log-ind/);
});

test("a login the browser could not keep (a Secure cookie over plain http) says why instead of an empty form", async ({ page, baseURL }) => {
  // Issue 13.6: over http:// at a LAN address the browser drops the Secure session cookie, so the login succeeds
  // on the server but the browser has no session. Simulated by a session endpoint that sees no cookie.
  await page.route("**/api/auth/session", (route) => route.fulfill({ json: {} }));
  await logIn(page, DEMO.customer);
  const host = new URL(baseURL!).host;
  const status = page.getByRole("status").filter({ hasText: "afviste log ind" });
  await expect(status).toContainText("siden er åbnet med http://");
  await expect(status).toContainText(`https://${host}/log-ind`);
  await expect(page).toHaveURL(/\/log-ind/);
});

test("invalid input is explained under the field", async ({ page }) => {
  await page.goto("/log-ind");
  await page.getByLabel("E-mailadresse").fill("ikke-en-email");
  await page.getByRole("button", { name: "Log ind" }).click();
  await expect(page.getByText("Skriv en gyldig e-mailadresse, fx navn@eksempel.dk")).toBeVisible();
  await expect(page.getByText("Skriv din adgangskode")).toBeVisible();
  await expect(page.getByLabel("E-mailadresse")).toHaveAttribute("aria-invalid", "true");
});

test("what is typed before the page's scripts have run is kept, not emptied when the form starts", async ({ page }) => {
  // A fast typist or a password manager can fill the form before React has taken it over. React 19 keeps the
  // typed value while it hydrates, and react-hook-form keeps a value that differs from the field's default when it
  // registers the field; this keeps that so. The page's scripts are held back until the form is filled.
  const held: (() => Promise<void>)[] = [];
  let release = false;
  await page.route("**/_next/static/chunks/**", (route) => (release ? route.continue() : void held.push(() => route.continue())));
  await page.goto("/log-ind", { waitUntil: "commit" });
  await page.getByLabel("E-mailadresse").fill(DEMO.customer.email);
  await page.getByLabel("Adgangskode").fill(DEMO.customer.password);
  expect(held.length).toBeGreaterThan(0);
  release = true;
  await Promise.all(held.map((go) => go()));
  // Hydrated: React's own properties are on the field (before that, a click would post the form natively).
  await expect.poll(() => page.locator("#email").evaluate((el) => Object.keys(el).some((k) => k.startsWith("__reactProps")))).toBe(true);
  await expect(page.getByLabel("E-mailadresse")).toHaveValue(DEMO.customer.email);
  await expect(page.getByLabel("Adgangskode")).toHaveValue(DEMO.customer.password);
  await page.getByRole("button", { name: "Log ind" }).click();
  await expect(page).toHaveURL(/\/konto$/);
});

test.describe("a form sent by the browser itself, before the page's scripts ran or without JavaScript", () => {
  test("the login form: a Danish page says nothing happened and leads back; no session", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/log-ind");
    await page.getByLabel("E-mailadresse").fill(DEMO.customer.email);
    await page.getByLabel("Adgangskode").fill(DEMO.customer.password);
    const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), page.getByRole("button", { name: "Log ind" }).click()]);
    expect(response.status()).toBe(400);
    expect(response.headers()["content-type"]).toContain("text/html");
    expect(response.headers()["content-security-policy"]).toContain("default-src 'none'");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Formularen blev ikke behandlet");
    await expect(page.getByRole("alert")).toContainText("Intet er gemt eller ændret.");
    await expect(page.locator('link[rel="stylesheet"]')).not.toHaveCount(0); // in the site's frame and style
    expect((await context.cookies()).some((c) => c.name.endsWith("next-auth.session-token"))).toBe(false);
    await expect(page.getByRole("link", { name: "Åbn siden igen" })).toHaveAttribute("href", "/log-ind");
    // The Back button leads to the form with the e-mail address still in it.
    await page.goBack();
    await expect(page.getByLabel("E-mailadresse")).toHaveValue(DEMO.customer.email);
    await context.close();
  });

  test("a customer's address form: the current data are shown, and nothing is changed", async ({ page, browser }) => {
    await logInAsCustomer(page);
    await page.goto("/konto/oplysninger");
    const street = await page.getByLabel("Vej og husnummer").inputValue();
    const context = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
    const noScripts = await context.newPage();
    await noScripts.goto("/konto/oplysninger");
    // The customer's data are in the page as the server sends it, not filled in only by its scripts.
    await expect(noScripts.getByLabel("Vej og husnummer")).toHaveValue(street);
    await expect(noScripts.getByLabel("Land")).toHaveValue(await page.getByLabel("Land").inputValue());
    await noScripts.getByLabel("Vej og husnummer").fill("Uden Scripts Vej 1");
    const [response] = await Promise.all([
      noScripts.waitForResponse((r) => r.request().method() === "POST"),
      noScripts.getByRole("button", { name: "Gem ændringer" }).click(),
    ]);
    expect(response.status()).toBe(400);
    expect(response.headers()["content-type"]).toContain("text/html");
    await expect(noScripts.getByRole("heading", { level: 1 })).toHaveText("Formularen blev ikke behandlet");
    await context.close();
    await page.reload();
    await expect(page.getByLabel("Vej og husnummer")).toHaveValue(street);
  });

  test("a script's request that is refused still gets JSON, with the reload header for an unknown action", async ({ page }) => {
    await page.goto("/log-ind");
    const answer = await page.evaluate(async () => {
      const r = await fetch("/konto", { method: "POST", headers: { "Next-Action": "0".repeat(42), "Content-Type": "text/plain;charset=UTF-8" }, body: "[]" });
      return { status: r.status, type: r.headers.get("content-type"), reload: r.headers.get("x-nextjs-action-not-found"), body: await r.json() };
    });
    expect(answer).toEqual({
      status: 404,
      type: "application/json; charset=utf-8",
      reload: "1",
      body: { error: "Handlingen findes ikke. Genindlæs siden." },
    });
  });
});

test("a customer never reaches the staff area", async ({ page }) => {
  await logInAsCustomer(page);
  await page.goto("/personale");
  await expect(page).toHaveURL(/\/konto$/);
  await expect(page.getByRole("heading", { name: "Anmodninger fra kunder" })).toHaveCount(0);
});

test("staff log in at the same form and land in their own area", async ({ page }) => {
  await logIn(page, DEMO.dpo);
  await expect(page).toHaveURL(/\/personale$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Anmodninger");
  await page.goto("/konto");
  await expect(page).toHaveURL(/\/personale$/);
});
