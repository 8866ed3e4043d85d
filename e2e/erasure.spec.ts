import { test, expect, type Page } from "@playwright/test";
import { waitForMail } from "./mail";
import { DEMO, logIn, logInAsCustomer } from "./helpers";
import { pdfText } from "./pdf";

// Issue 4: a customer starts erasure, signs the PDF; staff verify and carry it out; bookkeeping data stay.

test.describe.configure({ mode: "serial" });

async function downloadPdf(page: Page): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Hent anmodningen som PDF" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^sletning-SL-\d{4}-\d{5}\.pdf$/);
  return pdfText(await download.path());
}

test("the whole erasure path, from the customer's click to the staff's execution", async ({ page, browser }) => {
  await logInAsCustomer(page, DEMO.erasure);
  const before = await (await page.request.get("/api/konto/eksport")).json();
  const invoiceNumber: string = before.invoices[0].invoiceNumber;

  await page.goto("/konto/sletning");
  // Issue 10 item 7: nothing is promised "med det samme"; invoices keep the name and address as issued; "til og med".
  await expect(page.getByRole("heading", { name: "Det sletter vi" })).toBeVisible();
  await expect(page.getByText("Det slettes med det samme")).toHaveCount(0);
  await expect(page.getByText(/Fakturaer \(2\)/)).toBeVisible();
  await expect(page.getByText(/navn og din adresse, som de stod på fakturaen/)).toBeVisible();
  await expect(page.getByText(/Gemmes til og med \d{1,2}\. [a-z]+ \d{4}/).first()).toBeVisible();

  // Start without confirming: refused with a message under the checkbox.
  await page.getByRole("button", { name: "Start sletning" }).click();
  await expect(page.getByText("Bekræft, at du har læst")).toBeVisible();
  await page.getByLabel("Jeg har læst, hvad der slettes, og hvad der gemmes").check();
  await page.getByRole("button", { name: "Start sletning" }).click();
  await expect(page.getByTestId("erasure-status")).toHaveText("Afventer underskrift");

  const first = await downloadPdf(page);
  expect(first).toContain("Anmodning om sletning af personoplysninger");
  expect(first).toContain("Bjørn Ølgaard");
  expect(first).toContain("Skovbrynet 5, 2800 Kongens Lyngby");
  expect(first).toContain("Degnevænget 3B");
  expect(first).toContain("6400 Sønderborg");
  expect(first).toContain("100005");
  const firstNumber = first.match(/SL-\d{4}-\d{5}/)![0];

  // Cancel, then start again.
  await page.getByRole("button", { name: "Annullér anmodningen" }).click();
  await expect(page.getByText(`${firstNumber}: Annulleret`)).toBeVisible();
  await page.getByLabel("Jeg har læst, hvad der slettes, og hvad der gemmes").check();
  await page.getByRole("button", { name: "Start sletning" }).click();
  await expect(page.getByTestId("erasure-status")).toHaveText("Afventer underskrift");
  const pdf = await downloadPdf(page);
  const requestNumber = pdf.match(/SL-\d{4}-\d{5}/)![0];
  expect(requestNumber).not.toBe(firstNumber);
  const code = pdf.match(/\b[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}\b/)![0];

  // Staff: support registers the signed document; only the dpo may carry out the erasure (6.2).
  const support = await browser.newPage();
  await logIn(support, DEMO.support);
  await support.getByRole("link", { name: requestNumber }).click();
  await support.getByLabel("Verifikationskode fra dokumentet").fill("AAAA-BBBB");
  await support.getByLabel(/Dokumentet er modtaget og personligt underskrevet/).check();
  await support.getByRole("button", { name: "Registrér underskrift" }).click();
  await expect(support.getByText("Koden passer ikke til denne anmodning")).toBeVisible();
  await support.getByLabel("Verifikationskode fra dokumentet").fill(code.toLowerCase());
  await support.getByRole("button", { name: "Registrér underskrift" }).click();
  await expect(support.getByTestId("request-status")).toHaveText("Underskrift modtaget");
  // A confirmation stays on screen after the signature is recorded (issue 13.8).
  await expect(support.getByTestId("signature-recorded")).toContainText("Underskriften blev registreret");
  await expect(support.getByText("Kun den databeskyttelsesansvarlige kan gennemføre sletningen")).toBeVisible();
  await expect(support.getByRole("button", { name: "Gennemfør sletning" })).toHaveCount(0);
  await support.close();

  // The customer can no longer cancel once the signature is in.
  await page.reload();
  await expect(page.getByTestId("erasure-status")).toHaveText("Underskrift modtaget");
  await expect(page.getByRole("button", { name: "Annullér anmodningen" })).toHaveCount(0);

  const dpo = await browser.newPage();
  await logIn(dpo, DEMO.dpo);
  // Each download of the document is in the audit trail (6.1; written just after the response, issue 12).
  await dpo.goto("/personale/revisionsspor?handling=erasure.pdf_downloaded&kundenr=100005");
  await expect(dpo.getByRole("cell", { name: "Hentede sletningsdokumentet", exact: true })).toHaveCount(2);
  await dpo.goto("/personale");
  await dpo.getByRole("link", { name: requestNumber }).click();
  await dpo.getByRole("button", { name: "Gennemfør sletning" }).click();
  await dpo.getByRole("button", { name: "Ja, slet kunden nu" }).click();
  await expect(dpo.getByRole("status").filter({ hasText: "Sletningen er gennemført" })).toBeVisible();
  await expect(dpo.getByTestId("request-status")).toHaveText("Gennemført");
  await expect(dpo.getByText(/Slettet\. Pseudonym reference/)).toBeVisible();
  await expect(dpo.getByRole("status").filter({ hasText: "Kunden har fået en kvittering." })).toBeVisible();
  // The receipt arrived over SMTP (issue 8).
  await waitForMail((m) => m.to.includes(DEMO.erasure.email) && m.subject === `Dine personoplysninger er slettet (${requestNumber})`);

  // The customer's session stopped at once, and the login no longer works.
  await page.goto("/konto");
  await expect(page).toHaveURL(/\/log-ind/);
  expect((await page.request.get("/api/konto/eksport")).status()).toBe(401);
  await logIn(page, DEMO.erasure);
  await expect(page.getByRole("status").filter({ hasText: "forkert" })).toHaveText("E-mailadressen eller adgangskoden er forkert.");

  // The invoice is still there for staff, with only what bookkeeping needs and no link to a customer.
  await dpo.goto(`/personale/fakturaer?q=${invoiceNumber}`);
  const card = dpo.getByRole("region", { name: `Faktura ${invoiceNumber}` });
  await expect(card).toContainText("Bjørn Ølgaard, Skovbrynet 5");
  await expect(card.getByTestId("invoice-customer")).toHaveText("Ingen kobling til en kunde");
  await expect(card).not.toContainText("sletning@example.dk");
  await dpo.close();
});

