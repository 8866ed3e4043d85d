import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/dal/db";
import { login, principalForSession, revokeAllSessions, revokeSession, THROTTLE } from "@/lib/dal/auth";
import * as passwords from "@/lib/auth/password";
import { makeCustomer } from "./support/fixtures";

vi.mock("@/lib/auth/password", async (importOriginal) => {
  const orig = await importOriginal<typeof import("@/lib/auth/password")>();
  return { ...orig, burnPasswordCheck: vi.fn(orig.burnPasswordCheck), verifyPassword: vi.fn(orig.verifyPassword) };
});

const at = (iso: string) => new Date(iso);

describe("login (ASVS 6.3.8, 6.1.1)", () => {
  it("unknown e-mail and wrong password give the same answer, and the unknown path still runs a password hash", async () => {
    const c = await makeCustomer();
    vi.mocked(passwords.burnPasswordCheck).mockClear();
    vi.mocked(passwords.verifyPassword).mockClear();
    const wrong = await login(c.email, "forkert-forkert", null);
    expect(vi.mocked(passwords.verifyPassword)).toHaveBeenCalledTimes(1);
    expect(vi.mocked(passwords.burnPasswordCheck)).not.toHaveBeenCalled();
    const unknown = await login("findes.ikke@example.dk", "forkert-forkert", null);
    expect(vi.mocked(passwords.burnPasswordCheck)).toHaveBeenCalledTimes(1);
    expect(unknown).toEqual(wrong);
    expect(unknown).toEqual({ ok: false, reason: "invalid" });
  });

  it("a login counts as activity (5.1) and creates a server-side session", async () => {
    const c = await makeCustomer({ lastActivityAt: at("2022-01-01T00:00:00Z") });
    const now = at("2026-11-25T10:00:00Z");
    const r = await login(c.email.toUpperCase(), c.password, null, now);
    if (!r.ok) throw new Error("login failed");
    expect((await db.customer.findUniqueOrThrow({ where: { id: c.customerId } })).lastActivityAt.toISOString()).toBe(now.toISOString());
    expect(await principalForSession(r.principal.sessionId, now)).toMatchObject({ kind: "customer", customerId: c.customerId });
  });

  it("throttles after 10 failures per 3 minutes per account, says when to retry, and never locks out for good", async () => {
    const c = await makeCustomer();
    const t0 = at("2026-11-25T10:00:00Z");
    for (let i = 0; i < THROTTLE.maxFailures; i++) {
      expect(await login(c.email, "forkert", null, new Date(t0.getTime() + i * 1000))).toEqual({ ok: false, reason: "invalid" });
    }
    const blocked = await login(c.email, c.password, null, new Date(t0.getTime() + 11_000));
    expect(blocked).toEqual({ ok: false, reason: "throttled", retryAt: new Date(t0.getTime() + THROTTLE.windowMs) });
    // The right password does not get through while throttled, but does once the window has passed.
    const later = await login(c.email, c.password, null, new Date(t0.getTime() + THROTTLE.windowMs + 1));
    expect(later.ok).toBe(true);
  });

  it("throttles per client address across accounts, only with a trusted address", async () => {
    const t0 = at("2026-11-25T12:00:00Z");
    const victims = await Promise.all(Array.from({ length: 3 }, () => makeCustomer()));
    for (let i = 0; i < THROTTLE.maxFailures; i++) {
      await login(victims[i % 3].email, "forkert", "203.0.113.9", new Date(t0.getTime() + i * 1000));
    }
    const fresh = await makeCustomer();
    expect(await login(fresh.email, fresh.password, "203.0.113.9", new Date(t0.getTime() + 20_000))).toMatchObject({ ok: false, reason: "throttled" });
    expect((await login(fresh.email, fresh.password, "198.51.100.1", new Date(t0.getTime() + 20_000))).ok).toBe(true);
  });

  it("stores no e-mail or address in clear for throttling", async () => {
    const c = await makeCustomer();
    await login(c.email, "forkert", "203.0.113.77", at("2026-11-25T13:00:00Z"));
    const keys = (await db.loginFailure.findMany({ select: { key: true } })).map((k) => k.key).join(" ");
    expect(keys).not.toContain(c.email);
    expect(keys).not.toContain("203.0.113.77");
  });
});

describe("sessions (ASVS 7.4)", () => {
  it("logout revokes this session only; 'log out everywhere' revokes all; expiry is enforced", async () => {
    const c = await makeCustomer();
    const a = await login(c.email, c.password, null);
    const b = await login(c.email, c.password, null);
    if (!a.ok || !b.ok) throw new Error();
    await revokeSession(a.principal.sessionId);
    expect(await principalForSession(a.principal.sessionId)).toBeNull();
    expect(await principalForSession(b.principal.sessionId)).not.toBeNull();
    await revokeAllSessions(b.principal);
    expect(await principalForSession(b.principal.sessionId)).toBeNull();
    expect(await principalForSession(c.sessionId, new Date(Date.now() + 2 * 3_600_000))).toBeNull();
    expect(await principalForSession("findes-ikke")).toBeNull();
  });
});
