// `npm start` (and `npm run dev` with --dev).
//
// Demo (DATABASE_URL unset): everything a fresh clone needs to serve the portal with demo data on embedded
// SQLite: migrations, demo data, a local secret (generated once into data/.secret when NEXTAUTH_SECRET is
// unset), a production build and `next start`. DATABASE_URL stays unset for the server too, so it runs as the
// demo (lib/env.ts `isDemo`) without pretending to be a configured deployment.
//
// Configured (DATABASE_URL set): the environment is validated first (the server refuses to start, naming each
// missing variable, exit code 1); migrations are applied; no demo data, no generated secret (issue 8).
//
// Once the server answers, the URL (and in the demo the demo logins) are printed. HOSTNAME and PORT are honoured.
import { spawnSync, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { setupDatabase } from "../../prisma/setup";
import { ensurePrivateDirSync, writePrivateFileSync } from "../private-files";

const demo = !process.env.DATABASE_URL;
if (demo) {
  // Everything the demo writes under data/ (database, secret, outbox) is for this user only.
  process.umask(0o077);
  ensurePrivateDirSync("data");
  if (!process.env.NEXTAUTH_SECRET) {
    const file = path.resolve("data/.secret");
    if (!existsSync(file)) writePrivateFileSync(file, randomBytes(32).toString("base64url"));
    process.env.NEXTAUTH_SECRET = readFileSync(file, "utf8").trim();
  }
}

let env: import("../env").Env;
try {
  ({ env } = await import("../env"));
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
}

const next = path.resolve("node_modules/next/dist/bin/next");
const devMode = process.argv.includes("--dev");

const r = await setupDatabase(env.DATABASE_URL, { seedDemo: env.isDemo });
console.log(
  `Database klar (${r.applied.length} migreringer anvendt${r.seeded ? ", demodata lagt ind" : ""}${env.isDemo ? ", demo" : ", konfigureret installation uden demodata"}).`,
);

if (!devMode) {
  const build = spawnSync(process.execPath, [next, "build"], { stdio: "inherit", env: process.env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const port = env.PORT ?? "3000";
const args = [next, devMode ? "dev" : "start", "-p", port];
if (env.HOSTNAME) args.push("-H", env.HOSTNAME);
const server = spawn(process.execPath, args, { stdio: "inherit", env: process.env });
for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => server.kill(sig));
server.on("exit", (code) => process.exit(code ?? 0));

// Tell the operator where the portal is once it answers (not before).
const shownHost = !env.HOSTNAME || env.HOSTNAME === "0.0.0.0" || env.HOSTNAME === "::" ? "localhost" : env.HOSTNAME;
const url = `http://${shownHost.includes(":") ? `[${shownHost}]` : shownHost}:${port}`;
const probe = `http://${!env.HOSTNAME || env.HOSTNAME === "0.0.0.0" ? "127.0.0.1" : env.HOSTNAME === "::" ? "[::1]" : shownHost}:${port}/log-ind`;
for (let i = 0; i < 600 && server.exitCode === null; i++) {
  const ok = await fetch(probe, { redirect: "manual" }).then(
    (res) => res.status < 500,
    () => false,
  );
  if (ok) {
    const lines = [``, `Portalen kører på ${url}`];
    if (env.isDemo) {
      const { DEMO_LOGINS } = await import("../../prisma/seed");
      lines.push(`Demo-logins (kun i demoen, DATABASE_URL er ikke sat):`);
      for (const l of DEMO_LOGINS) lines.push(`  ${l.email.padEnd(22)} ${l.password.padEnd(18)} ${l.who}`);
    }
    console.log(lines.join("\n") + "\n");
    break;
  }
  await new Promise((res) => setTimeout(res, 500));
}
