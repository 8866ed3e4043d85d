// Markup built as one string, for server-rendered parts of a page that have many elements and no behaviour, and for
// the one page written without React (issue 13.3: /konto, app/konto/route.ts, in the frame of
// components/site-shell.ts, which the React pages render from the same strings). Every element and text node of a
// React tree is rendered twice, into the HTML and into the RSC payload, and each costs the renderer far more than its
// bytes; a subtree given to React as one `dangerouslySetInnerHTML` string costs about its length. Every interpolated value is escaped (text and
// attribute values alike, all attributes quoted) unless it is itself built by `markup`, so nothing a customer typed
// can become markup (named `markup`, not `html`: Prettier would format an `html` template and add whitespace); the strings carry no scripts, inline styles or event handlers (CSP: proxy.ts).

/** Markup that is already safe: built by `markup` from escaped values. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text or an attribute value, escaped for either place. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

type Value = SafeHtml | string | number | null | undefined | false | readonly Value[];

function render(v: Value): string {
  if (v === null || v === undefined || v === false) return "";
  if (v instanceof SafeHtml) return v.value;
  if (Array.isArray(v)) return v.map(render).join("");
  return escapeHtml(String(v));
}

/** A tagged template: the literal parts are markup, every `${value}` is escaped (arrays joined, null/false empty). */
export function markup(parts: TemplateStringsArray, ...values: Value[]): SafeHtml {
  let out = parts[0];
  for (let i = 0; i < values.length; i++) out += render(values[i]) + parts[i + 1];
  return new SafeHtml(out);
}

/** For an element's `dangerouslySetInnerHTML`: only markup built by `markup` is accepted. */
export function innerHtml(h: SafeHtml): { __html: string } {
  return { __html: h.value };
}
