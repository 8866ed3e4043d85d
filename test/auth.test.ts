import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/dal/db";
import { checkCurrentPassword, login, principalForSession, revokeAllSessions, revokeSession, THROTTLE } from "@/lib/dal/auth";
import { changeEmail, changePassword } from "@/lib/dal/customer";
import * as passwords from "@/lib/auth/password";
import { withPasswordWork, PasswordWorkBusy, WORK_LIMIT } from "@/lib/auth/work-limit";
import { issueKnownDevice, verifyKnownDevice } from "@/lib/auth/known-device";
import { pseudonym } from "@/lib/log";
import { makeCustomer, makeStaff } from "./support/fixtures";

vi.mock("@/lib/auth/password", async (importOriginal) => {
  const orig = await importOriginal<typeof import("@/lib/auth/password")>();
  return { ...orig, burnPasswordCheck: vi.fn(orig.burnPasswordCheck), verifyPassword: vi.fn(orig.verifyPassword) };
});
const realVerify = vi.mocked(passwords.verifyPassword).getMockImplementation()!;

const at = (iso: string) => new Date(iso);
const plus = (t: Date, ms: number) => new Date(t.getTime() + ms);
const hashChecks = () => vi.mocked(passwords.verifyPassword).mock.calls.length + vi.mocked(passwords.burnPasswordCheck).mock.calls.length;
function resetSpies() {
  vi.mocked(passwords.verifyPassword).mockClear();
  vi.mocked(passwords.burnPasswordCheck).mockClear();
}

describe("login (ASVS 6.3.8)", () => {
  it("unknown e-mail and wrong password give the same answer, and the unknown path still runs a password hash", async () => {
    const c = await makeCustomer();
    resetSpies();
    const wrong = await login(c.email, "forkert-forkert", null);
    expect(vi.mocked(passwords.verifyPassword)).toHaveBeenCalledTimes(1);
    expect(vi.mocked(passwords.burnPasswordCheck)).not.toHaveBeenCalled();
    const unknown = await login("findes.ikke@example.dk", "forkert-forkert", null);
    expect(vi.mocked(passwords.burnPasswordCheck)).toHaveBeenCalledTimes(1);
    expect(unknown).toEqual(wrong);
    expect(unknown).toEqual({ ok: false, reason: "invalid" });
  });

  it("a customer without a portal password (empty hash) gets the answer and cost of a wrong password", async () => {
    const c = await makeCustomer();
    await db.customer.update({ where: { id: c.customerId }, data: { passwordHash: "" } });
    resetSpies();
    expect(await login(c.email, "", null)).toEqual({ ok: false, reason: "invalid" });
    expect(await login(c.email, "noget-helt-andet", null)).toEqual({ ok: false, reason: "invalid" });
    expect(vi.mocked(passwords.burnPasswordCheck)).toHaveBeenCalledTimes(2);
  });

  it("a login counts as activity (5.1) and creates a server-side session", async () => {
    const c = await makeCustomer({ lastActivityAt: at("2022-01-01T00:00:00Z") });
    const now = at("2026-11-25T10:00:00Z");
    const r = await login(c.email.toUpperCase(), c.password, null, now);
    if (!r.ok) throw new Error("login failed");
    expect((await db.customer.findUniqueOrThrow({ where: { id: c.customerId } })).lastActivityAt.toISOString()).toBe(now.toISOString());
    expect(await principalForSession(r.principal.sessionId, now)).toMatchObject({ kind: "customer", customerId: c.customerId });
  });

  it("stores no e-mail or address in clear for throttling", async () => {
    const c = await makeCustomer();
    await login(c.email, "forkert", "203.0.113.77", at("2026-11-25T13:00:00Z"));
    const keys = (await db.loginFailure.findMany({ select: { key: true } })).map((k) => k.key).join(" ");
    expect(keys).not.toContain(c.email);
    expect(keys).not.toContain("203.0.113.77");
  });
});

