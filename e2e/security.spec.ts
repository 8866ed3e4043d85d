import { test, expect, request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { DEMO, logInAsCustomer } from "./helpers";
import { anonymous, BASE, builtActions, callAction, loggedIn } from "./http";
import { TEST_CUSTOMERS, TEST_PASSWORD } from "./fixtures";

// Issue 5: sessions (item 4), throttling (2), CSRF and the middleware bypass (7), headers on every route (8).

test.describe("sessions (ASVS 7.2.4, 7.4.1–7.4.3)", () => {
  test("the session cookie is HttpOnly, Secure and SameSite=Lax, and a new one is issued at every login", async () => {
    const ctx = await anonymous();
    const { csrfToken } = await (await ctx.get("/api/auth/csrf")).json();
    const res = await ctx.post("/api/auth/callback/credentials", {
      form: { csrfToken, email: TEST_CUSTOMERS.sessions.email, password: TEST_PASSWORD, json: "true" },
    });
    const setCookie = res
      .headersArray()
      .filter((h) => h.name.toLowerCase() === "set-cookie")
      .map((h) => h.value);
    const session = setCookie.find((c) => c.startsWith("__Secure-next-auth.session-token="));
    expect(session).toBeDefined();
    expect(session).toMatch(/; HttpOnly/i);
    expect(session).toMatch(/; Secure/i);
    expect(session).toMatch(/; SameSite=Lax/i);
    const first = (await ctx.storageState()).cookies.find((c) => c.name.endsWith("session-token"))!.value;
    const again = await loggedIn(TEST_CUSTOMERS.sessions.email, TEST_PASSWORD);
    const second = (await again.storageState()).cookies.find((c) => c.name.endsWith("session-token"))!.value;
    expect(second).not.toBe(first);
  });

  test("after Log ud, a replayed copy of the old cookie gets the login page, not data", async ({ page, browser }) => {
    await logInAsCustomer(page, { email: TEST_CUSTOMERS.sessions.email, password: TEST_PASSWORD });
    const stolen = await page.context().storageState();
    await page.getByRole("button", { name: "Log ud", exact: true }).click();
    await expect(page).toHaveURL(/\/log-ind/);
    const replay = await browser.newContext({ storageState: stolen, baseURL: BASE });
    const p2 = await replay.newPage();
    await p2.goto("/konto");
    await expect(p2).toHaveURL(/\/log-ind/);
    expect((await p2.request.get("/api/konto/eksport")).status()).toBe(401);
    await replay.close();
  });

  test("'Log ud på alle enheder' ends the other devices' sessions at once", async ({ page, browser }) => {
    const who = { email: TEST_CUSTOMERS.sessions.email, password: TEST_PASSWORD };
    const laptop = await browser.newContext({ baseURL: BASE });
    const lp = await laptop.newPage();
    await logInAsCustomer(lp, who);
    await logInAsCustomer(page, who);
    // Reached from "Ret oplysninger", as a customer finds it.
    await page.goto("/konto/oplysninger");
    await page.getByRole("link", { name: "Skift e-mailadresse eller adgangskode, eller log ud på alle enheder" }).click();
    await expect(page).toHaveURL(/\/konto\/oplysninger\/adgangskode$/);
    await expect(page.getByRole("link", { name: "Ret oplysninger" })).toHaveAttribute("aria-current", "page");
    await page.getByRole("button", { name: "Log ud på alle enheder" }).click();
    await expect(page).toHaveURL(/\/log-ind/);
    await lp.goto("/konto");
    await expect(lp).toHaveURL(/\/log-ind/);
    await laptop.close();
  });

  test("changing the password needs the current one, refuses weak ones, and ends every session", async ({ page, browser }) => {
    const who = { email: TEST_CUSTOMERS.sessions.email, password: TEST_PASSWORD };
    const other = await browser.newContext({ baseURL: BASE });
    const op = await other.newPage();
    await logInAsCustomer(op, who);
    await logInAsCustomer(page, who);
    await page.goto("/konto/oplysninger/adgangskode");
    // The page's other form (the e-mail change) asks for the current password too.
    const form = page.getByRole("form", { name: "Skift adgangskode" });
    await form.getByLabel("Nuværende adgangskode").fill("forkert-kodeord");
    await form.getByLabel("Ny adgangskode", { exact: true }).fill("password1");
    await form.getByLabel("Gentag ny adgangskode").fill("password1");
    await form.getByRole("button", { name: "Skift adgangskode" }).click();
    // The server's list answers (lib/auth/password-rules.ts), under the field, before the current password is checked.
    await expect(form.getByText("Adgangskoden findes på lister over lækkede adgangskoder")).toBeVisible();
    const long = "en lang sætning som adgangskode er god ".repeat(2).slice(0, 70); // ≥ 64 characters are accepted
    await form.getByLabel("Ny adgangskode", { exact: true }).fill(long);
    await form.getByLabel("Gentag ny adgangskode").fill(long);
    await form.getByRole("button", { name: "Skift adgangskode" }).click();
    await expect(form.getByText("Den nuværende adgangskode er forkert")).toBeVisible();
    await form.getByLabel("Nuværende adgangskode").fill(TEST_PASSWORD);
    await form.getByRole("button", { name: "Skift adgangskode" }).click();
    await expect(page).toHaveURL(/\/log-ind\?adgangskode=aendret/);
    await op.goto("/konto");
    await expect(op).toHaveURL(/\/log-ind/);
    await logInAsCustomer(page, { email: who.email, password: long });
    await other.close();
  });
});

test.describe("login throttling (ASVS 6.3.1, issue 11 items 1 and 6)", () => {
  async function attempt(ctx: APIRequestContext, csrfToken: string, email: string, password: string, i: number) {
    return ctx.post("/api/auth/callback/credentials", {
      form: { csrfToken, email, password, json: "true" },
      headers: { "X-Forwarded-For": `198.51.100.${i % 250}` },
    });
  }
  const hasSession = async (ctx: APIRequestContext) => (await ctx.storageState()).cookies.some((c) => c.name.endsWith("next-auth.session-token"));

  test("50 concurrent wrong passwords and the right one last get no session; the page says how long to wait; a spoofed X-Forwarded-For does not help", async ({
    page,
  }) => {
    const who = TEST_CUSTOMERS.throttle;
    await page.goto("/log-ind");
    // Hydrated, so that the click below sends the form through its script (a click before would post it natively).
    await expect.poll(() => page.locator("#email").evaluate((el) => Object.keys(el).some((k) => k.startsWith("__reactProps")))).toBe(true);
    await page.getByLabel("E-mailadresse").fill(who.email);
    await page.getByLabel("Adgangskode").fill(TEST_PASSWORD);
    const ctx = await anonymous();
    const { csrfToken } = await (await ctx.get("/api/auth/csrf")).json();
    // The attack: 50 wrong passwords at once, then the right one, each from a different spoofed address.
    const attack = Array.from({ length: 50 }, (_, i) => attempt(ctx, csrfToken, who.email, `forkert-${i}`, i));
    // The right password, from the API and from the browser, goes while the attack is still arriving, but only once
    // an attempt has been refused: the account's free attempts are then provably used up. (Sent at the same moment
    // as the attack, a right password could overtake it and be one of the free attempts: a login.)
    const firstRefusal = Promise.any(
      attack.map(async (r) => {
        const url = String(((await (await r).json()) as { url?: unknown }).url);
        if (!url.includes("error=THROTTLED")) throw new Error("checked, not refused");
      }),
    );
    const right = firstRefusal.then(() => attempt(ctx, csrfToken, who.email, TEST_PASSWORD, 99));
    const browserAnswer = firstRefusal.then(async () => {
      const [answer] = await Promise.all([
        page.waitForResponse((r) => r.url().includes("/api/auth/callback/credentials")),
        page.getByRole("button", { name: "Log ind" }).click(),
      ]);
      return String(((await answer.json()) as { url?: unknown }).url);
    });
    const [responses, browserUrl] = await Promise.all([Promise.all([...attack, right]), browserAnswer]);
    // Refused by the throttle (THROTTLED:<when>), not a login and not a wrong password.
    expect(browserUrl).toContain("error=THROTTLED");
    for (const r of responses) expect(r.status()).toBeLessThan(500);
    expect(await hasSession(ctx)).toBe(false);
    expect((await responses.at(-1)!.json()).url).toContain("error=THROTTLED");
    await ctx.dispose();
    await expect(page.getByRole("status").filter({ hasText: "For mange" })).toHaveText(
      /^For mange mislykkede forsøg\. Af sikkerhedshensyn kan du prøve igen om \d+ sekund(er)?\.$/,
    );
    await expect(page).toHaveURL(/\/log-ind/);
    expect((await page.context().cookies()).some((c) => c.name.endsWith("next-auth.session-token"))).toBe(false);
  });

  test("an attacker's wrong passwords make strangers wait, but the owner's known device gets in with the right password", async ({ page }) => {
    const who = { email: TEST_CUSTOMERS.knownDevice.email, password: TEST_PASSWORD };
    await logInAsCustomer(page, who);
    const device = (await page.context().cookies()).find((c) => c.name.endsWith("kendt-enhed"));
    expect(device?.httpOnly).toBe(true);
    expect(device?.sameSite).toBe("Lax");
    await page.getByRole("button", { name: "Log ud", exact: true }).click();
    await expect(page).toHaveURL(/\/log-ind/);

    const attacker = await anonymous();
    const { csrfToken } = await (await attacker.get("/api/auth/csrf")).json();
    await Promise.all(Array.from({ length: 10 }, (_, i) => attempt(attacker, csrfToken, who.email, `angriber-${i}`, i)));
    // Another browser with the right password waits (the progressive delay) ...
    const stranger = await anonymous();
    const s = await (await stranger.get("/api/auth/csrf")).json();
    expect((await (await attempt(stranger, s.csrfToken, who.email, TEST_PASSWORD, 7)).json()).url).toContain("error=THROTTLED");
    expect(await hasSession(stranger)).toBe(false);
    // ... the owner's known device does not.
    await logInAsCustomer(page, who);
    await attacker.dispose();
    await stranger.dispose();
  });
});

test.describe("next-auth's own routes (issue 11 item 4)", () => {
  test("POST /api/auth/signout revokes the session row: the old cookie reads nothing, and /api/auth/session shows no session", async () => {
    const ctx = await loggedIn(TEST_CUSTOMERS.signout.email, TEST_PASSWORD);
    expect(await (await ctx.get("/api/auth/session")).json()).toMatchObject({ kind: "customer" });
    const stolen = await ctx.storageState();
    const { csrfToken } = await (await ctx.get("/api/auth/csrf")).json();
    const out = await ctx.post("/api/auth/signout", { form: { csrfToken, json: "true" }, headers: { Origin: BASE } });
    expect(out.status()).toBe(200);
    const replay = await playwrightRequest.newContext({ baseURL: BASE, storageState: stolen, maxRedirects: 0 });
    expect((await replay.get("/api/konto/eksport")).status()).toBe(401);
    const session = await replay.get("/api/auth/session");
    expect(session.status()).toBe(200);
    expect(await session.json()).toEqual({});
    expect((await replay.get("/konto")).status()).toBe(307);
    await replay.dispose();
    await ctx.dispose();
  });

  test("unused next-auth routes answer 400/404, never 500", async () => {
    const ctx = await anonymous();
    const cases: [string, string, number[]][] = [
      ["GET", "/api/auth/callback/credentials", [404]],
      ["GET", "/api/auth/%", [400, 404]],
      ["GET", "/api/auth/%E0%A4%A", [400, 404]],
      ["GET", "/api/auth/signin", [404]],
      ["GET", "/api/auth/signin/credentials", [404]],
      ["GET", "/api/auth/signout", [404]],
      ["GET", "/api/auth/error", [404]],
      ["GET", "/api/auth/verify-request", [404]],
      ["GET", "/api/auth/callback/findes-ikke", [404]],
      ["POST", "/api/auth/session", [404]],
      ["POST", "/api/auth/_log", [404]],
      ["POST", "/api/auth/callback/findes-ikke", [404]],
      ["GET", "/api/auth/findes/ikke", [404]],
    ];
    for (const [method, path, expected] of cases) {
      const r = await ctx.fetch(path, { method, headers: { Origin: BASE }, form: method === "POST" ? { x: "1" } : undefined });
      expect(expected, `${method} ${path} → ${r.status()}`).toContain(r.status());
    }
    await ctx.dispose();
  });
});

test.describe("CSRF (ASVS 3.5) and the middleware bypass (CVE-2025-29927)", () => {
  test("a server action posted from a foreign origin is refused with 403 and changes nothing", async () => {
    const refs = builtActions();
    const ctx = await loggedIn(DEMO.customer.email, DEMO.customer.password);
    const before = await (await ctx.get("/api/konto/eksport")).json();
    const subscribed = before.consentHistory.at(-1)?.action === "given";
    const variants: Record<string, string>[] = [{ Origin: "https://ond.example" }, { "Sec-Fetch-Site": "cross-site" }];
    for (const headers of variants) {
      const r = await callAction(ctx, refs.setNewsletterAction, { subscribe: !subscribed }, headers);
      expect(r.status).toBe(403);
      expect(r.result).toBeUndefined();
    }
    const after = await (await ctx.get("/api/konto/eksport")).json();
    expect(after.consentHistory).toEqual(before.consentHistory);
    // Route handlers too: next-auth's sign-out from a foreign origin.
    const signout = await ctx.post("/api/auth/signout", { headers: { Origin: "https://ond.example" }, form: { csrfToken: "x" } });
    expect(signout.status()).toBe(403);
  });

  test("a form on another site posted to the portal: the browser shows a Danish refusal page (403)", async ({ page }) => {
    await page.setContent(`<form method="post" action="${BASE}/konto/samtykke"><input name="subscribe" value="true"><button>Send</button></form>`);
    const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), page.getByRole("button", { name: "Send" }).click()]);
    expect(response.status()).toBe(403);
    expect(response.headers()["content-type"]).toContain("text/html");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Din forespørgsel blev afvist");
    await expect(page.getByRole("alert")).toHaveText("Forespørgsler fra andre websteder afvises.");
  });

  test("a spoofed x-middleware-subrequest header still reaches no data", async () => {
    const ctx = await anonymous();
    for (const value of [
      "middleware:middleware:middleware:middleware:middleware",
      "proxy:proxy:proxy:proxy:proxy",
      "src/middleware:src/middleware:src/middleware:src/middleware:src/middleware",
    ]) {
      const headers = { "x-middleware-subrequest": value };
      const page = await ctx.get("/konto", { headers });
      expect([200, 307]).toContain(page.status());
      if (page.status() === 200) {
        const html = await page.text();
        expect(html).not.toContain("Kundenummer");
      }
      expect((await ctx.get("/api/konto/eksport", { headers })).status()).toBe(401);
      const staff = await ctx.get("/personale", { headers });
      expect(await staff.text()).not.toContain("Anmodninger fra kunder");
    }
  });
});

