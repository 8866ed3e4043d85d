import { readFileSync, readdirSync, statSync, existsSync } from "node:fs";
import path from "node:path";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ACCOUNT_LINKS, AccountFrame, isCurrent } from "@/components/account-frame";

// The customer area's frame is rendered by each page, not by a layout (components/account-frame.tsx, issue 13.3).

const KONTO = path.resolve(import.meta.dirname, "../app/konto");

function pages(dir: string): string[] {
  return readdirSync(dir).flatMap((e) => {
    const p = path.join(dir, e);
    if (statSync(p).isDirectory()) return pages(p);
    return e === "page.tsx" ? [p] : [];
  });
}

const customer = { kind: "customer", customerId: "c1", sessionId: "s1", name: "Karen <Ærø> & Co", customerNumber: 100123 } as const;

function render(pathname: string): string {
  return renderToStaticMarkup(createElement(AccountFrame, { customer, path: pathname, children: createElement("main", null, "indhold") }));
}

describe("the customer area's frame", () => {
  it("is drawn by every page under /konto, each naming its own path (no layout draws it)", () => {
    expect(existsSync(path.join(KONTO, "layout.tsx"))).toBe(false);
    const found = pages(KONTO);
    expect(found.length).toBeGreaterThanOrEqual(7);
    for (const file of found) {
      const src = readFileSync(file, "utf8");
      const route = `/konto${path.dirname(path.relative(KONTO, file)) === "." ? "" : `/${path.dirname(path.relative(KONTO, file))}`}`;
      expect(src, file).toMatch(/<AccountFrame customer=\{customer\} path=/);
      // A static route gives exactly its own path; a dynamic one ([kategori]) a template under its own prefix.
      if (!route.includes("[")) expect(src, file).toContain(`path="${route}"`);
      else expect(src, file).toContain(`path={\`${route.slice(0, route.indexOf("["))}`);
    }
  });

  it("marks exactly the current page in the navigation; the details pages belong to the overview", () => {
    const current = (p: string) => ACCOUNT_LINKS.filter((l) => isCurrent(l, p)).map((l) => l.href);
    expect(current("/konto")).toEqual(["/konto"]);
    expect(current("/konto/detaljer/ordrer")).toEqual(["/konto"]);
    expect(current("/konto/klage")).toEqual(["/konto/klage"]);
    expect(current("/konto/detaljerX")).toEqual([]);
    expect(current("/konto/oplysninger/x")).toEqual([]);
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
});
