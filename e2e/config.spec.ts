import { test, expect } from "@playwright/test";
import { spawn } from "node:child_process";
import { createServer } from "node:net";

async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, "127.0.0.1", () => r()));
  const port = (srv.address() as { port: number }).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

// Issue 8 / 11.10: a configured deployment (DATABASE_URL set) missing required variables does not start:
// the built server itself exits with code ≠ 0 and names each missing variable. No demo fallback.
test("the server refuses to start in a configured deployment without its variables", async () => {
  test.setTimeout(60_000);
  const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(await freePort())], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "production", DATABASE_URL: "file:./data/e2e-refused.db" },
  });
  let stderr = "";
  child.stderr.on("data", (c) => (stderr += c));
  child.stdout.on("data", (c) => (stderr += c));
  const code = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      resolve(null);
    }, 45_000);
    child.on("exit", (c) => {
      clearTimeout(timer);
      resolve(c);
    });
  });
  expect(code, stderr).not.toBeNull();
  expect(code).not.toBe(0);
  for (const name of ["NEXTAUTH_SECRET", "NEXTAUTH_URL", "PRIVACY_CONTACT_EMAIL", "SMTP_URL", "MAIL_FROM"]) expect(stderr).toContain(`${name}: mangler`);
});