describe("throttling under concurrency (issue 11 item 1, ASVS 6.3.1)", () => {
  it("50 concurrent wrong passwords and the right one last: refused, and only the free attempts are hashed", async () => {
    const c = await makeCustomer();
    const now = at("2026-11-25T10:00:00Z");
    resetSpies();
    const wrong = Array.from({ length: 50 }, (_, i) => login(c.email, `forkert-${i}`, null, now));
    const right = login(c.email, c.password, null, now);
    const results = await Promise.all([...wrong, right]);
    expect(results.at(-1)).toMatchObject({ ok: false, reason: "throttled" });
    expect(results.filter((r) => r.ok)).toHaveLength(0);
    expect(hashChecks()).toBeLessThanOrEqual(THROTTLE.account.free);
    expect(await db.authSession.count({ where: { customerId: c.customerId, createdAt: now } })).toBe(0);
  });

  it("concurrent attempts from one client address across many accounts are capped too", async () => {
    const victims = await Promise.all(Array.from({ length: 6 }, () => makeCustomer()));
    const now = at("2026-11-25T11:00:00Z");
    resetSpies();
    await Promise.all(Array.from({ length: 60 }, (_, i) => login(victims[i % 6].email, `forkert-${i}`, "203.0.113.50", now)));
    expect(hashChecks()).toBeLessThanOrEqual(THROTTLE.address.free);
    // One after the other the address counter fills up too (the in-process cap above only limits what runs at once).
    for (let i = 0; i < THROTTLE.address.free; i++) await login(victims[i % 6].email, `forkert-x${i}`, "203.0.113.50", plus(now, 100_000 + i));
    const fresh = await makeCustomer();
    expect(await login(fresh.email, fresh.password, "203.0.113.50", plus(now, 100_100))).toMatchObject({ ok: false, reason: "throttled" });
    expect((await login(fresh.email, fresh.password, "198.51.100.1", plus(now, 100_100))).ok).toBe(true);
  });

  it("never more than the process cap of password hashes run at once, and a flood is refused without hashing (item 6)", async () => {
    let running = 0;
    let peak = 0;
    vi.mocked(passwords.verifyPassword).mockImplementation(async (h, p) => {
      peak = Math.max(peak, ++running);
      try {
        return await realVerify(h, p);
      } finally {
        running--;
      }
    });
    try {
      const accounts = await Promise.all(Array.from({ length: 10 }, () => makeCustomer()));
      const now = at("2026-11-25T12:00:00Z");
      resetSpies();
      const results = await Promise.all(Array.from({ length: 100 }, (_, i) => login(accounts[i % 10].email, "x".repeat(1024), null, now)));
      expect(peak).toBeLessThanOrEqual(WORK_LIMIT.concurrency);
      expect(hashChecks()).toBeLessThanOrEqual(10 * THROTTLE.account.free);
      expect(results.every((r) => !r.ok)).toBe(true);
    } finally {
      vi.mocked(passwords.verifyPassword).mockImplementation(realVerify);
    }
  });

  it("the work cap refuses beyond its queue and beyond one address's share, at once", async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const held = Array.from({ length: WORK_LIMIT.perAddress }, () => withPasswordWork("ip:a", () => gate));
    await expect(withPasswordWork("ip:a", async () => 1)).rejects.toBeInstanceOf(PasswordWorkBusy);
    const others = Array.from({ length: WORK_LIMIT.concurrency + WORK_LIMIT.queue - WORK_LIMIT.perAddress }, (_, i) => withPasswordWork(`ip:${i}`, () => gate));
    await expect(withPasswordWork("ip:z", async () => 1)).rejects.toBeInstanceOf(PasswordWorkBusy);
    release();
    await Promise.all([...held, ...others]);
    expect(await withPasswordWork("ip:a", async () => 2)).toBe(2);
  });
});

describe("an attempt that reaches the count late (issue 11 item 1, ASVS 6.3.1)", () => {
  it("a request whose time was taken before the free attempts were used up, but counted after them, is no free attempt", async () => {
    // A request held up (in the connection pool, say) carries an earlier time than the attempts counted before it.
    const c = await makeCustomer();
    const t0 = at("2026-11-25T15:00:00Z");
    for (let i = 0; i < THROTTLE.account.free; i++) await login(c.email, `forkert-${i}`, null, plus(t0, 1_000 + i));
    expect(await login(c.email, c.password, null, t0)).toMatchObject({ ok: false, reason: "throttled" });
    expect(await db.authSession.count({ where: { customerId: c.customerId, createdAt: t0 } })).toBe(0);
  });
});

