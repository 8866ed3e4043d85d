import { test, expect, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { DEMO, logInAsCustomer } from "./helpers";
import { MANY_ORDERS, TEST_PASSWORD } from "./fixtures";
import { waitForMail } from "./mail";

// Issue 13: /konto answers first (a card per category, a timeline of deletion dates), the details one click
// away and paged, and the access report (4.3, Art. 15) holds the data themselves and where they came from.

test.describe.configure({ mode: "serial" });

const MANY = { email: MANY_ORDERS.email, password: TEST_PASSWORD };
const CARD_IDS = ["konto", "koeb", "fakturaer", "adfaerd", "samtykke", "markedsfoering", "notifikationer", "anmodninger", "sikkerhed"];

const MONTHS = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"];
/** Every Danish long date ("6. november 2030") in a text. */
function danishDates(text: string): Date[] {
  return [...text.matchAll(/(\d{1,2})\. (januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december) (\d{4})/g)].map(
    (m) => new Date(Date.UTC(Number(m[3]), MONTHS.indexOf(m[2]), Number(m[1]))),
  );
}

/** 5 / Art. 5(1)(e), issue 10.1: a date shown as a future deletion is never in the past. */
async function expectTimelineHonest(page: Page) {
  const items = page.getByRole("list", { name: "Hvornår dine data slettes" }).getByRole("listitem");
  const n = await items.count();
  expect(n).toBeGreaterThan(0);
  const today = new Date();
  today.setUTCHours(0, 0, 0, 0);
  for (let i = 0; i < n; i++) {
    const when = (await items.nth(i).locator(".tl-when").textContent()) ?? "";
    if (/Skulle være|forfaldne/.test(when)) continue; // overdue rows say so and name the next clean-up instead
    for (const d of danishDates(when)) expect(d.getTime(), `${when}`).toBeGreaterThanOrEqual(today.getTime());
  }
}

test("the demo customer's overview: one short card per category and a timeline read as a list", async ({ page }) => {
  await logInAsCustomer(page);
  await expect(page.getByRole("heading", { level: 1, name: "Det har vi om dig" })).toBeVisible();
  const cards = page
    .getByRole("list", { name: "Kategorier af oplysninger" })
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { level: 2 }) });
  await expect(cards).toHaveCount(CARD_IDS.length);
  for (const id of CARD_IDS) {
    const card = page.getByTestId(`kort-${id}`);
    for (const term of ["Hvad", "Omfang", "Hvorfor", "Hvor længe"]) await expect(card.getByText(term, { exact: true })).toBeVisible();
  }
  // 4.3.1 how much, with Danish singular/plural (issue 10.12)
  await expect(page.getByTestId("omfang-koeb")).toContainText(/\d+ ordrer \(/);
  await expect(page.getByTestId("omfang-notifikationer")).toHaveText("1 tilmelding");
  // Every link in main is a handful, not 66 (issue 13.1)
  expect(await page.locator("main a").count()).toBeLessThanOrEqual(12);

  // The timeline: an ordered list a screen reader reads, SVG bars hidden from it.
  const timeline = page.getByRole("list", { name: "Hvornår dine data slettes" });
  await expect(timeline.getByRole("listitem").filter({ hasText: "Køb og returneringer" })).toContainText("pkt. 5.3");
  await expect(timeline.getByRole("listitem").filter({ hasText: "Fakturaer" })).toContainText(/anonymiseres|anonymiseret/i);
  await expect(page.locator(".tl-bar").first()).toHaveAttribute("aria-hidden", "true");
  expect(await page.locator(".tl-bar").count()).toBe(await timeline.getByRole("listitem").count());
  await expectTimelineHonest(page);
});

