import { test, expect } from "@playwright/test";
import { readFile } from "node:fs/promises";
import { waitForMailTo } from "./mail";
import AxeBuilder from "@axe-core/playwright";
import { DEMO, logInAsCustomer } from "./helpers";
import { exportValidator } from "../test/support/export-schema";

// Issue 3: the three journeys customers come for first, plus consent, objection, restriction and complaint.

test.describe.configure({ mode: "serial" });

test("correct the address, see it after reload and in the export", async ({ page }) => {
  await logInAsCustomer(page);
  await page.getByRole("link", { name: "Ret oplysninger" }).first().click();
  await expect(page.getByRole("heading", { name: "Ret dine oplysninger" })).toBeVisible();
  await expect(page.getByText("beholder det navn og den adresse")).toBeVisible();

  // Bad input first: a Danish postal code has four digits. Nothing is saved.
  await page.getByLabel("Postnummer").fill("12");
  await page.getByRole("button", { name: "Gem ændringer" }).click();
  await expect(page.getByText("Et dansk postnummer er 4 cifre")).toBeVisible();
  await expect(page.getByLabel("Postnummer")).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("Vej og husnummer").fill("Ærøvej 7, st. th");
  await page.getByLabel("Postnummer").fill("5970");
  await page.getByLabel("By").fill("Ærøskøbing");
  await page.getByRole("button", { name: "Gem ændringer" }).click();
  await expect(page.getByRole("status").filter({ hasText: "gemt" })).toHaveText("Dine oplysninger er gemt.");

  await page.reload();
  await expect(page.getByLabel("Vej og husnummer")).toHaveValue("Ærøvej 7, st. th");
  await expect(page.getByLabel("By")).toHaveValue("Ærøskøbing");

  const res = await page.request.get("/api/konto/eksport");
  expect(res.status()).toBe(200);
  const doc = await res.json();
  expect(doc.profile.address).toEqual({ street: "Ærøvej 7, st. th", postalCode: "5970", city: "Ærøskøbing", country: "DK" });
  // Issued invoices keep the address they were issued with (5.2).
  expect(doc.invoices[0].billedTo.street).toBe("Åbyvej 12, 2. tv");
});

test("a change saved elsewhere is reported, and what was typed stays in the form", async ({ page, browser }) => {
  await logInAsCustomer(page);
  await page.goto("/konto/oplysninger");
  const other = await browser.newPage();
  await logInAsCustomer(other);
  await other.goto("/konto/oplysninger");
  await other.getByLabel("By").fill("Marstal");
  await other.getByRole("button", { name: "Gem ændringer" }).click();
  await expect(other.getByRole("status").filter({ hasText: "gemt" })).toBeVisible();
  await other.close();

  await page.getByLabel("Telefonnummer").fill("87654321");
  await page.getByRole("button", { name: "Gem ændringer" }).click();
  await expect(page.getByRole("status").filter({ hasText: "ændret et andet sted" })).toBeVisible();
  await expect(page.getByLabel("Telefonnummer")).toHaveValue("87654321");
  await page.reload();
  await expect(page.getByLabel("By")).toHaveValue("Marstal");
});

test("a new e-mail address: asked for on 'E-mail og adgangskode' with the password, changed only by the link", async ({ page }) => {
  await logInAsCustomer(page);
  await page.goto("/konto/oplysninger");
  await expect(page.getByText(`Din e-mailadresse: ${DEMO.customer.email}`)).toBeVisible();
  await page.getByRole("link", { name: "Skift e-mailadresse eller adgangskode, eller log ud på alle enheder" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "E-mail og adgangskode" })).toBeVisible();
  const form = page.getByRole("form", { name: "Skift e-mailadresse" });
  // The browser's check first: errors under the fields, the first invalid one focused (issue 13.5).
  await form.getByLabel("Ny e-mailadresse").fill("ikke-en-email");
  await form.getByRole("button", { name: "Skift e-mailadresse" }).click();
  await expect(form.getByText("Skriv en gyldig e-mailadresse, fx navn@eksempel.dk")).toBeVisible();
  await expect(form.getByText("Skriv din nuværende adgangskode")).toBeVisible();
  await expect(form.getByLabel("Ny e-mailadresse")).toBeFocused();
  // The server's answer: a wrong password, under its field, focused.
  const newEmail = "karen-ny@example.dk";
  await form.getByLabel("Ny e-mailadresse").fill(newEmail);
  await form.getByLabel("Nuværende adgangskode").fill("forkert-kodeord");
  await form.getByRole("button", { name: "Skift e-mailadresse" }).click();
  await expect(form.getByRole("status")).toHaveText("Adgangskoden er forkert, så e-mailadressen er ikke ændret.");
  await expect(form.getByLabel("Nuværende adgangskode")).toBeFocused();
  await expect(form.getByLabel("Nuværende adgangskode")).toHaveAttribute("aria-invalid", "true");
  const since = new Date();
  await form.getByLabel("Nuværende adgangskode").fill(DEMO.customer.password);
  await form.getByRole("button", { name: "Skift e-mailadresse" }).click();
  await expect(form.getByRole("status")).toContainText("Vi har sendt et link til den nye e-mailadresse.");
  await expect(form.getByLabel("Nuværende adgangskode")).toHaveValue("");
  await waitForMailTo(newEmail, since, (m) => m.subject === "Bekræft din e-mailadresse hos 123multiservice");
  // Nothing changes before the link is opened.
  await page.reload();
  await expect(page.getByText(`Din e-mailadresse: ${DEMO.customer.email}`)).toBeVisible();
});

