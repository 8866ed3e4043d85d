// Server actions here take plain JSON (one object or nothing). React's wire format treats a string that
// starts with "$" as a reference ("$@1", "$Q2" …); the browser escapes a literal "$" as "$$". A body with
// an unescaped reference cannot come from our forms, and Next.js answers a malformed one with a 500, so
// proxy.ts refuses such bodies with a 400 before they reach the decoder.

function plain(value: unknown, depth: number): boolean {
  if (depth > 8) return false;
  if (typeof value === "string") return !value.startsWith("$") || value.startsWith("$$");
  if (Array.isArray(value)) return value.every((v) => plain(v, depth + 1));
  if (value && typeof value === "object") return Object.entries(value).every(([k, v]) => plain(k, depth + 1) && plain(v, depth + 1));
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
  for (const [, value] of form.entries()) {
    if (typeof value !== "string") return false;
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