function pageRoutes(dir = "app", prefix = ""): string[] {
  const out: string[] = [];
  for (const f of readdirSync(dir)) {
    const full = path.join(dir, f);
    if (statSync(full).isDirectory()) out.push(...pageRoutes(full, `${prefix}/${f}`));
    else if (f === "page.tsx") out.push(prefix || "/");
  }
  return out.sort();
}

test.describe("headers (ASVS 3.4, 14.3.2)", () => {
  test("every page and download has the CSP with a nonce, the hardening headers and Cache-Control: no-store", async () => {
    const customer = await loggedIn(DEMO.fresh.email, DEMO.fresh.password);
    const dpo = await loggedIn(DEMO.dpo.email, DEMO.dpo.password);
    const routes = pageRoutes();
    expect(routes).toContain("/konto/oplysninger");
    const targets = routes.map((r) => r.replace("[id]", "findes-ikke"));
    targets.push("/api/konto/eksport", "/api/auth/session", "/findes-ikke");
    const problems: string[] = [];
    for (const url of targets) {
      const ctx = url.startsWith("/personale") ? dpo : customer;
      const res = await ctx.get(url);
      const h = res.headers();
      const where = `${url} (${res.status()})`;
      if (res.status() >= 500) problems.push(`${where}: server error`);
      const csp = h["content-security-policy"] ?? "";
      for (const d of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "default-src 'self'"])
        if (!csp.includes(d)) problems.push(`${where}: CSP lacks ${d}`);
      const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
      if (!nonce) problems.push(`${where}: CSP has no nonce`);
      if (!/max-age=\d+/.test(h["strict-transport-security"] ?? "")) problems.push(`${where}: no HSTS`);
      if (h["x-content-type-options"] !== "nosniff") problems.push(`${where}: no nosniff`);
      if (!h["referrer-policy"]) problems.push(`${where}: no Referrer-Policy`);
      if (!/no-store/.test(h["cache-control"] ?? "")) problems.push(`${where}: Cache-Control is "${h["cache-control"]}"`);
      if ((h["content-type"] ?? "").startsWith("text/html")) {
        const html = await res.text();
        for (const m of html.matchAll(/<script\b[^>]*>/g))
          if (!m[0].includes(`nonce="${nonce}"`)) problems.push(`${where}: script without the nonce: ${m[0].slice(0, 80)}`);
      }
    }
    expect(problems).toEqual([]);
  });

  test("the browser enforces the CSP: injected markup with an inline handler does not run", async ({ page }) => {
    await page.goto("/log-ind");
    // A classic stored-XSS payload: markup with an inline event handler. No nonce can cover it.
    await page.evaluate(() => {
      document.body.insertAdjacentHTML("beforeend", '<img src="/findes-ikke.png" onerror="window.__xss = true">');
    });
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __xss?: boolean }).__xss === true)).toBe(false);
    // The page's own scripts carry the nonce and run: the login form is interactive.
    await page.getByRole("button", { name: "Log ind" }).click();
    await expect(page.getByText("Skriv din e-mailadresse")).toBeVisible();
  });
});
