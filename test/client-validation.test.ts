// Issue 12: the forms' validation reaches the browser only through the lazily loaded, esbuild-bundled
// lib/validation/client/*.bundle.ts (components/use-schema-form.ts, lib/validation/client/esbuild-loader.cjs).
//   1. No client component imports zod or a schema module at run time (only `import type`, and the bundles by import()).
//   2. What the loader makes of each bundle, run as the browser runs it, gives the verdicts and messages of the
//      schemas the server actions parse with.
import { describe, expect, it } from "vitest";
import { build, type Metafile } from "esbuild";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { safeParse } from "zod/v4/core";
import type { $ZodType } from "zod/v4/core";
import { changePasswordSchema } from "@/lib/validation/auth";
import { loginSchema } from "@/lib/validation/login";
import { profileSchema } from "@/lib/validation/profile";
import { changeEmailSchema } from "@/lib/validation/email-change";
import { requestLinkSchema, setPasswordSchema } from "@/lib/validation/account-links";
import { reasonSchema } from "@/lib/validation/consent";
import { startErasureSchema } from "@/lib/validation/erasure";
import { secondFactorSchema, totpCodeSchema } from "@/lib/validation/second-factor";
import { markDeliveryHandledSchema } from "@/lib/validation/integration";
import { recordSignatureSchema, registerMailedRequestSchema, resolveRequestSchema, refuseErasureSchema } from "@/lib/validation/staff";

const root = path.resolve(import.meta.dirname, "..");
const clientDir = path.join(root, "lib/validation/client");