describe("progressive delay instead of a lockout (issue 11 item 6, ASVS 6.3.1)", () => {
  it("after the free attempts each further one waits longer, the wait ends by itself, and an hour of guessing gains little", async () => {
    const c = await makeCustomer();
    const t0 = at("2026-11-25T14:00:00Z");
    for (let i = 0; i < THROTTLE.account.free; i++) expect(await login(c.email, `forkert-${i}`, null, plus(t0, i))).toEqual({ ok: false, reason: "invalid" });
    const last = plus(t0, THROTTLE.account.free - 1);
    // The right password right away: a short wait (progressive, not a lockout).
    const wait = THROTTLE.account.baseDelayMs;
    expect(await login(c.email, c.password, null, plus(t0, 500))).toEqual({ ok: false, reason: "throttled", retryAt: plus(last, wait) });
    expect((await login(c.email, c.password, null, plus(last, wait))).ok).toBe(true);

    // An attacker guessing four times a minute for an hour gets few checks (a faster one gets no more).
    const d = await makeCustomer();
    resetSpies();
    const start = at("2026-11-25T16:00:00Z");
    for (let s = 0; s < 3600; s += 15) await login(d.email, `gæt-${s}`, null, plus(start, s * 1000));
    expect(hashChecks()).toBeLessThanOrEqual(THROTTLE.account.free + 6 + 3600 / 60);
    // ...and the owner still gets in once the current wait is over (never a permanent lockout).
    const free = await login(d.email, d.password, null, plus(start, 3600_000));
    const retryAt = free.ok ? plus(start, 3600_000) : free.reason === "throttled" ? free.retryAt : null;
    expect(retryAt).not.toBeNull();
    expect(retryAt!.getTime() - (start.getTime() + 3600_000)).toBeLessThanOrEqual(THROTTLE.account.maxDelayMs);
    expect((await login(d.email, d.password, null, retryAt!)).ok).toBe(true);
  }, 60_000);

  it("the dpo is not locked out by an attacker's ten wrong passwords when logging in from a known device", async () => {
    const dpo = await makeStaff("dpo");
    const { email } = await db.staffUser.findUniqueOrThrow({ where: { id: dpo.staffId }, select: { email: true } });
    const t0 = at("2026-11-25T18:00:00Z");
    const first = await login(email, "personale-kode-1", null, t0);
    if (!first.ok) throw new Error("login failed");
    for (let i = 0; i < 10; i++) await login(email, `angriber-${i}`, `198.51.100.${i}`, plus(t0, 60_000 + i));
    const soon = plus(t0, 60_100);
    // Without the cookie the dpo waits like anyone else ...
    expect(await login(email, "personale-kode-1", null, soon)).toMatchObject({ ok: false, reason: "throttled" });
    // ... from the known device the right password passes at once.
    const again = await login(email, "personale-kode-1", null, soon, { knownDevice: first.knownDevice });
    expect(again.ok).toBe(true);
    // The cookie does not help an attacker who guesses: it has its own counter, and wrong passwords still fail.
    expect(await login(email, "angriber-x", null, soon, { knownDevice: first.knownDevice })).toEqual({ ok: false, reason: "invalid" });
  });

  it("a known-device cookie is bound to its account and cannot be forged", () => {
    const ref = pseudonym("acct", "a@example.dk");
    const { value, deviceId } = issueKnownDevice(ref, null);
    expect(verifyKnownDevice(value, ref)).toBe(deviceId);
    expect(verifyKnownDevice(value, pseudonym("acct", "b@example.dk"))).toBeNull();
    expect(verifyKnownDevice(value.slice(0, -2) + "xx", ref)).toBeNull();
    expect(verifyKnownDevice(value, ref, new Date(Date.now() + 200 * 24 * 3600_000))).toBeNull();
  });
});

