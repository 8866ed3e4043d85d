import { describe, expect, it, beforeAll } from "vitest";
import { spawnSync } from "node:child_process";
import { db } from "@/lib/dal/db";
import { seed } from "../prisma/seed";
import { makeCustomer } from "./support/fixtures";

// `npm run retention` as the operator schedules it: the CLI with --dry-run and the clock from outside.
const NOW = "2026-11-25T12:00:00Z";

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "lib/jobs/retention-cli.ts", ...args], {
    encoding: "utf8",
    env: { ...process.env, NODE_ENV: "development" },
    timeout: 60_000,
  });
  return { status: r.status, out: r.stdout + r.stderr };
}

function count(out: string, rule: string): number {
  const line = out.split("\n").find((l) => l.includes(rule));
  return Number(line?.trim().split(/\s+/)[3]);
}

beforeAll(async () => {
  await seed(db, new Date(NOW));
  // The seed's inactive customer has an open restriction request (held, 4.6); this one is simply inactive (5.1).
  await makeCustomer({ lastActivityAt: new Date("2021-06-01T12:00:00Z") });
});

describe("npm run retention", () => {
  it("--dry-run prints what it would do and why, and changes nothing; the real run then does it", async () => {
    const customers = await db.customer.count();
    const dry = cli("--dry-run", `--now=${NOW}`);
    expect(dry.status, dry.out).toBe(0);
    expect(dry.out).toContain("Prøvekørsel (intet ændres)");
    expect(dry.out).toMatch(/pkt\. 5\.1\s+accounts\.delete_inactive\s+1\s+Kundekonti uden køb/);
    expect(await db.customer.count()).toBe(customers);

    const real = cli(`--now=${NOW}`);
    expect(real.status, real.out).toBe(0);
    for (const rule of [
      "orders.delete",
      "orders.keep_for_invoice",
      "invoices.anonymise",
      "accounts.held_restricted",
      "accounts.delete_inactive",
      "notifications.delete_sent",
    ]) {
      expect(count(real.out, rule), rule).toBe(count(dry.out, rule));
    }
    expect(await db.customer.count()).toBe(customers - 1);
    const after = cli("--dry-run", `--now=${NOW}`);
    expect(count(after.out, "accounts.delete_inactive")).toBe(0);
    // Issue 10 item 1: a pass from cron takes the server's lease and counts as the day's pass.
    const lease = await db.jobLease.findUnique({ where: { name: "retention-pass" } });
    expect(lease?.lastRunAt).toBeTruthy();
  }, 90_000); // two CLI runs (tsx start-up) on a loaded machine

  it("refuses a clock it cannot read", () => {
    const r = cli("--now=i-morgen");
    expect(r.status).toBe(2);
    expect(r.out).toContain("Ugyldig --now");
  });
});
