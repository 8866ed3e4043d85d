import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { rootStylesheetsIn, rootStylesheetsOf } from "@/lib/build-assets";

// /konto is written without React (app/konto/route.ts, issue 13.3) and links the root layout's stylesheets itself,
// as lib/build-assets.ts reads them from the build.

const MANIFEST = `globalThis.__RSC_MANIFEST = globalThis.__RSC_MANIFEST || {};
globalThis.__RSC_MANIFEST["/konto/klage/page"] = {"moduleLoading":{"prefix":""},"entryCSSFiles":{"[project]/app/layout":[{"path":"static/chunks/abc.css","inlined":false},{"path":"static/chunks/def.css","inlined":false}],"[project]/app/not-found":[{"path":"static/chunks/zzz.css","inlined":false}]}};
`;

describe("the root layout's stylesheets", () => {
  it("are read from a page's client-reference manifest, in order", () => {
    expect(rootStylesheetsOf(MANIFEST)).toEqual(["/_next/static/chunks/abc.css", "/_next/static/chunks/def.css"]);
    // Older manifests list plain paths.
    expect(rootStylesheetsOf(MANIFEST.replace(/\{"path":("[^"]+"),"inlined":false\}/g, "$1"))).toEqual([
      "/_next/static/chunks/abc.css",
      "/_next/static/chunks/def.css",
    ]);
  });

  it("are none, not an exception, for a manifest that names none or cannot be read", () => {
    expect(rootStylesheetsOf(MANIFEST.replace("[project]/app/layout", "[project]/app/other"))).toBeNull();
    expect(rootStylesheetsOf("globalThis.__RSC_MANIFEST = {};")).toBeNull();
    expect(rootStylesheetsOf('globalThis.__RSC_MANIFEST["/x"] = {"entryCSSFiles":')).toBeNull();
    expect(rootStylesheetsIn("/nonexistent/.next/server/app")).toBeNull();
  });

  // npm test builds before the unit tests run (test/run-all.sh); the CSS files named must be in the build.
  const appDir = path.resolve(".next/server/app");
  it.skipIf(!existsSync(appDir))("are found in this tree's production build, and exist", () => {
    const hrefs = rootStylesheetsIn(appDir);
    expect(hrefs?.length).toBeGreaterThan(0);
    for (const href of hrefs!) {
      expect(href).toMatch(/^\/_next\/static\/.+\.css$/);
      expect(readFileSync(path.join(".next", href.slice("/_next/".length)), "utf8")).toContain("Inter Variable");
    }
  });
});