test("details are one click away: the rows, where they came from, the recipients and the clauses", async ({ page }) => {
  await logInAsCustomer(page);
  await page.getByRole("link", { name: "Se detaljer om Køb og returneringer" }).click();
  await expect(page).toHaveURL(/\/konto\/detaljer\/koeb$/);
  await expect(page.getByRole("heading", { level: 1, name: "Køb og returneringer" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Dine ordrer" }).getByRole("row").nth(1)).toContainText("kr.");
  await expect(page.getByText("Hvor det kommer fra")).toBeVisible();
  await expect(page.getByText(/Når du køber et produkt på hjemmesiden/)).toBeVisible(); // 2.1.2 / Art. 15(1)(g)
  await expect(page.getByRole("link", { name: "pkt. 2.5.3" })).toBeVisible();
  await expect(page.getByText("PostNord", { exact: true })).toBeVisible();
  // The nav marks "Dine oplysninger" as where we are.
  await expect(page.getByRole("navigation", { name: "Din konto" }).getByRole("link", { name: "Dine oplysninger" })).toHaveAttribute("aria-current", "page");

  await page.goto("/konto/detaljer/adfaerd");
  await expect(page.getByText("Overførsel til USA").first()).toBeVisible();
  await page.goto("/konto/detaljer/fakturaer");
  await expect(page.getByText(/Anonymiseres|Skulle være anonymiseret|forfaldne/).first()).toBeVisible();
  // An unknown category is a plain 404, not an error.
  expect((await page.request.get("/konto/detaljer/findes-ikke")).status()).toBe(404);
});

test("a customer with 1,200 orders: the same short cards, the timeline, and paged details", async ({ page }) => {
  await logInAsCustomer(page, MANY);
  // The first screen counts at most 1,000 rows per category (lib/dal/overview.ts COUNT_CAP); the details count all.
  await expect(page.getByTestId("omfang-koeb")).toContainText("Mere end 1.000 ordrer");
  await expect(page.getByTestId("omfang-fakturaer")).toContainText("Mere end 1.000 fakturaer");
  await expect(page.getByTestId("omfang-adfaerd")).toContainText("Mere end 1.000 registreringer");
  // Nothing on the first screen grows with the history: no order numbers at all.
  await expect(page.locator("main")).not.toContainText(`M-${MANY_ORDERS.number}-`);
  const koeb = page.getByTestId("tidslinje-koeb");
  await expect(koeb).toContainText("løbende");
  await expectTimelineHonest(page);

  await page.getByRole("link", { name: "Se detaljer om Køb og returneringer" }).click();
  await expect(page.getByTestId("antal")).toContainText("1.200 ordrer");
  const rows = page.getByRole("region", { name: "Dine ordrer" }).getByRole("row");
  await expect(rows).toHaveCount(51); // header + one page of 50
  await expect(rows.nth(1)).toContainText(`M-${MANY_ORDERS.number}-001200`); // newest first
  const pager = page.getByRole("navigation", { name: "Sider" });
  await expect(pager).toContainText("Side 1 af 24");
  await pager.getByRole("link", { name: "Ældre →" }).click();
  await expect(page).toHaveURL(/side=2$/);
  await expect(pager).toContainText("Side 2 af 24");
  await expect(rows.nth(1)).toContainText(`M-${MANY_ORDERS.number}-001150`);
  // Out-of-range pages clamp to the last page instead of failing.
  await page.goto("/konto/detaljer/koeb?side=999");
  await expect(pager).toContainText("Side 24 af 24");
  await expect(rows.last()).toContainText(`M-${MANY_ORDERS.number}-000001`);
});

test("the e-mailed access report holds the data themselves and where they came from (4.3.2, Art. 15(1)(g))", async ({ page }) => {
  await logInAsCustomer(page);
  await page.goto("/konto/data");
  await page.getByRole("button", { name: "Send rapporten til min e-mail" }).click();
  await expect(page.getByRole("status").filter({ hasText: "sendt" })).toHaveText("Rapporten er sendt til din e-mailadresse.");
  const mail = await waitForMail((m) => m.subject === "Din indsigtsrapport fra 123multiservice" && m.to.includes(DEMO.customer.email));
  expect(mail.text).toContain("Hvor det kommer fra: Når du køber et produkt på hjemmesiden. (pkt. 2.1.2)");
  expect(mail.text).toContain("pkt. 2.5.3");
  expect(mail.text).toMatch(/Ordre \S+, \d{1,2}\. \w+ \d{4}/); // the orders themselves, not a count
  expect(mail.text).toMatch(/Faktura \S+, /);
  expect(mail.text).toContain("HP 912"); // a line of an order
  expect(mail.text).not.toContain("kassen");
  expect(mail.text).not.toMatch(/nyhedsbrev-\d{4}-\d{2}/);
});

test("no internal codes for customers (issue 10.12): consent history in words", async ({ page }) => {
  await logInAsCustomer(page);
  await page.goto("/konto/samtykke");
  const table = page.getByRole("table", { name: "Samtykkehistorik" });
  await expect(table).toBeVisible();
  await expect(page.locator("main")).not.toContainText("kassen");
  await expect(page.locator("main")).not.toContainText(/nyhedsbrev-\d{4}-\d{2}/);
  await expect(table).toContainText(/Teksten fra \w+ \d{4}/);
  await page.goto("/konto/detaljer/adfaerd");
  // The 3.4 remark points to nothing a customer cannot open (the staff's policy notes).
  await expect(page.locator("main")).not.toContainText("Bemærkninger til politikken");
});

test("the font keeps ids as typed: no contextual alternates turn 0x7 into 0×7 (issue 13.8)", async ({ page }) => {
  await page.goto("/log-ind");
  const v = await page.evaluate(() => {
    const s = getComputedStyle(document.body);
    return { ligatures: s.fontVariantLigatures, features: s.fontFeatureSettings };
  });
  expect(v.ligatures).toContain("no-contextual");
  expect(v.features).toContain('"calt" 0');
});

for (const width of [1280, 390]) {
  test(`axe at ${width} px: no serious or critical violation on the overview, the details and every page of the area`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width, height: 900 });
    const check = async (path: string) => {
      await page.goto(path);
      // One pass: the WCAG rules, and axe's "region" rule (a best practice, not a WCAG tag): everything visible sits
      // in a landmark, the account bar's name line included.
      const results = await new AxeBuilder({ page })
        .options({ rules: { region: { enabled: true } } })
        .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
        .analyze();
      const ran = [...results.passes, ...results.violations, ...results.incomplete, ...results.inapplicable].map((r) => r.id);
      expect(ran, "the region rule ran").toContain("region");
      const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      expect(bad.map((v) => `${width}px ${path}: ${v.id} ${JSON.stringify(v.nodes[0]?.target)}`)).toEqual([]);
      const regions = results.violations.filter((v) => v.id === "region");
      expect(regions.flatMap((v) => v.nodes.map((n) => `${width}px ${path}: ${JSON.stringify(n.target)}`))).toEqual([]);
    };
    await check("/log-ind");
    await logInAsCustomer(page, MANY);
    for (const p of [
      "/konto",
      "/konto/detaljer/koeb",
      "/konto/detaljer/fakturaer",
      "/konto/detaljer/adfaerd",
      "/konto/detaljer/samtykke",
      "/konto/detaljer/sikkerhed",
    ])
      await check(p);
    for (const p of ["/konto/oplysninger", "/konto/oplysninger/adgangskode", "/konto/data", "/konto/samtykke", "/konto/sletning", "/konto/klage"])
      await check(p);
    if (width === 390) {
      // Phone: the page does not scroll sideways, and "Log ud" stays on one line.
      for (const p of ["/konto", "/konto/detaljer/koeb", "/konto/samtykke"]) {
        await page.goto(p);
        expect(await page.evaluate(() => document.documentElement.scrollWidth), p).toBeLessThanOrEqual(390);
      }
      const logout = page.getByRole("button", { name: "Log ud", exact: true });
      const box = await logout.boundingBox();
      expect(box!.height).toBeLessThan(45);
    }
  });
}

