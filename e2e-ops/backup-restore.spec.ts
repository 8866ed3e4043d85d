import { test, expect } from "@playwright/test";
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, statSync } from "node:fs";
import type { ChildProcess } from "node:child_process";
import { configuredEnv, login, newContext, nextStart, PORTS, startServer, stopServer } from "./servers";

// README "Drift": `npm run backup` (SQLite online backup) while the portal runs, restored into a fresh
// database; the restored portal starts (its migrations check out) and the customer logs in and sees her data.
const tsx = (file: string, args: string[], env: Record<string, string>) =>
  spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", file, ...args], { encoding: "utf8", env: { ...process.env, ...env } });

let running: ChildProcess | undefined;
test.afterEach(async () => {
  await stopServer(running);
  running = undefined;
});

test("npm run backup copies the running SQLite database; restored into a fresh database, the customer logs in", async () => {
  mkdirSync("data/ops/live", { recursive: true });
  const live = "file:./data/ops/live/portal.db";
  const seeded = tsx("prisma/demo-seed.ts", [], { DATABASE_URL: live });
  expect(seeded.status, seeded.stderr).toBe(0);

  // The portal runs on the live database while the backup is taken.
  const [port, restoredPort] = PORTS;
  running = await startServer(nextStart(port), { port, env: configuredEnv(port, live), logFile: "data/reports/backup-live.log" });
  const before = await newContext();
  expect(await login(before, `http://localhost:${port}`, "kunde@example.dk", "demo-kunde-1")).toBe(true);
  const backup = tsx("prisma/backup.ts", ["data/ops/backup/portal-backup.db"], { DATABASE_URL: live });
  expect(backup.status, backup.stderr).toBe(0);
  expect(backup.stdout).toContain("data/ops/backup/portal-backup.db");
  expect(statSync("data/ops/backup/portal-backup.db").mode & 0o777).toBe(0o600); // a backup is personal data
  await stopServer(running);

  // Restore: the backup file becomes the database of a fresh deployment.
  mkdirSync("data/ops/restored", { recursive: true });
  copyFileSync("data/ops/backup/portal-backup.db", "data/ops/restored/portal.db");
  running = await startServer(nextStart(restoredPort), {
    port: restoredPort,
    env: configuredEnv(restoredPort, "file:./data/ops/restored/portal.db"),
    logFile: "data/reports/backup-restored.log",
  });
  const ctx = await newContext();
  const base = `http://localhost:${restoredPort}`;
  expect(await login(ctx, base, "kunde@example.dk", "demo-kunde-1")).toBe(true);
  const konto = await ctx.get(`${base}/konto`);
  expect(konto.status()).toBe(200);
  expect(await konto.text()).toContain("Karen Ærø Sørensen");
});
