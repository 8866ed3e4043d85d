import "server-only";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { isProduction } from "@/lib/env";
import { log } from "@/lib/log";

// The root layout's stylesheets as this build names them (/_next/static/chunks/<hash>.css), for /konto, which is
// written without React (app/konto/route.ts, issue 13.3) and so gets no stylesheet links from Next. Next records
// them per page in the client-reference manifest it writes beside each page's server code (`entryCSSFiles` of
// app/layout); every page sits under the root layout, so any page's manifest names them. Read once per process.
// In `next dev` pages are compiled when first visited: rootStylesheets has the policy page compiled when none has
// been yet. test/build-assets.test.ts and e2e/overview.spec.ts check it.

const MANIFEST = "page_client-reference-manifest.js";

interface ClientReferenceManifest {
  entryCSSFiles?: Record<string, ({ path: string; inlined?: boolean } | string)[]>;
}

/** The root layout's stylesheets named in one client-reference manifest's text, or null when it names none. */
export function rootStylesheetsOf(manifestText: string): string[] | null {
  // `globalThis.__RSC_MANIFEST["/konto/klage/page"] = {…};` after a line that makes the object.
  const assignment = /__RSC_MANIFEST\[[^\]]*\]\s*=\s*/.exec(manifestText);
  const start = assignment ? assignment.index + assignment[0].length : -1;
  const end = manifestText.lastIndexOf("}");
  if (start < 0 || end < start) return null;
  let manifest: ClientReferenceManifest;
  try {
    manifest = JSON.parse(manifestText.slice(start, end + 1)) as ClientReferenceManifest;
  } catch {
    return null;
  }
  const entry = Object.entries(manifest.entryCSSFiles ?? {}).find(([key]) => /(^|\/)app\/layout$/.test(key));
  if (!entry || entry[1].length === 0) return null;
  return entry[1].map((f) => `/_next/${typeof f === "string" ? f : f.path}`);
}

/** A page's client-reference manifest under `dir` (breadth first), or null. */
function findManifest(dir: string): string | null {
  const queue = [dir];
  while (queue.length) {
    const d = queue.shift()!;
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      continue;
    }
    const file = entries.find((e) => e.isFile() && e.name === MANIFEST);
    if (file) return path.join(d, file.name);
    for (const e of entries) if (e.isDirectory()) queue.push(path.join(d, e.name));
  }
  return null;
}

/** The root layout's stylesheets named by the first page manifest found under a build's server/app folder, or null. */
export function rootStylesheetsIn(appDir: string): string[] | null {
  const file = existsSync(appDir) ? findManifest(appDir) : null;
  return file ? rootStylesheetsOf(readFileSync(file, "utf8")) : null;
}

let cached: readonly string[] | null = null;
let warned = false;

/**
 * The root layout's stylesheet URLs in this build. `requestUrl`: the request being answered; in `next dev`, when no
 * page has been compiled yet (a restarted dev server, a browser still logged in), the policy page is requested from
 * the same server once to compile it, and the manifests are read again.
 */
export async function rootStylesheets(requestUrl: string): Promise<readonly string[]> {
  if (cached) return cached;
  // `next build` writes .next/server; `next dev` (Next 16) writes .next/dev/server.
  const appDir = path.join(process.cwd(), ".next", ...(isProduction ? [] : ["dev"]), "server", "app");
  let found = rootStylesheetsIn(appDir);
  if (!found && !isProduction) {
    await fetch(new URL("/persondatapolitik", requestUrl)).then(
      (r) => r.arrayBuffer(),
      () => null,
    );
    found = rootStylesheetsIn(appDir);
  }
  // Production reads once; `next dev` on every request (its stylesheets change as you edit).
  if (found) return isProduction ? (cached = found) : found;
  if (!warned) {
    warned = true;
    log(isProduction ? "error" : "warn", "build_assets.no_stylesheets", { dir: appDir });
  }
  return [];
}
