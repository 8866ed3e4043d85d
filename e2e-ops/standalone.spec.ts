import { test, expect } from "@playwright/test";
import { spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { configuredEnv, PORTS, startServer, stopServer } from "./servers";

// README "Drift": the `output: "standalone"` build, assembled by deploy/build-standalone.sh, runs as
// `node server.js` from its own folder (as deploy/portal.service does) and serves the login and the policy.
let server: ChildProcess | undefined;
test.afterAll(() => stopServer(server));

test("the standalone server starts from its own folder and serves /log-ind", async () => {
  const assembled = spawnSync("bash", ["deploy/build-standalone.sh"], { encoding: "utf8", env: { ...process.env, SKIP_BUILD: "1" } });
  expect(assembled.status, assembled.stderr).toBe(0);
  const dir = path.resolve(".next/standalone");
  expect(existsSync(path.join(dir, "server.js"))).toBe(true);
  // The deployable folder holds no working data (databases, backups, mail are personal data).
  expect(existsSync(path.join(dir, "data"))).toBe(false);

  mkdirSync("data/ops/standalone", { recursive: true });
  const db = `file:${path.resolve("data/ops/standalone/portal.db")}`;
  const migrated = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "prisma/migrate.ts"], {
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: db },
  });
  expect(migrated.status, migrated.stderr).toBe(0);

  const [port] = PORTS;
  server = await startServer(["server.js"], {
    port,
    cwd: dir,
    env: configuredEnv(port, db, { PORT: String(port), HOSTNAME: "127.0.0.1" }),
    logFile: path.resolve("data/reports/standalone.log"),
  });
  const login = await fetch(`http://localhost:${port}/log-ind`);
  expect(login.status).toBe(200);
  expect(await login.text()).toContain("Log ind");
  const policy = await fetch(`http://localhost:${port}/persondatapolitik`);
  expect(policy.status).toBe(200);
  expect(await policy.text()).toContain("Persondatapolitik");
});