test("support cannot see invoices or the audit trail (6.2); the queue marks overdue requests", async ({ page }) => {
  await logIn(page, DEMO.support);
  await expect(page).toHaveURL(/\/personale$/);
  const overdue = page.getByRole("row").filter({ hasText: "Begrænsning (4.6)" }).filter({ hasText: "Åse Bøgh" });
  await expect(overdue).toContainText("Over fristen");
  await expect(page.getByText(/\d+ over fristen/)).toBeVisible();
  await expect(page.getByRole("link", { name: "Fakturaer" })).toHaveCount(0);
  await page.goto("/personale/fakturaer?q=F-50001");
  await expect(page).toHaveURL(/\/personale\?adgang=naegtet$/);
  await expect(page.getByText("Din rolle giver ikke adgang")).toBeVisible();
});

test("the operator's page lists where the policy text needs attention, with the configured contact e-mail", async ({ page }) => {
  await logIn(page, DEMO.dpo);
  await page.getByRole("link", { name: "Bemærkninger til politikken" }).click();
  await expect(page.getByRole("heading", { name: /Privacy Shield/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: /5\.4 henviser til 4\.8/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: /spambeskyttelses-tekst/ })).toBeVisible();
  await expect(page.getByTestId("contact-email")).toHaveText("persondata@123multiservice.dk");
});

test("art. 18(3): the dpo tells the customer before lifting a restriction; the inactive account is held meanwhile (5.1, 4.6)", async ({ page }) => {
  await logIn(page, DEMO.dpo);
  await page.getByRole("row").filter({ hasText: "Begrænsning (4.6)" }).filter({ hasText: "Åse Bøgh" }).getByRole("link").first().click();
  // Retention ran at start (issue 10 item 1) and held the inactive, restricted account for the dpo.
  await expect(page.getByTestId("held-from-retention")).toContainText("inaktiv i over 5 år");
  await expect(page.getByLabel(/Afvis \(markeringen fjernes\)/)).toBeDisabled();
  const form = page.getByRole("form", { name: "Varsl ophævelse af begrænsning" });
  await form.getByLabel("Begrundelse til kunden").fill("Adressen er kontrolleret og rettet.");
  await form.getByRole("button", { name: "Send varsel til kunden" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Kunden har fået varsel" })).toBeVisible();
  const notice = await waitForMail((m) => m.to.includes("inaktiv@example.dk") && /ophæver begrænsningen/.test(m.subject));
  expect(notice.text).toContain("Adressen er kontrolleret og rettet.");
  await page.reload();
  await expect(page.getByTestId("lift-notice-sent")).toContainText("Kunden er underrettet");
  await expect(page.getByLabel(/Afvis \(markeringen fjernes\)/)).toBeEnabled();
});
