// Every message as plain text and as HTML (issue 8). The text is the source; the HTML is made from it:
// escaped, one paragraph per blank-line block, links clickable. Danish, lang="da".

const ESC: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESC[c]);
}

const URL_RE = /\bhttps?:\/\/[^\s<>"']+/g;

function inline(line: string): string {
  let out = "";
  let last = 0;
  for (const m of line.matchAll(URL_RE)) {
    out += escapeHtml(line.slice(last, m.index));
    const url = m[0];
    out += `<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>`;
    last = m.index + url.length;
  }
  return out + escapeHtml(line.slice(last));
}

export function textToHtml(subject: string, text: string): string {
  const blocks = text.replace(/\r\n/g, "\n").split(/\n{2,}/);
  const body = blocks
    .filter((b) => b.trim())
    .map((b) => `<p>${b.split("\n").map(inline).join("<br>\n")}</p>`)
    .join("\n");
  return [
    "<!doctype html>",
    '<html lang="da">',
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family: system-ui, -apple-system, Segoe UI, Roboto, sans-serif; line-height: 1.5; color: #1a1a1a; max-width: 40rem; margin: 0 auto; padding: 1rem;">',
    body,
    "</body>",
    "</html>",
  ].join("\n");
}