// Issue 13.3: /konto is written without React (app/konto/route.ts, components/overview-html.ts). It must look and
// behave as the pages beside it: the same stylesheets, skip link, header, account bar and footer as a React page
// (components/site-shell.ts), no scripts, the session checked the same way, and "Log ud" working.
test("/konto has the same frame as the React pages, no scripts, and its Log ud ends the session", async ({ page }) => {
  await logInAsCustomer(page);
  const frame = async (path: string) => {
    await page.goto(path);
    return page.evaluate(() => {
      const html = (sel: string) => (document.querySelector(sel)?.outerHTML ?? "").replace(/<!--.*?-->/g, "");
      return {
        stylesheets: [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')].map((l) => new URL(l.href).pathname),
        lang: document.documentElement.lang,
        skip: html(".skip-link"),
        header: html(".site-header"),
        footer: html(".site-footer"),
        bar: html(".account-nav").replace(' aria-current="page"', ""),
        current: document.querySelector('.account-nav [aria-current="page"]')?.textContent,
        scripts: document.scripts.length,
        font: getComputedStyle(document.body).fontFamily,
      };
    });
  };
  const overview = await frame("/konto");
  const react = await frame("/konto/klage");
  expect(overview.stylesheets.length).toBeGreaterThan(0);
  expect({ ...overview, current: null, scripts: 0 }).toEqual({ ...react, current: null, scripts: 0 });
  expect(overview.current).toBe("Dine oplysninger");
  expect(react.current).toBe("Klag");
  expect(overview.scripts).toBe(0);
  expect(react.scripts).toBeGreaterThan(0);
  expect(overview.font).toContain("Inter Variable");
  await expect(page).toHaveTitle("Klag over vores behandling · 123multiservice");
  await page.goto("/konto");
  await expect(page).toHaveTitle("Dine oplysninger · 123multiservice");
  // Keyboard: the skip link is the first stop and leads to the content.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Spring til indholdet" })).toBeFocused();

  // The client router's request for an RSC payload (a <Link> to /konto) gets an empty answer, so the browser loads
  // the page itself: nothing of the customer's in it, and no summary read for it.
  const rsc = await page.request.get("/konto", { headers: { RSC: "1" } }); // (Next first adds its ?_rsc= parameter)
  expect(rsc.status()).toBe(200);
  expect(await rsc.text()).toBe("");
  expect(rsc.headers()["content-type"]).toBe("text/plain");

  // "Log ud" from /konto (a plain form to /api/log-ud): the session is revoked, so the old cookie opens nothing.
  const cookies = await page.context().cookies();
  await page.getByRole("button", { name: "Log ud", exact: true }).click();
  await expect(page).toHaveURL(/\/log-ind\?logget-ud=1$/);
  await page.context().addCookies(cookies);
  await page.goto("/konto");
  await expect(page).toHaveURL(/\/log-ind\?callbackUrl=%2Fkonto$/);
});
