import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { providerOf, schemaFor } from "../prisma/providers";
import { readFileSync } from "node:fs";

// Issue 12, items 1 and 3: the database is chosen by DATABASE_URL; the shared secrets of several instances
// go through lib/env.ts like every other variable.
const CONFIGURED = {
  NEXTAUTH_SECRET: "x".repeat(40),
  NEXTAUTH_URL: "https://privatliv.123multiservice.dk",
  PRIVACY_CONTACT_EMAIL: "persondata@123multiservice.dk",
  SMTP_URL: "smtp://mail.example.dk:587",
  MAIL_FROM: "123multiservice <privatliv@123multiservice.dk>",
};

describe("DATABASE_URL selects the database", () => {
  it("file: is SQLite, postgresql:// (or postgres://) is PostgreSQL; anything else is refused with a Danish message", () => {
    expect(providerOf("file:./data/portal.db")).toBe("sqlite");
    expect(providerOf("postgresql://portal:x@db.internal:5432/portal")).toBe("postgresql");
    expect(providerOf("postgres://portal@db/portal")).toBe("postgresql");
    expect(parseEnv({ ...CONFIGURED, DATABASE_URL: "postgresql://portal:x@db.internal:5432/portal" })).toMatchObject({ isDemo: false });
    expect(() => parseEnv({ ...CONFIGURED, DATABASE_URL: "mysql://portal@db/portal" })).toThrow(
      /DATABASE_URL skal begynde med file: \(SQLite\) eller postgresql:\/\//,
    );
    expect(() => providerOf("mysql://x")).toThrow();
  });

  it("the PostgreSQL schema is the one schema source with only the provider and the client folder changed", () => {
    const source = readFileSync("prisma/schema.prisma", "utf8");
    const pg = schemaFor("postgresql", source);
    expect(pg).toContain('provider = "postgresql"');
    expect(pg).not.toContain('provider = "sqlite"');
    // Everything after the datasource block (every model, enum, index) is the same text.
    const models = (s: string) => s.slice(s.indexOf("}", s.indexOf("datasource db")));
    expect(models(pg).length).toBeGreaterThan(1000);
    expect(models(pg)).toBe(models(source));
  });
});

describe("shared secrets of several instances", () => {
  it("NEXT_SERVER_ACTIONS_ENCRYPTION_KEY, when set, must be an AES key in base64 (16, 24 or 32 bytes)", () => {
    const key = Buffer.alloc(32, 7).toString("base64");
    expect(parseEnv({ ...CONFIGURED, DATABASE_URL: "file:./x.db", NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: key }).NEXT_SERVER_ACTIONS_ENCRYPTION_KEY).toBe(key);
    expect(parseEnv({ ...CONFIGURED, DATABASE_URL: "file:./x.db" }).NEXT_SERVER_ACTIONS_ENCRYPTION_KEY).toBeUndefined();
    for (const bad of ["kort", Buffer.alloc(20).toString("base64"), "ikke base64!"])
      expect(() => parseEnv({ ...CONFIGURED, DATABASE_URL: "file:./x.db", NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: bad })).toThrow(
        /NEXT_SERVER_ACTIONS_ENCRYPTION_KEY/,
      );
  });
});
