import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { createElement } from "react";
import ts from "typescript";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ACCOUNT_LINKS, AccountFrame } from "@/components/account-frame";
import { errorDocument, overviewDocument } from "@/components/overview-html";
import { customerBarHtml } from "@/components/site-shell";
import { isCurrent } from "@/components/nav-current";

// The customer area's frame is rendered by each page, not by a layout (components/account-frame.tsx, issue 13.3).

const KONTO = path.resolve(import.meta.dirname, "../app/konto");

function allFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((e) => {
    const p = path.join(dir, e);
    return statSync(p).isDirectory() ? allFiles(p) : [p];
  });
}

/**
 * What each `return` of a page's default export gives (not those of functions nested in it): the root JSX tag
 * (parentheses and fragments' absence taken as they are; anything not JSX is "(not JSX)") and its `path` attribute
 * as written.
 */
function pageReturns(file: string): { root: string; path: string | null }[] {
  const sf = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const page = sf.statements.find(
    (st): st is ts.FunctionDeclaration => ts.isFunctionDeclaration(st) && !!st.modifiers?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword) && !!st.body,
  );
  if (!page?.body) throw new Error(`${file}: no default export function`);
  const out: { root: string; path: string | null }[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node)) return; // nested functions (row renderers) return parts of the page, not the page
    if (ts.isReturnStatement(node) && node.expression) {
      let e: ts.Expression = node.expression;
      while (ts.isParenthesizedExpression(e)) e = e.expression;
      const opening = ts.isJsxElement(e) ? e.openingElement : ts.isJsxSelfClosingElement(e) ? e : null;
      const attr = opening?.attributes.properties.find((a): a is ts.JsxAttribute => ts.isJsxAttribute(a) && a.name.getText(sf) === "path");
      const init = attr?.initializer;
      const value = !init ? null : ts.isJsxExpression(init) ? (init.expression?.getText(sf) ?? null) : init.getText(sf);
      out.push({ root: opening ? opening.tagName.getText(sf) : ts.isJsxFragment(e) ? "(fragment)" : "(not JSX)", path: value });
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(page.body, visit);
  return out;
}

const customer = { kind: "customer", customerId: "c1", sessionId: "s1", name: "Karen <Ærø> & Co", customerNumber: 100123 } as const;

function render(pathname: string): string {
  return renderToStaticMarkup(createElement(AccountFrame, { customer, path: pathname, children: createElement("main", null, "indhold") }));
}

describe("the customer area's frame", () => {
  it("is drawn by every page under /konto: each return of its default export is the frame, with the page's own path", () => {
    // Only pages under app/konto: a layout, template, error, loading or not-found file there would render without it.
    // /konto itself is a route handler that writes the same frame (app/konto/route.ts; checked below).
    const all = allFiles(KONTO);
    expect(all.filter((f) => path.basename(f) !== "page.tsx").map((f) => path.relative(KONTO, f))).toEqual(["route.ts"]);
    const files = all.filter((f) => path.basename(f) === "page.tsx");
    expect(files.length).toBeGreaterThanOrEqual(7);
    expect(readFileSync(path.join(KONTO, "route.ts"), "utf8")).toMatch(/customerPageAccess\("\/konto"\)/);
    for (const file of files) {
      const dir = path.dirname(path.relative(KONTO, file));
      const route = dir === "." ? "/konto" : `/konto/${dir}`;
      const returns = pageReturns(file);
      expect(returns.length, file).toBeGreaterThan(0);
      for (const r of returns) {
        expect(r.root, `${file}: a return that is not <AccountFrame>`).toBe("AccountFrame");
        // A static route gives exactly its own path; a dynamic one ([kategori]) a template under its own prefix.
        if (!route.includes("[")) expect(r.path, file).toBe(`"${route}"`);
        else expect(r.path?.startsWith(`\`${route.slice(0, route.indexOf("["))}\${`), `${file}: ${r.path}`).toBe(true);
      }
    }
  });

  it("marks exactly the current page in the navigation; the details pages belong to the overview", () => {
    const current = (p: string) => ACCOUNT_LINKS.filter((l) => isCurrent(l, p)).map((l) => l.href);
    expect(current("/konto")).toEqual(["/konto"]);
    expect(current("/konto/detaljer/ordrer")).toEqual(["/konto"]);
    expect(current("/konto/klage")).toEqual(["/konto/klage"]);
    expect(current("/konto/detaljerX")).toEqual([]);
    expect(current("/konto/oplysninger/adgangskode")).toEqual(["/konto/oplysninger"]);
    expect(current("/konto/oplysningerX")).toEqual([]);
  });

  it("renders the navigation, the name line in its landmark and the logout form, escaped, on the server", () => {
    const html = render("/konto/samtykke");
    expect(html).toContain('<nav aria-label="Din konto">');
    expect(html.match(/<a /g)).toHaveLength(ACCOUNT_LINKS.length);
    expect(html).toContain('<a href="/konto/samtykke" aria-current="page">Nyhedsbrev og samtykke</a>');
    expect(html.match(/aria-current/g)).toHaveLength(1);
    expect(html).toContain('<section class="who" aria-label="Logget ind">');
    expect(html).toContain("Karen &lt;Ærø&gt; &amp; Co");
    expect(html).toContain('<span data-testid="kundenummer">100123</span>');
    expect(html).toContain("Log ud");
    expect(html).toContain("</div></div><main>indhold</main>");
  });

  it("is the same markup on /konto, which is written without React (app/konto/route.ts)", () => {
    const doc = overviewDocument({
      customer,
      summary: { profile: { email: "k@example.dk", emailConfirmed: true } } as never,
      cards: [],
      timeline: [],
      now: new Date(),
      stylesheets: ["/_next/static/chunks/a.css"],
    });
    expect(doc).toContain(`<div class="account-nav">${customerBarHtml(customer, "/konto").value}</div><main>`);
    expect(render("/konto")).toContain(`<div class="account-nav">${customerBarHtml(customer, "/konto").value}</div><main>`);
    // "Log ud" is a plain form to /api/log-ud: it works on a page without React too.
    expect(doc).toContain('<form action="/api/log-ud" method="post"><button type="submit" class="secondary">Log ud</button></form>');
    expect(doc).toContain('<link rel="stylesheet" href="/_next/static/chunks/a.css"/>');
    expect(doc).not.toContain("<script");
  });

  it("gives /konto a Danish error page with the site's frame and no details when it fails", () => {
    const doc = errorDocument(["/_next/static/chunks/a.css"]);
    expect(doc).toContain("<h1>Noget gik galt</h1>");
    expect(doc).toContain('<header class="site-header">');
    expect(doc).toContain('<link rel="stylesheet" href="/_next/static/chunks/a.css"/>');
    expect(doc).not.toContain("account-nav");
    expect(doc).not.toContain("<script");
  });
});