const clientComponents = readdirSync(path.join(root, "components"))
  .filter((f) => /\.tsx?$/.test(f))
  .map((f) => path.join(root, "components", f))
  .filter((f) => /^["']use client["']/.test(readFileSync(f, "utf8")));

describe("client components and zod (issue 12)", () => {
  it("import neither zod nor a schema module at run time: validation comes only through import() of a *.bundle.ts", async () => {
    expect(clientComponents.length).toBeGreaterThan(10);
    const r = await build({
      entryPoints: clientComponents,
      absWorkingDir: root,
      tsconfig: path.join(root, "tsconfig.json"),
      bundle: true,
      splitting: true,
      format: "esm",
      outdir: "/nonexistent",
      write: false,
      metafile: true,
      logLevel: "silent",
      // Packages stay imports (listed in the metafile); server actions reach the browser as references only.
      packages: "external",
      plugins: [{ name: "actions", setup: (b) => b.onResolve({ filter: /^@\/lib\/actions\// }, (a) => ({ path: a.path, external: true })) }],
    });
    const inputs: Metafile["inputs"] = r.metafile.inputs;
    const offending: string[] = [];
    for (const entry of clientComponents) {
      // Everything an entry reaches through static imports (a dynamic import() is a separate chunk, loaded later).
      const seen = new Set<string>();
      const todo = [path.relative(root, entry)];
      while (todo.length) {
        const file = todo.pop()!;
        if (seen.has(file)) continue;
        seen.add(file);
        for (const imp of inputs[file]?.imports ?? []) {
          if (imp.kind === "dynamic-import") {
            if (!/^lib\/validation\/client\/[\w-]+\.bundle\.ts$/.test(imp.path) && !imp.external) offending.push(`${file} → import(${imp.path})`);
            continue;
          }
          if (imp.external) {
            if (/^zod(\/|$)/.test(imp.path)) offending.push(`${file} → ${imp.path}`);
            continue;
          }
          if (imp.path.startsWith("lib/validation/") && imp.path !== "lib/validation/countries.ts") offending.push(`${file} → ${imp.path}`);
          todo.push(imp.path);
        }
      }
    }
    expect(offending).toEqual([]);
  });
});

/** A bundle as lib/validation/client/esbuild-loader.cjs makes it, written out and imported as the browser would. */
async function viaLoader(name: string): Promise<Record<string, $ZodType>> {
  const loader = createRequire(import.meta.url)(path.join(clientDir, "esbuild-loader.cjs")) as (this: unknown) => void;
  const code = await new Promise<string>((resolve, reject) =>
    loader.call({
      resourcePath: path.join(clientDir, `${name}.bundle.ts`),
      async: () => (err: Error | null, out?: string) => (err ? reject(err) : resolve(out!)),
    }),
  );
  expect(code).not.toMatch(/^\s*import\s/m); // self-contained: zod is in it
  const dir = mkdtempSync(path.join(os.tmpdir(), "bundle-"));
  try {
    const file = path.join(dir, `${name}.mjs`);
    writeFileSync(file, code);
    return (await import(/* @vite-ignore */ pathToFileURL(file).href)) as Record<string, $ZodType>;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

type Sample = [string, string, $ZodType, unknown[]];
const samples: Sample[] = [
  [
    "login",
    "loginSchema",
    loginSchema,
    [{ email: "ikke-en-email", password: "" }, { email: " Navn@Eksempel.DK ", password: "x" }, { email: 1 }, {}, { email: "a@b.dk", password: "x", ekstra: 1 }],
  ],
  [
    "profile",
    "profileSchema",
    profileSchema,
    [
      {
        name: "Anna Jensen",
        street: "Vej 1",
        postalCode: "2100",
        city: "Kbh",
        country: "DK",
        phone: "12 34 56 78",
        version: 0,
      },
      { name: "", street: "<b>", postalCode: "21", city: "Kbh", country: "DK", phone: "123", version: 1 },
      { name: "Ola", street: "Gate 2", postalCode: "0150", city: "Oslo", country: "NO", phone: "+47 912 34 567", version: 2 },
      { name: "A", street: "B", postalCode: "1", city: "C", country: "XX", phone: "", version: -1 },
      { name: "A", street: "B", postalCode: "12", city: "C", country: "DK", phone: "", email: "a@b.dk", version: 1.5 },
    ],
  ],
  [
    "credentials",
    "changeEmailSchema",
    changeEmailSchema,
    [
      { email: " ", currentPassword: "" },
      { email: " Ny@Eksempel.DK ", currentPassword: "x" },
      { email: "ikke-en-email", currentPassword: "x", ekstra: 1 },
    ],
  ],
  ["credentials", "changePasswordSchema", changePasswordSchema, [{ currentPassword: "", newPassword: "kort", confirmPassword: "x" }]],
  [
    "password",
    "changePasswordSchema",
    changePasswordSchema,
    [
      { currentPassword: "", newPassword: "kort", confirmPassword: "x" },
      { currentPassword: "gammel", newPassword: "password", confirmPassword: "password" },
      { currentPassword: "gammel-kode-1", newPassword: "en lang og god sætning", confirmPassword: "en lang og god sætning" },
    ],
  ],
  ["consent", "reasonSchema", reasonSchema, [{ reason: "kort" }, { reason: "  \u202Eudførligt nok begrundet  " }, {}]],
  ["erasure", "startErasureSchema", startErasureSchema, [{ understood: false }, { understood: true }, {}]],
  ["links", "requestLinkSchema", requestLinkSchema, [{ email: "" }, { email: "KUNDE@example.dk" }]],
  [
    "links",
    "setPasswordSchema",
    setPasswordSchema,
    [
      { token: "x", newPassword: "12345678", confirmPassword: "1" },
      { token: "a".repeat(30), newPassword: "lang nok kode", confirmPassword: "lang nok kode" },
    ],
  ],
  [
    "second-factor",
    "secondFactorSchema",
    secondFactorSchema,
    [{ code: "" }, { code: "123 456" }, { code: "abcd-efgh-ijkl-mnop-qrst-uvwx" }, { code: "12345" }],
  ],
  ["second-factor", "totpCodeSchema", totpCodeSchema, [{ code: "123456" }, { code: "abcdefghijklmnopqrstuvwx" }]],
  [
    "staff",
    "markDeliveryHandledSchema",
    markDeliveryHandledSchema,
    [
      { deliveryId: "d1", note: "x" },
      { deliveryId: "d1", note: "Sendt pr. e-mail" },
    ],
  ],
  [
    "staff",
    "recordSignatureSchema",
    recordSignatureSchema,
    [
      { requestId: "r", code: "ABCD-EF23", confirmSigned: true },
      { requestId: "r", code: "ø", confirmSigned: false },
    ],
  ],
  [
    "staff",
    "resolveRequestSchema",
    resolveRequestSchema,
    [
      { requestId: "r", decision: "x", resolution: "" },
      { requestId: "r", decision: "completed", resolution: "Imødekommet" },
    ],
  ],
  ["staff", "refuseErasureSchema", refuseErasureSchema, [{ requestId: "r", reasons: "kort" }]],
  [
    "staff",
    "registerMailedRequestSchema",
    registerMailedRequestSchema,
    [
      { customer: "100001", type: "access", channel: "letter", receivedOn: "2026-02-30", note: "" },
      { customer: "x", type: "y", channel: "z", receivedOn: "i går", note: "" },
    ],
  ],
];

describe("the esbuild-bundled schemas the browser loads (issue 12)", () => {
  it.each([...new Set(samples.map((s) => s[0]))])("%s.bundle.ts answers as the server's schemas do", async (bundle) => {
    const exports = await viaLoader(bundle);
    for (const [, name, server, values] of samples.filter((s) => s[0] === bundle)) {
      const client = exports[name];
      expect(client, name).toBeDefined();
      expect(client).not.toBe(server); // its own copy of zod, tree-shaken
      for (const value of values) {
        const c = await (client as unknown as { "~standard": { validate: (v: unknown) => unknown } })["~standard"].validate(value);
        const s = safeParse(server, value);
        const issues = (c as { issues?: { path: PropertyKey[]; message: string }[] }).issues;
        expect(
          issues?.map((i) => [i.path, i.message]),
          `${name} ${JSON.stringify(value)}`,
        ).toEqual(s.success ? undefined : s.error.issues.map((i) => [i.path, i.message]));
        if (s.success) expect((c as { value: unknown }).value).toEqual(s.data);
      }
    }
  });
});
