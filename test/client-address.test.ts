import { describe, expect, it, vi } from "vitest";

// ASVS 6.3.1: the client address comes from the configured trusted proxy header only.
describe("client address for throttling", () => {
  it("is not trusted from any header when no proxy is configured", async () => {
    vi.resetModules();
    delete process.env.TRUSTED_PROXY_HEADER;
    const { clientAddressFrom } = await import("@/lib/auth/options");
    expect(clientAddressFrom({ "x-forwarded-for": "203.0.113.1" })).toBeNull();
  });
  it("takes the last hop of the configured header, which the trusted proxy appended", async () => {
    vi.resetModules();
    process.env.TRUSTED_PROXY_HEADER = "X-Forwarded-For";
    const { clientAddressFrom } = await import("@/lib/auth/options");
    expect(clientAddressFrom({ "x-forwarded-for": "6.6.6.6, 203.0.113.7" })).toBe("203.0.113.7");
    expect(clientAddressFrom(new Headers({ "x-forwarded-for": "203.0.113.8" }))).toBe("203.0.113.8");
    expect(clientAddressFrom({ "x-real-ip": "203.0.113.9" })).toBeNull();
    delete process.env.TRUSTED_PROXY_HEADER;
  });
});
