import { afterAll, describe, expect, it } from "vitest";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { dbProvider } from "@/lib/dal/db";
import { env } from "@/lib/env";
import { indexReader, isLostStatement, isOptionsRefusal } from "@/lib/dal/index-reads";

// PostgreSQL only: the reader behind lib/dal/db.ts `queryRows` (lib/dal/index-reads.ts). Directly, its
// connections carry the planner settings and prepare named statements; behind a pooler that refuses the startup
// `options` or loses named statements (PgBouncer in transaction pooling) it goes on without them, and every read
// still answers, rather than every login failing.

const SETTING = "SELECT current_setting('enable_seqscan') AS seq, current_setting('enable_bitmapscan') AS bitmap";
const upstream = new URL(env.DATABASE_URL);

/** A TCP proxy to the test's PostgreSQL that answers a startup packet carrying `options` as PgBouncer does. */
async function optionsRefusingProxy(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = net.createServer((client) => {
    let buffered = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      if (buffered.length < 8) return;
      const len = buffered.readInt32BE(0);
      if (buffered.length < len) return;
      if (buffered.readInt32BE(4) === 80877103) {
        // SSLRequest: no TLS here; the client then sends its startup packet.
        client.write("N");
        buffered = buffered.subarray(8);
        return;
      }
      client.off("data", onData);
      const params = buffered.subarray(8, len).toString("utf8").split("\0");
      if (params.includes("options")) {
        const fields = Buffer.from("SFATAL\0VFATAL\0C08P01\0Munsupported startup parameter: options\0\0");
        const head = Buffer.alloc(5);
        head.write("E");
        head.writeInt32BE(4 + fields.length, 1);
        client.end(Buffer.concat([head, fields]));
        return;
      }
      const pg = net.connect(Number(upstream.port || 5432), upstream.hostname, () => {
        pg.write(buffered);
        client.pipe(pg).pipe(client);
      });
      pg.on("error", () => client.destroy());
      client.on("error", () => pg.destroy());
    };
    client.on("data", onData);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as net.AddressInfo;
  const url = new URL(env.DATABASE_URL);
  url.hostname = "127.0.0.1";
  url.port = String(port);
  return { url: url.toString(), close: () => new Promise((r) => server.close(() => r())) };
}

/** A port the system has just handed out (and taken back). */
async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  const { port } = s.address() as net.AddressInfo;
  await new Promise((r) => s.close(r));
  return port;
}

const accepts = (port: number) =>
  new Promise<boolean>((r) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), r(true)));
    socket.once("error", () => r(false));
  });

const readLog = (dir: string) => {
  try {
    return readFileSync(path.join(dir, "pgbouncer.log"), "utf8").slice(-2000);
  } catch {
    return "(no log)";
  }
};

