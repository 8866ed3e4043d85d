// Starting and stopping portal servers for the operations specs: each a configured deployment (issue 8).
import { request, type APIRequestContext } from "@playwright/test";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, openSync } from "node:fs";
import { E2E_PORT, E2E_SMTP_PORT } from "../e2e/ports";

export const PORTS = [E2E_PORT, Number(process.env.E2E_PORT2 ?? E2E_PORT + 10)] as const;
export const SECRET = "e2e-secret-e2e-secret-e2e-secret-0123456789";

export function configuredEnv(port: number, databaseUrl: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: SECRET,
    NEXTAUTH_URL: `http://localhost:${port}`,
    PRIVACY_CONTACT_EMAIL: "persondata@123multiservice.dk",
    SMTP_URL: `smtp://127.0.0.1:${E2E_SMTP_PORT}`,
    MAIL_FROM: "123multiservice <privatliv@123multiservice.dk>",
    LOG_LEVEL: "info",
    ...extra,
  };
}

/** Spawns `args` (a server) with its output in `logFile`, and waits until http://localhost:<port>/log-ind answers 200. */
export async function startServer(args: string[], opts: { port: number; env: NodeJS.ProcessEnv; logFile: string; cwd?: string }): Promise<ChildProcess> {
  mkdirSync("data/reports", { recursive: true });
  const out = openSync(opts.logFile, "w");
  const child = spawn(process.execPath, args, { stdio: ["ignore", out, out], env: opts.env, cwd: opts.cwd });
  const state: { exited: number | null } = { exited: null };
  child.on("exit", (c) => (state.exited = c ?? -1));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (state.exited !== null) throw new Error(`server on ${opts.port} exited (${state.exited}); see ${opts.logFile}`);
    const ok = await fetch(`http://localhost:${opts.port}/log-ind`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return child;
    if (Date.now() > deadline) {
      child.kill("SIGTERM");
      throw new Error(`server on ${opts.port} did not answer; see ${opts.logFile}`);
    }
    await new Promise((r) => setTimeout(r, 300));
  }
}

export function stopServer(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

export const nextStart = (port: number) => ["node_modules/next/dist/bin/next", "start", "-p", String(port)];

/** Logs in through next-auth's credentials endpoint; true when a session cookie was set. */
export async function login(ctx: APIRequestContext, base: string, email: string, password: string): Promise<boolean> {
  const { csrfToken } = await (await ctx.get(`${base}/api/auth/csrf`)).json();
  await ctx.post(`${base}/api/auth/callback/credentials`, { form: { csrfToken, email, password, json: "true" } });
  return (await ctx.storageState()).cookies.some((c) => c.name.endsWith("next-auth.session-token"));
}

export const newContext = () => request.newContext({ maxRedirects: 0 });
