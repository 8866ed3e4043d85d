import { defineConfig } from "@playwright/test";

// Operations (README "Drift", issue 12 items 3 and 6), after the production build: the standalone server,
// backup and restore, and two instances on one PostgreSQL database. Each spec starts and stops its own
// servers on E2E_PORT and E2E_PORT2 (default E2E_PORT + 10). test/ops.sh prepares the databases.
export default defineConfig({
  testDir: "e2e-ops",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 120_000,
  reporter: [["list"]],
  globalSetup: "./e2e/global-setup.ts",
  outputDir: "test-results/ops",
});
