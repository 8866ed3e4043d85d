import { describe, expect, it } from "vitest";
import { escapeHtml, markup, innerHtml } from "@/lib/html";
import { timelineHtml } from "@/components/timeline";

// /konto's cards and timeline are built as strings (lib/html.ts, issue 13.3): every interpolated value is escaped.
describe("markup", () => {
  it("escapes every interpolated value, in text and in attributes", () => {
    const evil = `<script>alert("x")</script>' onmouseover='y' &amp;`;
    const h = markup`<p title="${evil}">${evil}</p>`;
    expect(h.value).not.toContain("<script>");
    expect(h.value).not.toMatch(/' onmouseover='/);
    expect(h.value).toBe(`<p title="${escapeHtml(evil)}">${escapeHtml(evil)}</p>`);
    expect(escapeHtml(`&<>"'`)).toBe("&amp;&lt;&gt;&quot;&#39;");
  });

  it("nests built markup unescaped, joins arrays and leaves out null and false", () => {
    const items = ["a<b", "c"].map((x) => markup`<li>${x}</li>`);
    expect(markup`<ul>${items}${null}${false}${undefined}${0}</ul>`.value).toBe("<ul><li>a&lt;b</li><li>c</li>0</ul>");
    expect(innerHtml(markup`<b>${"&"}</b>`)).toEqual({ __html: "<b>&amp;</b>" });
  });

  it("the timeline: one item per entry with its test id, bars hidden from screen readers", () => {
    const now = new Date("2026-12-03T10:00:00Z");
    const out = timelineHtml(
      [
        {
          id: "koeb",
          title: "Køb <og> returneringer",
          verb: "slettes",
          from: new Date("2028-01-01Z"),
          to: new Date("2031-06-01Z"),
          overdue: false,
          when: "løbende",
          why: "Bogføring",
          clause: "5.3",
        },
        { id: "konto", title: "Konto", verb: "slettes", from: null, to: null, overdue: true, when: "Skulle være slettet", why: "x", clause: "5.1" },
      ],
      now,
    ).value;
    expect(out.match(/<li /g)).toHaveLength(2);
    expect(out).toContain('data-testid="tidslinje-koeb"');
    expect(out).toContain("Køb &lt;og&gt; returneringer: ");
    expect(out).toContain('<li class="overdue" data-testid="tidslinje-konto">');
    expect(out.match(/<svg class="tl-bar" aria-hidden="true">/g)).toHaveLength(2);
    expect(out).toContain('<ol class="tl-list" aria-label="Hvornår dine data slettes">');
  });
});
