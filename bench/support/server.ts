// Shared pieces of the web benchmarks: a database with the demo data plus one large customer, a production
// server of this build on its own port, logins, and the server's memory read from /proc.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { readFileSync, readdirSync, existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";

export const BENCH_PORT = Number(process.env.BENCH_PORT ?? 3316);
export const BASE = `http://127.0.0.1:${BENCH_PORT}`;
export const SECRET = "bench-secret-bench-secret-bench-secret-0123456789";
export const BIG = { email: "bench-stor@example.test", password: "bench-adgangskode-1", number: 990001, name: "Łukasz Żółć Ærøsen" };
export const DEMO = { email: "kunde@example.dk", password: "demo-kunde-1" };
export const BIG_ORDERS = Number(process.env.BENCH_ORDERS ?? 10_000);
export const BIG_EVENTS = Number(process.env.BENCH_EVENTS ?? 50_000);

/** What a configured deployment needs (DATABASE_URL set makes it one); nothing in the benchmarks sends mail. */
export const DEPLOYMENT_ENV = {
  NEXTAUTH_SECRET: SECRET,
  NEXTAUTH_URL: BASE,
  PRIVACY_CONTACT_EMAIL: "persondata@123multiservice.dk",
  SMTP_URL: "smtp://127.0.0.1:2",
  MAIL_FROM: "123multiservice <privatliv@123multiservice.dk>",
} as const;

/** The database the web benchmarks use: DATABASE_URL when set (e.g. postgresql://…), else a SQLite file of its own. */
export function benchDatabaseUrl(): string {
  return process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? "file:./data/bench/web.db";
}

export function databaseKind(url: string): string {
  return url.startsWith("postgres") ? "PostgreSQL" : "SQLite";
}

/** A fresh database: migrations, demo data, and the large customer (10,000 orders with 2 lines and an invoice each, 50,000 website events). */
export function prepareDatabase(url: string): void {
  if (url.startsWith("file:")) {
    const file = path.resolve(url.slice("file:".length));
    mkdirSync(path.dirname(file), { recursive: true });
    for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
  } else {
    // PostgreSQL: the benchmark's own database is dropped and made again; only names that say they are for it.
    const u = new URL(url);
    const name = u.pathname.slice(1);
    if (!/^(speed_|bench_)/.test(name)) throw new Error(`refusing to recreate database "${name}": give the benchmark its own (speed_… or bench_…)`);
    u.pathname = "/postgres";
    for (const sql of [`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`, `CREATE DATABASE "${name}"`]) {
      const r = spawnSync("psql", [u.toString(), "-qc", sql], { stdio: ["ignore", "ignore", "inherit"] });
      if (r.status !== 0) throw new Error(`psql failed: ${sql}`);
    }
  }
  const r = spawnSync(process.execPath, ["--import", "tsx", "--conditions=react-server", "bench/support/seed-big.ts"], {
    stdio: "inherit",
    env: { ...process.env, ...DEPLOYMENT_ENV, DATABASE_URL: url, LOG_LEVEL: "silent" },
  });
  if (r.status !== 0) throw new Error("could not prepare the benchmark database");
}

export function build(): void {
  if (process.env.BENCH_SKIP_BUILD === "1" && existsSync(".next/BUILD_ID")) return;
  console.error("building (BENCH_SKIP_BUILD=1 reuses the last build) …");
  const r = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", NEXTAUTH_SECRET: SECRET },
  });
  if (r.status !== 0) throw new Error("build failed");
}

export interface Server {
  proc: ChildProcess;
  /** Resident memory of the server and all its child processes, bytes. */
  rss(): number;
  /** CPU time (user + system) the server and its child processes have used so far, seconds (from /proc). */
  cpu(): number;
  stop(): Promise<void>;
}

/** `nodeArgs`: options for Node itself, e.g. `--cpu-prof` (bench/profile.bench.ts). */
export async function startServer(url: string, nodeArgs: string[] = []): Promise<Server> {
  const proc = spawn(process.execPath, [...nodeArgs, "node_modules/next/dist/bin/next", "start", "-p", String(BENCH_PORT), "-H", "127.0.0.1"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: url,
      ...DEPLOYMENT_ENV,
      COOKIE_SECURE: "false",
      LOG_LEVEL: "error",
      NEXT_TELEMETRY_DISABLED: "1",
      RETENTION_DAILY: "false",
    },
  });
  let up = false;
  for (let i = 0; i < 300 && !up && proc.exitCode === null; i++) {
    try {
      up = (await fetch(`${BASE}/log-ind`)).ok;
    } catch {
      /* not up yet */
    }
    if (!up) await new Promise((res) => setTimeout(res, 100));
  }
  if (!up) {
    proc.kill("SIGKILL");
    throw new Error(`the server on ${BASE} did not answer /log-ind within 30 s`);
  }
  return {
    proc,
    rss: () => treeRss(proc.pid!),
    cpu: () => treeCpu(proc.pid!),
    stop: () =>
      new Promise((res) => {
        if (proc.exitCode !== null || proc.signalCode !== null) return res();
        proc.once("exit", () => res());
        proc.kill("SIGTERM");
      }),
  };
}

function treeRss(root: number): number {
  const children = new Map<number, number[]>();
  for (const d of readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      (children.get(ppid) ?? children.set(ppid, []).get(ppid)!).push(Number(d));
    } catch {
      /* gone */
    }
  }
  let total = 0;
  const todo = [root];
  while (todo.length) {
    const pid = todo.pop()!;
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      if (m) total += Number(m[1]) * 1024;
    } catch {
      /* gone */
    }
    todo.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** utime + stime of a process and its descendants, seconds (clock ticks of 1/100 s). */
export function treeCpu(root: number): number {
  const children = new Map<number, number[]>();
  const cpu = new Map<number, number>();
  for (const d of readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, "utf8");
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      (children.get(Number(f[1])) ?? children.set(Number(f[1]), []).get(Number(f[1]))!).push(Number(d));
      cpu.set(Number(d), (Number(f[11]) + Number(f[12])) / 100);
    } catch {
      /* gone */
    }
  }
  let total = 0;
  const todo = [root];
  while (todo.length) {
    const pid = todo.pop()!;
    total += cpu.get(pid) ?? 0;
    todo.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** Logs in through next-auth's credentials route as a browser would; returns the Cookie header. `base`: another server. */
export async function login(email: string, password: string, base: string = BASE): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (r: Response) => {
    for (const c of r.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair.indexOf("=");
      jar.set(pair.slice(0, i), pair.slice(i + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrf = await fetch(`${base}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const r = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie(), Origin: base, "Sec-Fetch-Site": "same-origin" },
    body: new URLSearchParams({ csrfToken, email, password, json: "true", callbackUrl: `${base}/konto` }),
  });
  keep(r);
  const check = await fetch(`${base}/konto`, { headers: { Cookie: cookie() }, redirect: "manual" });
  if (check.status !== 200) throw new Error(`login as ${email} failed (${r.status}, /konto ${check.status})`);
  return cookie();
}

export const fmtMs = (ms: number) => (ms < 10 ? ms.toFixed(1) : ms.toFixed(0)) + " ms";
export const fmtMiB = (b: number) => (b / 1024 / 1024).toFixed(0) + " MiB";
export const fmtKB = (b: number) => (b / 1000).toFixed(1) + " kB";
