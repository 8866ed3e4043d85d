import { defineConfig, devices } from "@playwright/test";
import { E2E_PORT as PORT, E2E_SMTP_PORT } from "./e2e/ports";

// E2E journeys against a production build on a throw-away database (test/run-all.sh prepares both).
// The server runs as a configured deployment (DATABASE_URL set, issue 8): every required variable is given,
// the demo data was seeded explicitly (`npm run demo:seed`), and mail goes over SMTP to the real SMTP server
// that e2e/global-setup.ts starts in the runner.
const DB = process.env.E2E_DATABASE_URL ?? "file:./data/e2e.db";

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 7_000 },
  reporter: [["list"]],
  globalSetup: "./e2e/global-setup.ts",
  outputDir: "test-results",
  use: {
    baseURL: `http://localhost:${PORT}`,
    locale: "da-DK",
    timezoneId: "Europe/Copenhagen",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: {
    // The server's structured log goes to a file that e2e/logs.spec.ts reads (ASVS 16).
    command: `node node_modules/next/dist/bin/next start -p ${PORT} > data/reports/server.log 2>&1`,
    url: `http://localhost:${PORT}/log-ind`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      NODE_ENV: "production",
      DATABASE_URL: DB,
      NEXTAUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-0123456789",
      NEXTAUTH_URL: `http://localhost:${PORT}`,
      PRIVACY_CONTACT_EMAIL: "persondata@123multiservice.dk",
      SMTP_URL: `smtp://127.0.0.1:${E2E_SMTP_PORT}`,
      MAIL_FROM: "123multiservice <privatliv@123multiservice.dk>",
      LOG_LEVEL: "info",
    },
  },
});
