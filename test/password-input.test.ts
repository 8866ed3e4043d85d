// Issue 8: staff passwords are typed at a hidden prompt or piped in, never given on the command line.
import { describe, expect, it } from "vitest";
import { PassThrough, Readable } from "node:stream";
import { spawnSync } from "node:child_process";
import { PasswordInputError, passwordOnCommandLine, passwordSource, promptNewPassword, readPasswordLine } from "@/lib/jobs/password-input";
import { db } from "@/lib/dal/db";
import { login } from "@/lib/dal/auth";

const staff = (input: string | undefined, ...args: string[]) =>
  spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "lib/jobs/staff-cli.ts", ...args], {
    encoding: "utf8",
    env: process.env,
    input,
    timeout: 60_000,
  });

describe("reading a password without the command line (issue 8)", () => {
  it("--prompt refuses when stdin is not a terminal, and says to use --password-stdin", async () => {
    await expect(promptNewPassword(Readable.from(["hemmelig\n"]), new PassThrough())).rejects.toThrow(PasswordInputError);
    await expect(promptNewPassword(Readable.from(["hemmelig\n"]), new PassThrough())).rejects.toThrow(/--password-stdin/);
  });

  it("--password-stdin reads one line from a pipe, and refuses a terminal or nothing", async () => {
    expect(await readPasswordLine(Readable.from(["en lang sætning 1\nnæste linje\n"]))).toBe("en lang sætning 1");
    expect(await readPasswordLine(Readable.from(["uden linjeskift"]))).toBe("uden linjeskift");
    expect(await readPasswordLine(Readable.from(["crlf 12345\r\n"]))).toBe("crlf 12345");
    await expect(readPasswordLine(Readable.from([""]))).rejects.toThrow(/ingen adgangskode/);
    const tty = Object.assign(Readable.from(["x\n"]), { isTTY: true });
    await expect(readPasswordLine(tty)).rejects.toThrow(/--prompt/);
  });

  it("the options: one source at a time, and a password in argv is refused", () => {
    expect(passwordSource(["a@b.dk", "--prompt"])).toBe("prompt");
    expect(passwordSource(["a@b.dk", "--password-stdin"])).toBe("stdin");
    expect(passwordSource(["a@b.dk"])).toBe("link");
    expect(passwordSource(["--prompt", "--password-stdin"])).toBe("both");
    expect(passwordOnCommandLine(["--password", "x"])).toBe(true);
    expect(passwordOnCommandLine(["--password=x"])).toBe(true);
    expect(passwordOnCommandLine(["--password-stdin"])).toBe(false);
  });

  it("npm run staff: add and reset-password with --password-stdin (checked by the password rules), --prompt refused without a TTY, list and reset-totp", async () => {
    const add = staff("en lang sætning til driften 5\n", "add", "pipe-dpo@example.dk", "--name", "Pia Pipe", "--role", "dpo", "--password-stdin");
    expect(add.status, add.stderr).toBe(0);
    expect(add.stdout).not.toContain("en lang sætning");
    expect(add.stdout).not.toContain("ny-adgangskode?token=");
    expect(await login("pipe-dpo@example.dk", "en lang sætning til driften 5", null)).toMatchObject({ ok: true, secondFactor: "enrol" });

    const weak = staff("PiaPipe2026\n", "reset-password", "pipe-dpo@example.dk", "--password-stdin");
    expect(weak.status).toBe(1);
    expect(weak.stderr).toMatch(/Adgangskoden kan ikke bruges/);
    const prompt = staff("noget\n", "reset-password", "pipe-dpo@example.dk", "--prompt");
    expect(prompt.status).toBe(2);
    expect(prompt.stderr).toMatch(/kræver en terminal/);
    const reset = staff("en helt anden sætning 6\n", "reset-password", "pipe-dpo@example.dk", "--password-stdin");
    expect(reset.status, reset.stderr).toBe(0);
    expect((await login("pipe-dpo@example.dk", "en lang sætning til driften 5", null)).ok).toBe(false);
    expect((await login("pipe-dpo@example.dk", "en helt anden sætning 6", null)).ok).toBe(true);

    expect(staff(undefined, "list").stdout).toMatch(/pipe-dpo@example\.dk\s+dpo\s+aktiv\s+har adgangskode\s+totp ikke sat op/);
    await db.staffUser.update({ where: { email: "pipe-dpo@example.dk" }, data: { totpSecret: "x", totpEnrolledAt: new Date() } });
    expect(staff(undefined, "list").stdout).toMatch(/pipe-dpo@example\.dk\s+dpo\s+aktiv\s+har adgangskode\s+totp sat op \(0 gendannelseskoder\)/);
    const totp = staff(undefined, "reset-totp", "pipe-dpo@example.dk");
    expect(totp.status, totp.stderr).toBe(0);
    expect(await db.staffUser.findUniqueOrThrow({ where: { email: "pipe-dpo@example.dk" }, select: { totpSecret: true, totpEnrolledAt: true } })).toEqual({
      totpSecret: null,
      totpEnrolledAt: null,
    });
    expect(staff(undefined, "reset-totp", "findes-ikke@example.dk").status).toBe(1);
    expect(staff("x\n", "add", "argv@example.dk", "--name", "A", "--role", "dpo", "--password", "hemmelig-kode-1").status).toBe(2);
  }, 180_000);
});
