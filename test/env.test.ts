import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";

describe("configuration (lib/env.ts)", () => {
  it("has safe development defaults", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ DATABASE_URL: "file:./data/portal.db", MAIL_TRANSPORT: "outbox", FINANCIAL_YEAR_END: "12-31", RETENTION_DAILY: false });
  });
  it("refuses to start in production without a real secret", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(/NEXTAUTH_SECRET/);
    expect(() => parseEnv({ NODE_ENV: "production", NEXTAUTH_SECRET: "kort" })).toThrow(/32 tegn/);
    expect(parseEnv({ NODE_ENV: "production", NEXTAUTH_SECRET: "x".repeat(40) }).NODE_ENV).toBe("production");
    // `next build` may evaluate modules without the secret
    expect(() => parseEnv({ NODE_ENV: "production", NEXT_PHASE: "phase-production-build" })).not.toThrow();
  });
  it("validates the financial year's end and the SMTP settings", () => {
    expect(() => parseEnv({ FINANCIAL_YEAR_END: "02-30" })).toThrow(/FINANCIAL_YEAR_END/);
    expect(() => parseEnv({ FINANCIAL_YEAR_END: "13-01" })).toThrow(/FINANCIAL_YEAR_END/);
    expect(parseEnv({ FINANCIAL_YEAR_END: "06-30" }).FINANCIAL_YEAR_END).toBe("06-30");
    expect(() => parseEnv({ MAIL_TRANSPORT: "smtp" })).toThrow(/SMTP_URL/);
  });
});
