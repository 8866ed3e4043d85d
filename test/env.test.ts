import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { parseEnv, REQUIRED_IN_DEPLOYMENT } from "@/lib/env";

const CONFIGURED = {
  DATABASE_URL: "file:./data/unit/configured.db",
  NEXTAUTH_SECRET: "x".repeat(40),
  NEXTAUTH_URL: "https://privatliv.123multiservice.dk",
  PRIVACY_CONTACT_EMAIL: "persondata@123multiservice.dk",
  SMTP_URL: "smtp://mail.example.dk:587",
  MAIL_FROM: "123multiservice <privatliv@123multiservice.dk>",
};

describe("configuration (lib/env.ts)", () => {
  it("is the demo only when DATABASE_URL is unset (issue 8)", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({
      isDemo: true,
      DATABASE_URL: "file:./data/portal.db",
      mailTransport: "outbox",
      FINANCIAL_YEAR_END: "12-31",
      RETENTION_DAILY: true,
    }); // issue 10 item 1: retention runs by default
    expect(parseEnv({ DATABASE_URL: "" }).isDemo).toBe(true);
    expect(parseEnv(CONFIGURED)).toMatchObject({ isDemo: false, mailTransport: "smtp" });
  });

  it("refuses a configured deployment without each required variable, naming every one, inventing none (issue 8, 11.10)", () => {
    let message = "";
    try {
      parseEnv({ DATABASE_URL: "file:./data/x.db", NODE_ENV: "production" });
    } catch (e) {
      message = (e as Error).message;
    }
    for (const name of REQUIRED_IN_DEPLOYMENT) expect(message).toContain(`${name}: mangler`);
    expect(REQUIRED_IN_DEPLOYMENT).toEqual(expect.arrayContaining(["NEXTAUTH_SECRET", "NEXTAUTH_URL", "PRIVACY_CONTACT_EMAIL", "SMTP_URL", "MAIL_FROM"]));
    // One missing at a time is named on its own; the others are fine.
    for (const name of REQUIRED_IN_DEPLOYMENT) {
      const source: Record<string, string | undefined> = { ...CONFIGURED, [name]: undefined };
      expect(() => parseEnv(source)).toThrow(new RegExp(`${name}: mangler`));
      expect(() => parseEnv({ ...CONFIGURED, [name]: "" })).toThrow(new RegExp(name));
    }
    // NEXTAUTH_URL is required in any NODE_ENV once configured (11.10).
    expect(() => parseEnv({ ...CONFIGURED, NODE_ENV: "development", NEXTAUTH_URL: undefined })).toThrow(/NEXTAUTH_URL/);
    expect(() => parseEnv({ ...CONFIGURED, NEXTAUTH_SECRET: "kort" })).toThrow(/32 tegn/);
    expect(() => parseEnv({ ...CONFIGURED, SMTP_URL: "http://mail" })).toThrow(/SMTP_URL/);
    // The values given are used as given.
    const env = parseEnv(CONFIGURED);
    expect(env.PRIVACY_CONTACT_EMAIL).toBe(CONFIGURED.PRIVACY_CONTACT_EMAIL);
    expect(env.MAIL_FROM).toBe(CONFIGURED.MAIL_FROM);
  });

  it("refuses to serve the demo in production without a real secret", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(/NEXTAUTH_SECRET/);
    expect(() => parseEnv({ NODE_ENV: "production", NEXTAUTH_SECRET: "kort" })).toThrow(/32 tegn/);
    expect(parseEnv({ NODE_ENV: "production", NEXTAUTH_SECRET: "x".repeat(40) }).NODE_ENV).toBe("production");
    // `next build` may evaluate modules without the secret or the deployment's variables
    expect(() => parseEnv({ NODE_ENV: "production", NEXT_PHASE: "phase-production-build" })).not.toThrow();
    expect(() => parseEnv({ DATABASE_URL: "file:./x.db", NODE_ENV: "production", NEXT_PHASE: "phase-production-build" })).not.toThrow();
  });

  it("validates the financial year's end", () => {
    expect(() => parseEnv({ FINANCIAL_YEAR_END: "02-30" })).toThrow(/FINANCIAL_YEAR_END/);
    expect(() => parseEnv({ FINANCIAL_YEAR_END: "13-01" })).toThrow(/FINANCIAL_YEAR_END/);
    expect(parseEnv({ FINANCIAL_YEAR_END: "06-30" }).FINANCIAL_YEAR_END).toBe("06-30");
  });

  it("npm start refuses a configured deployment with missing variables: message per variable, exit code 1, nothing seeded", () => {
    const db = `data/unit/start-refused-${process.pid}.db`;
    const r = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "lib/jobs/start.ts"], {
      encoding: "utf8",
      timeout: 60_000,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "production", DATABASE_URL: `file:./${db}`, NEXTAUTH_SECRET: "x".repeat(40) },
    });
    expect(r.status).toBe(1);
    for (const name of ["NEXTAUTH_URL", "PRIVACY_CONTACT_EMAIL", "SMTP_URL", "MAIL_FROM"]) expect(r.stderr).toContain(`${name}: mangler`);
    expect(r.stderr).not.toContain("NEXTAUTH_SECRET: mangler");
    expect(r.stdout).not.toMatch(/demodata|demo-kunde|Portalen kører/);
  });
});
