import { test, expect } from "@playwright/test";
import { readFileSync } from "node:fs";
import { DEMO, logIn } from "./helpers";

// Issue 13.8: staff land in their own area without a spurious access.denied, and the dpo's audit trail
// (6.1) speaks Danish, names staff, shows customers by number, and can be filtered and paged.

function accessDeniedLines(): number {
  return readFileSync("data/reports/server.log", "utf8")
    .split("\n")
    .filter((l) => l.includes('"access.denied"')).length;
}

test("staff log in straight to /personale: no access.denied line on the way", async ({ page }) => {
  const before = accessDeniedLines();
  await logIn(page, DEMO.dpo);
  await expect(page).toHaveURL(/\/personale$/);
  await page.waitForTimeout(300); // the log line would be written while the redirect is served
  expect(accessDeniedLines()).toBe(before);
});

test("the audit trail: Danish action names, staff names, customer numbers, filters and paging", async ({ page }) => {
  // Something to find: the demo customer logs in once (a "login" event about customer 100001).
  const customer = await page.context().browser()!.newPage();
  await logIn(customer, DEMO.customer);
  await expect(customer).toHaveURL(/\/konto$/);
  await customer.close();

  await logIn(page, DEMO.dpo);
  await expect(page).toHaveURL(/\/personale$/);
  await page.goto("/personale/revisionsspor");
  const table = page.getByRole("region", { name: "Hændelser" }).getByRole("table");
  await expect(table).toBeVisible();
  await expect(table).not.toContainText("{}");
  await expect(table.getByRole("cell", { name: DEMO.dpo.name }).first()).toBeVisible(); // the dpo's own login, by name

  await page.getByLabel("Kundenummer").fill(DEMO.customer.number);
  await page.getByLabel("Handling").selectOption({ label: "Log ind" });
  await page.getByRole("button", { name: "Vis" }).click();
  await expect(page).toHaveURL(/kundenr=100001/);
  const rows = table.getByRole("row");
  expect(await rows.count()).toBeGreaterThan(1);
  for (const text of await rows.allTextContents()) if (!text.startsWith("Tidspunkt")) expect(text).toMatch(/Log ind.*kundenr\. 100001/);

  // A date range that ends before anything happened finds nothing; a malformed one is ignored and said so.
  await page.goto("/personale/revisionsspor?til=2000-01-01");
  await expect(page.getByTestId("audit-count")).toHaveText("0 hændelser.");
  await page.goto("/personale/revisionsspor?fra=ikke-en-dato&kundenr=abc");
  await expect(page.getByText("Filteret er ikke brugt")).toBeVisible();
  // An unknown customer number is said plainly.
  await page.goto("/personale/revisionsspor?kundenr=999999999");
  await expect(page.getByTestId("audit-count")).toContainText("Ingen kunde har kundenummer 999999999");
  // Paged: 50 per page, with a link to older events when there are more.
  await page.goto("/personale/revisionsspor");
  const count = Number((await page.getByTestId("audit-count").textContent())!.replace(/\D/g, ""));
  expect(await table.getByRole("row").count()).toBe(Math.min(count, 50) + 1);
  if (count > 50) {
    await page.getByRole("navigation", { name: "Sider" }).getByRole("link", { name: "Ældre →" }).click();
    await expect(page).toHaveURL(/side=2/);
    await expect(table.getByRole("row")).toHaveCount(Math.min(count - 50, 50) + 1);
  }
});
