import { expect, type Page } from "@playwright/test";

export const DEMO = {
  customer: { email: "kunde@example.dk", password: "demo-kunde-1", name: "Karen Ærø Sørensen", number: "100001" },
  newsletter: { email: "nyhed@example.dk", password: "demo-nyhed-1", name: "Jens Ødegaard" },
  fresh: { email: "ny@example.dk", password: "demo-ny-1", name: "Lærke Æbelø" },
  erasure: { email: "sletning@example.dk", password: "demo-sletning-1", name: "Bjørn Ølgaard" },
  dpo: { email: "personale@example.dk", password: "demo-personale-1", name: "Pia Holmgård" },
  support: { email: "support@example.dk", password: "demo-support-1", name: "Søs Kjær" },
} as const;

export async function logIn(page: Page, who: { email: string; password: string }, path = "/log-ind") {
  await page.goto(path);
  await page.getByLabel("E-mailadresse").fill(who.email);
  await page.getByLabel("Adgangskode").fill(who.password);
  await page.getByRole("button", { name: "Log ind" }).click();
}

export async function logInAsCustomer(page: Page, who: { email: string; password: string } = DEMO.customer) {
  await logIn(page, who);
  await expect(page).toHaveURL(/\/konto$/);
}

export async function logOut(page: Page) {
  await page.getByRole("button", { name: "Log ud", exact: true }).click();
  await expect(page).toHaveURL(/\/log-ind/);
}