describe("current-password checks in a session are throttled like a login (issue 11 item 2)", () => {
  it("40 concurrent wrong current passwords on the password change: only the free ones are hashed, all count on the account", async () => {
    const c = await makeCustomer();
    const now = at("2026-11-25T19:00:00Z");
    resetSpies();
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => changePassword(c, `forkert-${i}`, "en-helt-ny-kode-42", now)));
    expect(vi.mocked(passwords.verifyPassword).mock.calls.length).toBeLessThanOrEqual(THROTTLE.device.free);
    expect(results.filter((r) => !r.ok && r.error === "throttled").length).toBeGreaterThanOrEqual(40 - THROTTLE.device.free);
    // The same counter as the login: a login right after has to wait.
    expect(await login(c.email, c.password, null, now)).toMatchObject({ ok: false, reason: "throttled" });
    // The right current password in this session still has to wait for the delay.
    expect(await changePassword(c, c.password, "en-helt-ny-kode-42", now)).toMatchObject({ ok: false, error: "throttled" });
  });

  it("20 concurrent wrong current passwords on the e-mail change: only the free ones are hashed", async () => {
    const c = await makeCustomer();
    resetSpies();
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => changeEmail(c, { email: `ny${i}@example.dk`, currentPassword: `forkert-${i}` })));
    expect(vi.mocked(passwords.verifyPassword).mock.calls.length).toBeLessThanOrEqual(THROTTLE.device.free);
    expect(results.filter((r) => !r.ok && r.error === "throttled").length).toBeGreaterThanOrEqual(20 - THROTTLE.device.free);
  });

  it("a stranger's failed logins do not block the owner's check inside the session", async () => {
    const c = await makeCustomer();
    const now = at("2026-11-25T20:00:00Z");
    for (let i = 0; i < 10; i++) await login(c.email, `angriber-${i}`, null, plus(now, i));
    expect(await checkCurrentPassword(c, c.password, plus(now, 20))).toMatchObject({ ok: true });
  });
});

describe("credential version: logins in flight around a password change (issue 11 item 3, ASVS 7.4.3)", () => {
  /** Holds the next `n` password checks after they computed their answer, until `open()` is called. */
  function holdChecks(n: number) {
    // The held checks occupy work slots; leave room for the password change's own check.
    WORK_LIMIT.concurrency = n + 2;
    let open!: () => void;
    const gate = new Promise<void>((r) => (open = r));
    let held = 0;
    let reached!: () => void;
    const allReached = new Promise<void>((r) => (reached = r));
    vi.mocked(passwords.verifyPassword).mockImplementation(async (h, p) => {
      const answer = await realVerify(h, p);
      if (held < n) {
        if (++held === n) reached();
        await gate;
      }
      return answer;
    });
    return { allReached, open };
  }

  it("logins with the old password that were still running when the password changed produce no working session", async () => {
    const c = await makeCustomer();
    const hold = holdChecks(3);
    try {
      const inFlight = Array.from({ length: 3 }, () => login(c.email, c.password, null));
      await hold.allReached; // all three have verified the old password
      expect(await changePassword(c, c.password, "en-helt-ny-kode-42")).toEqual({ ok: true });
      hold.open();
      for (const r of await Promise.all(inFlight)) {
        if (r.ok) expect(await principalForSession(r.principal.sessionId)).toBeNull();
      }
      const live = await db.authSession.findMany({ where: { customerId: c.customerId, revokedAt: null }, select: { id: true } });
      for (const s of live) expect(await principalForSession(s.id)).toBeNull();
    } finally {
      hold.open();
      WORK_LIMIT.concurrency = 2;
      vi.mocked(passwords.verifyPassword).mockImplementation(realVerify);
    }
    expect((await login(c.email, "en-helt-ny-kode-42", null)).ok).toBe(true);
  });

  it("'Log ud på alle enheder' has the same guarantee", async () => {
    const c = await makeCustomer();
    const hold = holdChecks(2);
    try {
      const inFlight = Array.from({ length: 2 }, () => login(c.email, c.password, null));
      await hold.allReached;
      await revokeAllSessions(c);
      hold.open();
      for (const r of await Promise.all(inFlight)) {
        if (r.ok) expect(await principalForSession(r.principal.sessionId)).toBeNull();
      }
    } finally {
      hold.open();
      WORK_LIMIT.concurrency = 2;
      vi.mocked(passwords.verifyPassword).mockImplementation(realVerify);
    }
    const after = await login(c.email, c.password, null);
    expect(after.ok && (await principalForSession(after.principal.sessionId))).toBeTruthy();
  });

  it("the session check compares the credential version", async () => {
    const c = await makeCustomer();
    const r = await login(c.email, c.password, null);
    if (!r.ok) throw new Error();
    await db.customer.update({ where: { id: c.customerId }, data: { credentialVersion: { increment: 1 } } });
    expect(await principalForSession(r.principal.sessionId)).toBeNull();
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
