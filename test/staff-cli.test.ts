// Issue 8: `npm run staff` creates the first dpo and manages staff; passwords only through a one-time link.
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { db } from "@/lib/dal/db";
import { login } from "@/lib/dal/auth";
import { setPasswordWithLink } from "@/lib/dal/account-links";

const staff = (...args: string[]) =>
  spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "lib/jobs/staff-cli.ts", ...args], {
    encoding: "utf8",
    env: process.env,
    timeout: 60_000,
  });
const tokenOf = (out: string) => /ny-adgangskode\?token=([A-Za-z0-9_-]+)/.exec(out)?.[1];

describe("npm run staff (issue 8)", () => {
  it("works end to end", async () => {
    const add = staff("add", "forste-dpo@example.dk", "--name", "Første Dpo", "--role", "dpo");
    expect(add.status, add.stderr).toBe(0);
    const token = tokenOf(add.stdout);
    expect(token).toBeTruthy();
    const row = await db.staffUser.findUniqueOrThrow({ where: { email: "forste-dpo@example.dk" } });
    expect(row).toMatchObject({ role: "dpo", passwordHash: "", active: true });
    // No password yet: login refused like an unknown address.
    expect(await login("forste-dpo@example.dk", "", null)).toMatchObject({ ok: false });
    expect(await setPasswordWithLink(token!, "en lang sætning til personalet 9")).toEqual({ ok: true, kind: "staff" });
    expect(await setPasswordWithLink(token!, "en anden lang sætning 10")).toEqual({ ok: false, error: "invalid-link" });
    expect((await login("forste-dpo@example.dk", "en lang sætning til personalet 9", null)).ok).toBe(true);

    expect(staff("add", "forste-dpo@example.dk", "--name", "X", "--role", "dpo").status).toBe(1);
    expect(staff("add", "x@example.dk", "--name", "X", "--role", "chef").status).toBe(2);
    const list = staff("list");
    expect(list.stdout).toMatch(/forste-dpo@example\.dk\s+dpo\s+aktiv\s+har adgangskode/);

    expect(staff("disable", "forste-dpo@example.dk").status).toBe(0);
    expect((await login("forste-dpo@example.dk", "en lang sætning til personalet 9", null)).ok).toBe(false);
    expect(staff("enable", "forste-dpo@example.dk").status).toBe(0);
    expect((await login("forste-dpo@example.dk", "en lang sætning til personalet 9", null)).ok).toBe(true);

    const reset = staff("reset-password", "forste-dpo@example.dk");
    expect(reset.status).toBe(0);
    expect(await setPasswordWithLink(tokenOf(reset.stdout)!, "helt ny sætning til personalet 11")).toMatchObject({ ok: true });
    expect((await login("forste-dpo@example.dk", "helt ny sætning til personalet 11", null)).ok).toBe(true);
    // No password ever in argv: the CLI has no option for one.
    expect(staff("add", "y@example.dk", "--name", "Y", "--role", "support", "--password", "hemmelig").stdout).not.toContain("hemmelig");
  }, 120_000);
});
