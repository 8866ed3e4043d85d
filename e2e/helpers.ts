import { expect, type Page } from "@playwright/test";
import { freshTotpCode, knownTotpSecret, skipToNextStep } from "./totp";

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
  // Issue 8: staff with a known TOTP secret (the demo dpo) give the second factor on /log-ind/kode.
  if (knownTotpSecret(who.email)) await enterTotpCode(page, who.email);
}

/** On /log-ind/kode: a fresh code from the known secret (e2e/totp.ts); once more on a new step if it was refused. */
export async function enterTotpCode(page: Page, email: string) {
  await expect(page).toHaveURL(/\/log-ind\/kode/);
  await page.waitForLoadState("networkidle"); // hydrated: a value typed before would be reset by the form's defaults
  for (let attempt = 0; attempt < 2; attempt++) {
    await page.getByLabel("Kode", { exact: true }).fill(await freshTotpCode(email));
    await page.getByRole("button", { name: "Bekræft" }).click();
    const outcome = await Promise.race([
      page
        .waitForURL((u) => !u.pathname.startsWith("/log-ind/kode"), { timeout: 15_000 })
        .then(
          () => "ok",
          () => "timeout",
        ),
      page
        .getByText("Koden er forkert eller allerede brugt")
        .waitFor({ timeout: 15_000 })
        .then(
          () => "refused",
          () => "timeout",
        ),
    ]);
    if (outcome === "ok") return;
    await skipToNextStep(email);
  }
  throw new Error(`second factor refused for ${email}`);
}

export async function logInAsCustomer(page: Page, who: { email: string; password: string } = DEMO.customer) {
  await logIn(page, who);
  await expect(page).toHaveURL(/\/konto$/);
}

export async function logOut(page: Page) {
  await page.getByRole("button", { name: "Log ud", exact: true }).click();
  await expect(page).toHaveURL(/\/log-ind/);
}