describe.runIf(dbProvider === "postgresql")("index reads on PostgreSQL (lib/dal/index-reads.ts)", () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
  });

  it("directly: sequential and bitmap scans are off on its connections, statements are named", async () => {
    const reader = indexReader(env.DATABASE_URL);
    cleanups.push(() => reader.end());
    const rows = await Promise.all(Array.from({ length: 8 }, () => reader.query<{ seq: string; bitmap: string }>({ text: SETTING })));
    expect(rows.map((r) => r.rows[0])).toEqual(Array(8).fill({ seq: "off", bitmap: "off" }));
    expect([reader.guarded, reader.named]).toEqual([true, true]);
  });

  it("behind a pooler that refuses `options`: every read answers, without the settings", async () => {
    const proxy = await optionsRefusingProxy();
    cleanups.push(proxy.close);
    const reader = indexReader(proxy.url);
    cleanups.push(() => reader.end());
    // Several at once: the reads refused before the switch retry on the new pool too.
    const rows = await Promise.all(Array.from({ length: 6 }, () => reader.query<{ seq: string }>({ text: SETTING })));
    expect(rows.map((r) => r.rows[0].seq)).toEqual(Array(6).fill("on"));
    expect(reader.guarded).toBe(false);
    const again = await reader.query<{ n: number }>({ text: "SELECT $1::int + 1 AS n", values: [41] });
    expect(again.rows[0].n).toBe(42);
  });

  it("tells a refusal of `options` and a lost statement from other failures", () => {
    expect(isOptionsRefusal({ code: "08P01", message: "unsupported startup parameter: options" })).toBe(true);
    expect(isOptionsRefusal({ code: "08P01", message: "unsupported startup parameter in options: enable_seqscan" })).toBe(true);
    expect(isOptionsRefusal({ code: "08P01", message: "invalid message format" })).toBe(false);
    expect(isOptionsRefusal({ code: "28P01", message: "password authentication failed" })).toBe(false);
    expect(isLostStatement({ code: "26000" })).toBe(true);
    expect(isLostStatement({ code: "42P05" })).toBe(true);
    expect(isLostStatement({ code: "42P01" })).toBe(false);
  });

  it("keeps an `options` given in DATABASE_URL and adds its own", async () => {
    const url = new URL(env.DATABASE_URL);
    url.searchParams.set("options", "-c statement_timeout=4321");
    const reader = indexReader(url.toString());
    cleanups.push(() => reader.end());
    const r = await reader.query<{ seq: string; t: string }>({
      text: "SELECT current_setting('enable_seqscan') AS seq, current_setting('statement_timeout') AS t",
    });
    expect(r.rows[0]).toEqual({ seq: "off", t: "4321ms" });
    expect(reader.guarded).toBe(true);
  });

  // Real PgBouncer in transaction pooling, where it is installed (.ci/run installs Debian's). Two server
  // connections for four clients: named statements land on connections that lack them or have them already.
  // `ignore_startup_parameters = options` lets the reader connect; PgBouncer then drops the settings.
  const pgbouncer = ["/usr/sbin/pgbouncer", "/usr/bin/pgbouncer"].find((p) => existsSync(p));
  const asRoot = process.getuid?.() === 0;
  // PgBouncer will not run as root: as root, it switches to the postgres user (skipped where there is none).
  const runnable = Boolean(pgbouncer) && (!asRoot || spawnSync("id", ["-u", "postgres"]).status === 0);
  it.runIf(runnable)("behind PgBouncer in transaction pooling: every read answers, right", async () => {
    const version = /PgBouncer (\d+)\.(\d+)/.exec(spawnSync(pgbouncer!, ["--version"], { encoding: "utf8" }).stdout) ?? [];
    const [major, minor] = [Number(version[1] ?? 0), Number(version[2] ?? 0)];
    // From 1.21 PgBouncer can carry named statements across server connections (on by default from 1.24);
    // turned off here, so that the reader meets what older versions and that setting at 0 do.
    const tracksStatements = major > 1 || minor >= 21;
    const dir = mkdtempSync(path.join(os.tmpdir(), "portal-pgbouncer-"));
    chmodSync(dir, 0o777);
    const port = await freePort();
    const password = decodeURIComponent(upstream.password);
    writeFileSync(
      path.join(dir, "pgbouncer.ini"),
      [
        "[databases]",
        `* = host=${upstream.hostname} port=${upstream.port || 5432} user=${decodeURIComponent(upstream.username) || "postgres"}${password ? ` password=${password}` : ""}`,
        "[pgbouncer]",
        "listen_addr = 127.0.0.1",
        `listen_port = ${port}`,
        "auth_type = any",
        "pool_mode = transaction",
        "default_pool_size = 2",
        "ignore_startup_parameters = options",
        ...(tracksStatements ? ["max_prepared_statements = 0"] : []),
        `unix_socket_dir = ${dir}`,
        `logfile = ${path.join(dir, "pgbouncer.log")}`,
      ].join("\n") + "\n",
    );
    chmodSync(path.join(dir, "pgbouncer.ini"), 0o644);
    const proc: ChildProcess = spawn(pgbouncer!, [...(asRoot ? ["-u", "postgres"] : []), path.join(dir, "pgbouncer.ini")], { stdio: "ignore" });
    let exited = false;
    const exit = new Promise<void>((r) => proc.once("exit", () => ((exited = true), r())));
    cleanups.push(async () => {
      if (!exited) proc.kill("SIGINT"); // PgBouncer's immediate shutdown
      await exit;
      rmSync(dir, { recursive: true, force: true });
    });
    for (let i = 0; ; i++) {
      if (exited) throw new Error(`PgBouncer exited at start: ${readLog(dir)}`);
      if (await accepts(port)) break;
      if (i > 100) throw new Error(`PgBouncer did not listen on ${port}: ${readLog(dir)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const url = new URL(env.DATABASE_URL);
    url.hostname = "127.0.0.1";
    url.port = String(port);
    const reader = indexReader(url.toString());
    cleanups.push(() => reader.end()); // ended before PgBouncer stops (cleanups run last first)
    const texts = ["SELECT $1::int * 2 AS n", "SELECT $1::int * 3 AS n", "SELECT $1::int * 5 AS n"];
    for (let round = 0; round < 3; round++) {
      const jobs = Array.from({ length: 12 }, (_, i) => ({ text: texts[i % 3], k: [2, 3, 5][i % 3], v: i + round * 100 }));
      const got = await Promise.all(jobs.map((j) => reader.query<{ n: number }>({ text: j.text, values: [j.v] })));
      expect(got.map((r) => r.rows[0].n)).toEqual(jobs.map((j) => j.k * j.v));
    }
    // The statements were lost on the way (and the reader went on unnamed); the settings were dropped, and noticed.
    expect([reader.named, reader.guarded]).toEqual([false, false]);
  });
});
