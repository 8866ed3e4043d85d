import { describe, expect, it, vi } from "vitest";

// ASVS 16: structured lines, never a password, token, cookie or e-mail address in clear.
describe("lib/log", () => {
  it("writes one JSON line per event and scrubs secrets and e-mail addresses", async () => {
    vi.resetModules();
    process.env.LOG_LEVEL = "info";
    const { log, pseudonym } = await import("@/lib/log");
    const lines: string[] = [];
    const out = vi.spyOn(console, "log").mockImplementation((l: string) => void lines.push(l));
    const err = vi.spyOn(console, "error").mockImplementation((l: string) => void lines.push(l));
    log("warn", "login.failed", {
      account: pseudonym("acct", "kunde@example.dk"),
      password: "hemmelig-kode-1",
      note: "skrev kunde@example.dk",
      token: "eyJabc",
      nested: { sessionCookie: "x" },
    });
    out.mockRestore();
    err.mockRestore();
    process.env.LOG_LEVEL = "silent";
    expect(lines).toHaveLength(1);
    const e = JSON.parse(lines[0]);
    expect(e).toMatchObject({
      level: "warn",
      event: "login.failed",
      password: "[redacted]",
      token: "[redacted]",
      note: "skrev [e-mail]",
      nested: { sessionCookie: "[redacted]" },
    });
    expect(e.account).toMatch(/^acct:[0-9a-f]{16}$/);
    expect(lines[0]).not.toContain("kunde@example.dk");
    expect(lines[0]).not.toContain("hemmelig-kode-1");
  });
});
