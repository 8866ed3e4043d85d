// Server actions here take plain JSON (one object or nothing). React's wire format treats a string that
// starts with "$" as a reference ("$@1", "$Q2" …); the browser escapes a literal "$" as "$$". A body with
// an unescaped reference cannot come from our forms, and Next.js answers a malformed one with a 500, so
// proxy.ts refuses such bodies with a 400 before they reach the decoder.

/**
 * Issue 11, item 10: React's reply decoder silently drops a `__proto__` key, so `{"subscribe":true,
 * "__proto__":{…}}` reached the action as `{subscribe:true}` and was accepted, where every other unknown
 * key is refused by the strict schemas. These keys are refused here, at any depth, before the decoder runs.
 */
export const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

function plain(value: unknown, depth: number): boolean {
  if (depth > 8) return false;
  if (typeof value === "string") return !value.startsWith("$") || value.startsWith("$$");
  if (Array.isArray(value)) return value.every((v) => plain(v, depth + 1));
  if (value && typeof value === "object") {
    // JSON.parse makes "__proto__" an own key, so Object.keys sees it.
    return Object.entries(value).every(([k, v]) => !PROTOTYPE_KEYS.has(k) && plain(k, depth + 1) && plain(v, depth + 1));
  }
  return true;
}

/** A text/plain server-action body: a JSON array of at most one plain value. */
export function isPlainActionReply(body: string): boolean {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return false;
  }
  return Array.isArray(parsed) && parsed.length <= 1 && plain(parsed, 0);
}

/** A multipart server-action body (a <form action={…}> without JavaScript): no field value may be a reference. */
export function isPlainActionForm(form: FormData): boolean {
  for (const [key, value] of form.entries()) {
    if (typeof value !== "string") return false;
    if (PROTOTYPE_KEYS.has(key) || /(^|_)__proto__$/.test(key)) return false;
    if (value.startsWith("$") && !value.startsWith("$$")) return false;
    if (value.startsWith("[") || value.startsWith("{")) {
      try {
        if (!plain(JSON.parse(value), 0)) return false;
      } catch {
        // not JSON: an ordinary text value
      }
    }
  }
  return true;
}
