import { isPlainActionForm, isPlainActionReply } from "./action-body";

// Issue 11, item 5 (ASVS 15.3.3, 16.5.3 "fail securely"): requests that Next.js itself answers with a 500
// and an error line in the log are refused in proxy.ts with a 400 (413 for size) before any page runs.
// Pure functions, so test/request-guard.test.ts can check each rule without a server.

/**
 * The largest body this portal accepts. Its biggest legitimate request is the profile form (≈ 2 KB);
 * Next.js's own limit for server actions is 1 MB and it answers a larger one with a 500.
 */
export const MAX_BODY_BYTES = 256 * 1024;

export type Refusal = { status: 400 | 403 | 404 | 413; message: string; actionNotFound?: boolean };

export const REFUSALS = {
  badPath: { status: 400, message: "Adressen er ugyldig." },
  tooLarge: { status: 413, message: "Forespørgslen er for stor." },
  badBody: { status: 400, message: "Ugyldig forespørgsel." },
  unknownAction: { status: 404, message: "Handlingen findes ikke. Genindlæs siden.", actionNotFound: true },
  /**
   * A form's own fields posted by the browser itself: the page's forms are sent by its scripts (react-hook-form and
   * a server action or the login route), so this is a click before the scripts had run (a slow connection), or
   * JavaScript is off. Nothing is done with it; proxy.ts shows a browser a Danish page about it.
   */
  formBeforeScripts: {
    status: 400,
    message: "Formularen blev sendt, før siden var helt indlæst, eller JavaScript er slået fra. Intet er gemt eller ændret.",
  },
  /** ASVS 3.5: a write from another site (proxy.ts, isCrossSiteWrite). */
  crossSite: { status: 403, message: "Forespørgsler fra andre websteder afvises." },
} as const satisfies Record<string, Refusal>;

/**
 * A page the browser itself asked for (a link, an address typed in, a form it sent without the page's scripts), not
 * a fetch by a script: such a request is answered with a page for a person (components/refusal-html.ts), a script's
 * with JSON. A page's scripts cannot set Sec-Fetch-Mode; a client that fakes it only chooses the refusal's format.
 */
export function isBrowserNavigation(headers: Headers): boolean {
  const mode = headers.get("sec-fetch-mode");
  if (mode) return mode === "navigate";
  return !headers.get("next-action") && (headers.get("accept") ?? "").includes("text/html");
}

/** A path whose percent-encoding does not decode to UTF-8 (`/%`, `/%E0%A4%A`): Next.js throws on it. */
export function hasBadPercentEncoding(rawPath: string): boolean {
  for (const segment of rawPath.split("/")) {
    if (!segment.includes("%")) continue;
    try {
      decodeURIComponent(segment);
    } catch {
      return true;
    }
  }
  return false;
}

/** Action id → the page routes whose bundle holds it (from the build's server-reference-manifest.json). */
export type ActionIndex = Map<string, RegExp[]>;

function routePattern(worker: string): RegExp | null {
  // "app/personale/anmodninger/[id]/page" → ^/personale/anmodninger/[^/]+$
  const m = /^app(.*)\/page$/.exec(worker);
  if (!m) return null;
  const body = m[1]
    .split("/")
    .filter((s) => s && !/^\(.*\)$/.test(s)) // route groups do not appear in the URL
    .map((s) => (/^\[\[?\.\.\..+\]\]?$/.test(s) ? ".+" : /^\[.+\]$/.test(s) ? "[^/]+" : s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
    .join("/");
  return new RegExp(`^/${body}/?$`);
}

export function actionIndexFromManifest(manifest: unknown): ActionIndex {
  const index: ActionIndex = new Map();
  const node = (manifest as { node?: Record<string, { workers?: Record<string, unknown> }> } | null)?.node ?? {};
  for (const [id, entry] of Object.entries(node)) {
    const patterns = Object.keys(entry.workers ?? {})
      .map(routePattern)
      .filter((p): p is RegExp => p !== null);
    index.set(id, patterns);
  }
  return index;
}

/** Without an index (dev server, no build yet) only the form of the id is checked. */
export function isKnownAction(index: ActionIndex | null, id: string, pathname: string): boolean {
  if (!/^[0-9a-f]{40,42}$/.test(id)) return false;
  if (!index) return true;
  const patterns = index.get(id);
  return !!patterns && patterns.some((p) => p.test(pathname));
}

const ACTION_PREFIX = "$ACTION_";
const ACTION_ID_PREFIX = "$ACTION_ID_";

export async function formOf(body: ArrayBuffer, contentType: string): Promise<FormData | null> {
  try {
    return await new Response(body, { headers: { "content-type": contentType } }).formData();
  } catch {
    return null;
  }
}

/**
 * What a request to a page (not /api) may be. Pages take POSTs only as server actions:
 * - a fetch call (Next-Action header) with a plain JSON or multipart body of a known action for this page;
 * - a form without JavaScript (`<form action={logoutAction}>`): multipart with exactly one
 *   `$ACTION_ID_<id>` field naming a known action. This portal binds no arguments into forms, so the
 *   bound-argument encoding (`$ACTION_REF_n` + `$ACTION_n:0` JSON) is never ours and is refused.
 * Returns null when the request may go on.
 */
export async function checkPagePost(
  input: { pathname: string; actionId: string | null; contentType: string; body: ArrayBuffer },
  index: ActionIndex | null,
): Promise<Refusal | null> {
  const { pathname, actionId, contentType, body } = input;
  const multipart = /^multipart\/form-data\s*;/i.test(contentType);
  if (actionId !== null) {
    if (!isKnownAction(index, actionId, pathname)) return REFUSALS.unknownAction;
    if (multipart) {
      const form = await formOf(body, contentType);
      return form && isPlainActionForm(form) && ![...form.keys()].some((k) => k.startsWith(ACTION_PREFIX)) ? null : REFUSALS.badBody;
    }
    if (/^multipart\//i.test(contentType)) return REFUSALS.badBody;
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(body);
    } catch {
      return REFUSALS.badBody;
    }
    return isPlainActionReply(text) ? null : REFUSALS.badBody;
  }
  if (/^application\/x-www-form-urlencoded\s*(;|$)/i.test(contentType)) {
    // Next.js sends actions as multipart or as a fetch, never urlencoded: this is a form of ours without its scripts.
    const form = await formOf(body, contentType);
    return form && ![...form.keys()].some((k) => k.startsWith(ACTION_PREFIX)) ? REFUSALS.formBeforeScripts : REFUSALS.badBody;
  }
  if (!multipart) return REFUSALS.badBody;
  const form = await formOf(body, contentType);
  if (!form) return REFUSALS.badBody;
  const actionKeys = [...form.keys()].filter((k) => k.startsWith(ACTION_PREFIX));
  if (actionKeys.length === 0) return REFUSALS.formBeforeScripts;
  if (actionKeys.length !== 1 || !actionKeys[0].startsWith(ACTION_ID_PREFIX)) return REFUSALS.badBody;
  if (!isKnownAction(index, actionKeys[0].slice(ACTION_ID_PREFIX.length), pathname)) return REFUSALS.unknownAction;
  return isPlainActionForm(form) ? null : REFUSALS.badBody;
}
