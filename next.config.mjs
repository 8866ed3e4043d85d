import { fileURLToPath } from "node:url";

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  serverExternalPackages: ["@node-rs/argon2", "better-sqlite3", "pg"],
  typedRoutes: false,
  turbopack: {
    rules: {
      // The forms' schemas and react-hook-form, bundled (schemas tree-shaken, react-hook-form minified) by esbuild
      // first (issue 12; see the loader).
      "*.bundle.ts": {
        loaders: [fileURLToPath(new URL("./lib/validation/client/esbuild-loader.cjs", import.meta.url))],
        as: "*.js",
      },
    },
  },
  // A self-contained server in .next/standalone (README "Drift"; deploy/build-standalone.sh adds the static
  // files, the migrations and the policy text). `next start` keeps working from the same build.
  output: "standalone",
  // Never into a deployable folder: data/ holds databases, backups, secrets and mail (personal data).
  // (deploy/build-standalone.sh removes it as well: the exclusion does not cover instrumentation's trace.)
  outputFileTracingExcludes: { "*": ["data/**", "test-results/**", ".git/**"] },
  // The erasure PDF's fonts (lib/pdf/fonts.ts opens them by path, which tracing cannot see).
  outputFileTracingIncludes: {
    "/api/konto/sletning/[id]/pdf": [
      "./node_modules/@expo-google-fonts/noto-sans/400Regular/*.ttf",
      "./node_modules/@expo-google-fonts/noto-sans/700Bold/*.ttf",
      "./node_modules/@expo-google-fonts/noto-sans-sc/400Regular/*.ttf",
      "./node_modules/@expo-google-fonts/noto-sans-sc/700Bold/*.ttf",
    ],
  },
};

export default nextConfig;
