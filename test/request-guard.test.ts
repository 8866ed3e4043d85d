import { describe, expect, it } from "vitest";
import {
  MAX_BODY_BYTES,
  REFUSALS,
  actionIndexFromManifest,
  checkPagePost,
  hasBadPercentEncoding,
  isBrowserNavigation,
  isKnownAction,
} from "@/lib/security/request-guard";
import { refusalDocument } from "@/components/refusal-html";

// Issue 11, item 5 (ASVS 15.3.3, 16.5.3): the encodings Next.js answers with a 500 are refused in proxy.ts.
// e2e/fuzz.spec.ts sends the same encodings over HTTP to the production build.

const LOGOUT = "00a3e64788c125dda8a16f52507fc16de45daebf3a";
const NEWSLETTER = "7f1f38b577ceaf62b70d9202c89e30785064de5803";
const index = actionIndexFromManifest({
  node: {
    [LOGOUT]: { workers: { "app/konto/page": {}, "app/personale/anmodninger/[id]/page": {}, "app/page": {} } },
    [NEWSLETTER]: { workers: { "app/konto/samtykke/page": {} } },
  },
});

const enc = (s: string) => new TextEncoder().encode(s).buffer;
function multipart(fields: [string, string][], boundary = "XX"): { contentType: string; body: ArrayBuffer } {
  const parts = fields.map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join("");
  return { contentType: `multipart/form-data; boundary=${boundary}`, body: enc(`${parts}--${boundary}--\r\n`) };
}
const post = (pathname: string, actionId: string | null, m: { contentType: string; body: ArrayBuffer }) => checkPagePost({ pathname, actionId, ...m }, index);

describe("bad percent-encoding in a path (issue 11.5)", () => {
  it.each(["/konto/sletning/%E0%A4%A", "/api/konto/sletning/%/pdf", "/personale/anmodninger/%ZZ", "/%C0%AF"])("%s is refused", (p) => {
    expect(hasBadPercentEncoding(p)).toBe(true);
  });
  it.each(["/konto", "/api/konto/sletning/abc%20d/pdf", "/x/%C3%A6%C3%B8"])("%s passes", (p) => {
    expect(hasBadPercentEncoding(p)).toBe(false);
  });
});

describe("which action a page holds", () => {
  it("maps dynamic segments and the root", () => {
    expect(isKnownAction(index, LOGOUT, "/personale/anmodninger/abc")).toBe(true);
    expect(isKnownAction(index, LOGOUT, "/")).toBe(true);
    expect(isKnownAction(index, LOGOUT, "/personale/anmodninger/abc/x")).toBe(false);
    expect(isKnownAction(index, NEWSLETTER, "/konto")).toBe(false); // Next.js: "Failed to find Server Action" with a stack trace
    expect(isKnownAction(index, "0".repeat(42), "/konto")).toBe(false);
    expect(isKnownAction(index, "zz", "/konto")).toBe(false);
    expect(isKnownAction(null, "zz", "/konto")).toBe(false);
  });
});

describe("POSTs to a page (issue 11.5)", () => {
  it("lets the real encodings through", async () => {
    expect(await post("/konto", null, multipart([[`$ACTION_ID_${LOGOUT}`, ""]]))).toBeNull();
    expect(await post("/konto/samtykke", NEWSLETTER, { contentType: "text/plain;charset=UTF-8", body: enc(`[{"subscribe":true}]`) })).toBeNull();
    expect(await post("/konto/samtykke", NEWSLETTER, multipart([["0", `{"subscribe":true}`]]))).toBeNull();
  });

  it("refuses malformed multipart without a Next-Action header", async () => {
    for (const m of [
      { contentType: "multipart/form-data; boundary=XX", body: enc(`--XX\r\nContent-Disposition: form-data; name="a"\r\n\r\nb`) },
      { contentType: "multipart/form-data", body: enc("hello") },
      { contentType: "multipart/form-data; boundary=YY", body: enc(`--XX\r\n\r\n--XX--`) },
    ]) {
      expect((await post("/log-ind", null, m))?.status).toBe(400);
    }
  });

  it("refuses the bound-argument form encoding with broken values", async () => {
    for (const fields of [
      [
        ["$ACTION_REF_1", ""],
        ["$ACTION_1:0", "{broken"],
      ],
      [
        ["$ACTION_REF_1", ""],
        ["$ACTION_1:0", `{"id":"${LOGOUT}","bound":"$@9"}`],
      ],
      [
        ["$ACTION_REF_1", ""],
        ["$ACTION_1:0", `{"id":"${LOGOUT}","bound":null}`],
      ],
      [["$ACTION_REF_1", ""]],
      [
        [`$ACTION_ID_${LOGOUT}`, ""],
        [`$ACTION_ID_${LOGOUT}`, ""],
      ],
      [
        [`$ACTION_ID_${LOGOUT}`, ""],
        ["name", "$Q1"],
      ],
    ] as [string, string][][]) {
      expect((await post("/konto", null, multipart(fields)))?.status, JSON.stringify(fields)).toBe(400);
    }
    expect((await post("/konto", null, multipart([["$ACTION_ID_zz", ""]])))?.status).toBe(404);
    expect((await post("/konto", null, multipart([[`$ACTION_ID_${NEWSLETTER}`, ""]])))?.status).toBe(404);
  });

  it("refuses a page POST that is no action at all, and broken fetch-action bodies", async () => {
    expect((await post("/log-ind", null, { contentType: "text/plain", body: enc("hello") }))?.status).toBe(400);
    expect((await post("/log-ind", null, multipart([["a", "b"]])))?.status).toBe(400);
    expect((await post("/konto/samtykke", NEWSLETTER, { contentType: "text/plain", body: enc(`["$@1"]`) }))?.status).toBe(400);
    expect((await post("/konto/samtykke", NEWSLETTER, { contentType: "text/plain", body: new Uint8Array([0x5b, 0xff, 0x5d]).buffer }))?.status).toBe(400);
    expect((await post("/konto/samtykke", NEWSLETTER, multipart([["$ACTION_REF_1", ""]])))?.status).toBe(400);
    expect((await post("/konto/samtykke", NEWSLETTER, { contentType: "multipart/form-data", body: enc("x") }))?.status).toBe(400);
    expect((await post("/konto", NEWSLETTER, { contentType: "text/plain", body: enc(`[]`) }))?.status).toBe(404);
  });

  it("tells a form sent by the browser itself (before the page's scripts ran, or without JavaScript) from a broken action", async () => {
    const urlencoded = (s: string) => ({ contentType: "application/x-www-form-urlencoded", body: enc(s) });
    expect(await post("/log-ind", null, urlencoded("email=kunde%40example.dk&password=x"))).toBe(REFUSALS.formBeforeScripts);
    expect(await post("/konto/oplysninger", null, urlencoded(""))).toBe(REFUSALS.formBeforeScripts);
    expect(await post("/konto/oplysninger", null, multipart([["street", "Vej 1"]]))).toBe(REFUSALS.formBeforeScripts);
    expect(await post("/konto", null, urlencoded(`$ACTION_ID_${LOGOUT}=`))).toBe(REFUSALS.badBody);
    expect(REFUSALS.formBeforeScripts.status).toBe(400);
  });

  it("has a size limit well under Next.js's 1 MB action limit", () => {
    expect(MAX_BODY_BYTES).toBeLessThan(1024 * 1024);
  });
});

