/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  serverExternalPackages: ["@node-rs/argon2", "better-sqlite3", "pg"],
  typedRoutes: false,
  // A self-contained server in .next/standalone (README "Drift"; deploy/build-standalone.sh adds the static
  // files, the migrations and the policy text). `next start` keeps working from the same build.
  output: "standalone",
  // Never into a deployable folder: data/ holds databases, backups, secrets and mail (personal data).
  // (deploy/build-standalone.sh removes it as well: the exclusion does not cover instrumentation's trace.)
  outputFileTracingExcludes: { "*": ["data/**", "test-results/**", ".git/**"] },
};

export default nextConfig;
