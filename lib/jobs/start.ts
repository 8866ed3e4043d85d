// `npm start`: everything a fresh clone needs to serve the portal with demo data on embedded SQLite:
// migrations, demo data, a local secret (generated once into data/.secret when NEXTAUTH_SECRET is unset),
// a production build, and `next start` on http://localhost:3000.
import { spawnSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { setupDatabase } from "../../prisma/setup";

const env = { ...process.env };
env.DATABASE_URL ??= "file:./data/portal.db";
mkdirSync("data", { recursive: true });
if (!env.NEXTAUTH_SECRET) {
  const file = path.resolve("data/.secret");
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  env.NEXTAUTH_SECRET = readFileSync(file, "utf8").trim();
}

const next = path.resolve("node_modules/next/dist/bin/next");
const devMode = process.argv.includes("--dev");

const r = await setupDatabase(env.DATABASE_URL);
console.log(`Database ready (${r.applied.length} migrations applied${r.seeded ? ", demo data seeded" : ""}).`);

if (!devMode) {
  const build = spawnSync(process.execPath, [next, "build"], { stdio: "inherit", env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const port = env.PORT ?? "3000";
const server = spawn(process.execPath, [next, devMode ? "dev" : "start", "-p", port], { stdio: "inherit", env });
console.log(`Portalen kører på http://localhost:${port}`);
for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => server.kill(sig));
server.on("exit", (code) => process.exit(code ?? 0));
