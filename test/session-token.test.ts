import { describe, expect, it } from "vitest";
import { encode } from "next-auth/jwt";
import { decodeSessionToken } from "@/lib/dal/session";

// lib/dal/session.ts decrypts next-auth's session JWT itself, with the key derived once per secret (issue 13.3).
// It must accept exactly what next-auth issues and refuse what next-auth's own `decode` refuses (ASVS 7.2.1: the
// token is verified on every request; the session row behind it is checked in principalForSession).
const SECRET = "a-test-secret-a-test-secret-a-test-secret-0123";

describe("session token decoding", () => {
  it("reads a token next-auth issued with the secret", async () => {
    const token = await encode({ token: { sid: "sess-1", kind: "customer" }, secret: SECRET, maxAge: 3600 });
    expect(await decodeSessionToken(token, SECRET)).toMatchObject({ sid: "sess-1", kind: "customer" });
    // The cached key follows a changed secret: the old secret's tokens stop working.
    expect(await decodeSessionToken(token, `${SECRET}-ny`)).toBeNull();
    expect(await decodeSessionToken(token, SECRET)).toMatchObject({ sid: "sess-1" });
  });

  it("refuses an expired, altered or malformed token", async () => {
    const expired = await encode({ token: { sid: "sess-2" }, secret: SECRET, maxAge: -60 });
    expect(await decodeSessionToken(expired, SECRET)).toBeNull();
    const token = await encode({ token: { sid: "sess-3" }, secret: SECRET, maxAge: 3600 });
    const parts = token.split(".");
    parts[3] = parts[3].slice(0, -2) + (parts[3].endsWith("AA") ? "BB" : "AA");
    expect(await decodeSessionToken(parts.join("."), SECRET)).toBeNull();
    for (const bad of ["", "x", "a.b.c.d.e", "eyJhbGciOiJub25lIn0.e30."]) expect(await decodeSessionToken(bad, SECRET)).toBeNull();
  });
});
