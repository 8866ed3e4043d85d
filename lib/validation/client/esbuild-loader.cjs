// Turbopack loader for every *.bundle.ts (next.config.mjs, turbopack.rules), issue 12: the forms' schemas in
// lib/validation/client/ and components/react-hook-form.bundle.ts.
//
// Each *.bundle.ts re-exports the schemas of one page's forms from lib/validation: the very modules the server
// actions import (one schema per form, for the form and the action). The forms load such a file with import()
// on the first focus of a field (components/use-schema-form.ts). Turbopack keeps every export of a module it
// includes, and zod/mini is a few large modules, so it shipped ~17.8 kB gzip of zod for a login form. This
// loader hands Turbopack the file already bundled by esbuild, which drops every zod function and class the
// schemas do not reach (statement-level tree shaking): zod plus the schemas of a page are then ~4–7 kB gzip.
// The result is plain ESM with nothing left to resolve but React; Turbopack minifies and chunks it like any other
// module. components/react-hook-form.bundle.ts goes through it too (its minifier, not its tree shaking, is the gain).
// The schema bundles are loaded by the browser only (import() on focus); the server actions and the tests use
// lib/validation unbundled. react-hook-form.bundle.ts is imported statically by a client component, so its bundled
// copy also runs in the server render of the forms (react-hook-form's one ESM build serves both).
// CommonJS, because Turbopack runs webpack-style loaders with require().
const path = require("node:path");
const esbuild = require("esbuild");

const root = path.resolve(__dirname, "../../..");

/** @this {{ resourcePath: string, async(): (err: Error | null, code?: string) => void, addDependency?: (file: string) => void }} */
module.exports = function esbuildBundleLoader() {
  const callback = this.async();
  esbuild
    .build({
      entryPoints: [this.resourcePath],
      absWorkingDir: root,
      tsconfig: path.join(root, "tsconfig.json"),
      bundle: true,
      format: "esm",
      platform: "browser",
      target: "es2022",
      write: false,
      metafile: true,
      legalComments: "none",
      // React stays Turbopack's (one copy for the page); only components/react-hook-form.bundle.ts imports it.
      external: ["react", "react-dom"],
      // Turbopack minifies the result again; esbuild's pass first still takes ~250 B gzip off react-hook-form. Not
      // in `next dev` (readable stack traces): NODE_ENV is what `next build` sets, read here at build time only.
      minify: process.env.NODE_ENV === "production",
      logLevel: "silent",
    })
    .then(
      (result) => {
        // Rebuild when a schema (or zod) changes: every file esbuild read is a dependency of this module.
        for (const input of Object.keys(result.metafile.inputs)) this.addDependency?.(path.resolve(root, input));
        callback(null, result.outputFiles[0].text);
      },
      (err) => callback(err instanceof Error ? err : new Error(String(err))),
    );
};