describe("the page a browser is shown for a refusal (proxy.ts)", () => {
  it("goes to the browser's own requests; a script's fetch gets JSON", () => {
    const h = (o: Record<string, string>) => new Headers(o);
    expect(isBrowserNavigation(h({ "sec-fetch-mode": "navigate", accept: "text/html" }))).toBe(true);
    expect(isBrowserNavigation(h({ "sec-fetch-mode": "navigate" }))).toBe(true);
    expect(isBrowserNavigation(h({ "sec-fetch-mode": "cors", accept: "text/html", "next-action": "0".repeat(42) }))).toBe(false);
    expect(isBrowserNavigation(h({ "sec-fetch-mode": "cors", accept: "*/*" }))).toBe(false);
    expect(isBrowserNavigation(h({ "sec-fetch-mode": "no-cors", accept: "text/html" }))).toBe(false);
    // Without Sec-Fetch-* (an older browser, a proxy that strips them): the Accept header decides.
    expect(isBrowserNavigation(h({ accept: "text/html,application/xhtml+xml" }))).toBe(true);
    expect(isBrowserNavigation(h({ accept: "text/html", "next-action": "0".repeat(42) }))).toBe(false);
    expect(isBrowserNavigation(h({ accept: "*/*" }))).toBe(false);
    expect(isBrowserNavigation(h({}))).toBe(false);
  });

  const page = (refusal: (typeof REFUSALS)[keyof typeof REFUSALS], path: string) => refusalDocument(refusal, { path, stylesheets: ["/s.css"] });

  it("a form sent before its scripts ran: Danish words, nothing saved, and the way back to the same page", () => {
    const html = page(REFUSALS.formBeforeScripts, "/konto/oplysninger?x=1&y=2");
    expect(html).toContain('<html lang="da">');
    expect(html).toContain("<h1>Formularen blev ikke behandlet</h1>");
    expect(html).toContain("en adgangskode skal skrives igen");
    expect(html).toContain("Intet er gemt eller ændret.");
    expect(html).toContain('href="/konto/oplysninger?x=1&amp;y=2">Åbn siden igen</a>');
    expect(html).toContain('<link rel="stylesheet" href="/s.css"/>');
    expect(html).not.toContain("<script");
  });

  it("links only to this site, and never back to an invalid address", () => {
    expect(page(REFUSALS.badBody, "//example.com/x")).toContain('href="/">Til forsiden</a>');
    expect(page(REFUSALS.badBody, "/\\example.com")).toContain('href="/">Til forsiden</a>');
    const bad = page(REFUSALS.badPath, "/konto/%E0%A4%A");
    expect(bad).toContain("<h1>Siden findes ikke</h1>");
    expect(bad).not.toContain("%E0");
    expect(page(REFUSALS.crossSite, "/konto")).toContain("<h1>Din forespørgsel blev afvist</h1>");
    expect(page(REFUSALS.crossSite, "/api/konto/eksport")).toContain('href="/">Til forsiden</a>');
    expect(page(REFUSALS.crossSite, "/apiside")).toContain('href="/apiside">Åbn siden igen</a>');
    expect(page(REFUSALS.badBody, '/log-ind?a="><script>')).not.toContain('"><script>');
  });
});