test("download the data as JSON and validate it against the schema", async ({ page }) => {
  await logInAsCustomer(page);
  await page.goto("/konto/data");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download dine data (JSON)" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^123multiservice-persondata-100001-\d{4}-\d{2}-\d{2}\.json$/);
  const doc = JSON.parse(await readFile(await download.path(), "utf8"));
  const validate = exportValidator();
  expect(validate(doc), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  expect(doc.profile.name).toBe(DEMO.customer.name);

  const res = await page.request.get("/api/konto/eksport");
  expect(res.headers()["content-disposition"]).toMatch(/^attachment; filename="/);
  expect(res.headers()["cache-control"]).toBe("no-store");
  expect(res.headers()["content-type"]).toBe("application/json; charset=utf-8");
});

test("withdraw and give newsletter consent and see the history", async ({ page }) => {
  await logInAsCustomer(page);
  await page.goto("/konto/samtykke");
  await expect(page.getByTestId("newsletter-state")).toContainText("Du er tilmeldt");
  await page.getByRole("button", { name: "Afmeld nyhedsbrevet" }).click();
  await expect(page.getByRole("status").filter({ hasText: "tilbagekaldt" })).toContainText("markedsføringsprofil er slettet");
  await expect(page.getByTestId("newsletter-state")).toContainText("Du er ikke tilmeldt");
  await page.getByRole("button", { name: "Tilmeld nyhedsbrevet" }).click();
  await expect(page.getByTestId("newsletter-state")).toContainText("Du er tilmeldt");
  const rows = page.getByRole("table", { name: "Samtykkehistorik" }).getByRole("row");
  await expect(rows).toHaveCount(4); // header + given (seed) + withdrawn + given
  await expect(rows.nth(1)).toContainText("Givet");
  await expect(rows.nth(2)).toContainText("Tilbagekaldt");
  await expect(rows.nth(1)).toContainText("selvbetjening");

  const doc = await (await page.request.get("/api/konto/eksport")).json();
  expect(doc.consentHistory.map((e: { action: string }) => e.action)).toEqual(["given", "withdrawn", "given"]);
  expect(doc.marketingProfile).toBeNull(); // 5.4
});

test("unsubscribe a product notification", async ({ page }) => {
  await logInAsCustomer(page);
  await page.goto("/konto/samtykke");
  const list = page.getByRole("list", { name: "Dine notifikationer" });
  await expect(list).toContainText("HP 912 blæksæt");
  await page.getByRole("button", { name: "Afmeld HP 912 blæksæt (4 farver)" }).click();
  await expect(page.getByRole("status").filter({ hasText: "afmeldt" })).toBeVisible();
  await page.reload();
  await expect(page.getByText("Du er ikke tilmeldt nogen notifikationer.")).toBeVisible();
});

test("object to website analysis and ask for restriction; both reach the staff queue", async ({ page, browser }) => {
  await logInAsCustomer(page, DEMO.newsletter);
  await page.goto("/konto/samtykke");
  await page.getByRole("button", { name: "Gør indsigelse", exact: true }).click();
  await expect(page.getByText("Skriv mindst 10 tegn")).toBeVisible();
  await page.getByLabel("Begrundelse").first().fill("Jeg bruger en delt computer og vil ikke analyseres.");
  await page.getByRole("button", { name: "Gør indsigelse", exact: true }).click();
  await expect(page.getByTestId("objection-state")).toContainText("Vi registrerer ikke din adfærd");
  await page.getByLabel("Begrundelse").fill("Min adresse er forkert i jeres system.");
  await page.getByRole("button", { name: "Anmod om begrænsning" }).click();
  await expect(page.getByTestId("restriction-state")).toContainText("begrænset til opbevaring");

  const staff = await browser.newPage();
  await staff.goto("/log-ind");
  await staff.getByLabel("E-mailadresse").fill(DEMO.support.email);
  await staff.getByLabel("Adgangskode").fill(DEMO.support.password);
  await staff.getByRole("button", { name: "Log ind" }).click();
  await expect(staff).toHaveURL(/\/personale$/);
  await expect(staff.getByRole("row").filter({ hasText: "Indsigelse (4.8)" }).filter({ hasText: DEMO.newsletter.name })).toHaveCount(1);
  await expect(staff.getByRole("row").filter({ hasText: "Begrænsning (4.6)" }).filter({ hasText: DEMO.newsletter.name })).toHaveCount(1);
  await staff.close();
});

test("send the access report by e-mail (4.3.2)", async ({ page }) => {
  await logInAsCustomer(page);
  // /konto says where: "Hent dine data" holds the report by e-mail beside the file.
  await page.getByRole("region", { name: "Få det hele på e-mail eller som fil" }).getByRole("link", { name: "Hent dine data" }).click();
  await expect(page).toHaveURL(/\/konto\/data$/);
  const since = new Date();
  await page.getByRole("button", { name: "Send rapporten til min e-mail" }).click();
  await expect(page.getByRole("status").filter({ hasText: "sendt" })).toHaveText("Rapporten er sendt til din e-mailadresse.");
  // It arrived over SMTP at the customer's address (issue 8).
  const mail = await waitForMailTo(DEMO.customer.email, since, (m) => m.subject === "Din indsigtsrapport fra 123multiservice");
  expect(mail.to).toEqual([DEMO.customer.email]);
  expect(mail.text).toContain("Formål:");
  expect(mail.text).toContain("Google Analytics");
  expect(mail.text).toContain("Carl Jacobsens Vej 35");
});

test("the overview shows every category with purpose, basis, recipients and retention, and the US transfers plainly", async ({ page }) => {
  await logInAsCustomer(page);
  for (const title of [
    "Kundekonto og kontaktoplysninger",
    "Køb og returneringer",
    "Fakturaer",
    "Adfærd på hjemmesiden",
    "Samtykke til nyhedsbrev",
    '"Modtag notifikation"',
  ]) {
    await expect(page.getByRole("heading", { name: title, exact: true })).toBeVisible();
  }
  // Purpose, basis, recipients and the US transfers sit one click away on the category's details (issue 13).
  await expect(page.getByTestId("tidslinje-fakturaer")).toContainText(/anonymiseres|anonymiseret/i);
  await page.getByRole("link", { name: "Se detaljer om Adfærd på hjemmesiden" }).click();
  for (const term of ["Formål", "Retsgrundlag", "Opbevaring"]) await expect(page.getByText(term, { exact: true })).toBeVisible();
  await expect(page.getByText("Overførsel til USA").first()).toBeVisible();
  await page.goto("/konto");
  await page.getByRole("link", { name: "pkt. 4.3.1" }).click();
  await expect(page).toHaveURL(/\/persondatapolitik#pkt-4-3-1$/);
  await expect(page.locator("#pkt-4-3-1")).toContainText("Du er til enhver tid berettiget");
});

test("complaint: Datatilsynet's address is reachable from every page of the area", async ({ page }) => {
  await logInAsCustomer(page);
  await page.getByRole("link", { name: "Klag", exact: true }).click();
  await expect(page.getByText("Carl Jacobsens Vej 35")).toBeVisible();
  await expect(page.getByText("2500 Valby")).toBeVisible();
});

test("the forms work with the keyboard alone", async ({ page }) => {
  await page.goto("/log-ind");
  await page.keyboard.press("Tab"); // skip link
  await page.keyboard.press("Tab"); // brand
  await page.getByLabel("E-mailadresse").focus();
  await page.keyboard.type(DEMO.fresh.email);
  await page.keyboard.press("Tab");
  await page.keyboard.type(DEMO.fresh.password);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/konto$/);
  await page.goto("/konto/samtykke");
  await page.getByLabel("Begrundelse").first().focus();
  await page.keyboard.type("Jeg ønsker ikke at blive analyseret.");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("objection-state")).toBeVisible();
});

test("axe finds no serious or critical violation on any page of the area", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/log-ind");
  const check = async (path: string) => {
    await page.goto(path);
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(bad.map((v) => `${path}: ${v.id} ${JSON.stringify(v.nodes[0]?.target)}`)).toEqual([]);
  };
  await check("/log-ind");
  await check("/persondatapolitik");
  await logInAsCustomer(page);
  for (const p of ["/konto", "/konto/oplysninger", "/konto/oplysninger/adgangskode", "/konto/data", "/konto/samtykke", "/konto/sletning", "/konto/klage"])
    await check(p);
});
