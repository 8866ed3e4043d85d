// Issue 8, "Staff accounts" (ASVS 6.3.3): the staff second factor. TOTP (RFC 6238) set up at the first login,
// recovery codes shown once and stored hashed, a code accepted once (RFC 6238 5.2), wrong codes throttled (6.3.1),
// and a session that has only given the password is no login (principalForSession, actions, routes).
import { describe, expect, it, vi } from "vitest";
import { createHash } from "node:crypto";
import { db } from "@/lib/dal/db";
import { login, pendingSecondFactorForSession, principalForSession, secondFactorRequired, sessionState, THROTTLE, type PendingStaff } from "@/lib/dal/auth";
import { confirmTotpEnrolment, openTotpSecret, regenerateRecoveryCodes, totpSetup, verifySecondFactor } from "@/lib/dal/second-factor";
import { resetStaffTotp } from "@/lib/dal/staff-accounts";
import { hashPassword } from "@/lib/auth/password";
import { DEMO_DPO_EMAIL, DEMO_TOTP_MARKER, DEMO_TOTP_SECRET, matchTotp, timeStepAt, totpCodeForStep } from "@/lib/auth/totp";
import { parseEnv, ConfigError } from "@/lib/env";

const PASSWORD = "en lang sætning for personalet 7";
const at = (t: Date, s: number) => new Date(t.getTime() + s * 1000);

async function staff(email: string, role: "dpo" | "support") {
  await db.staffUser.create({ data: { email, name: "Test Personale", role, passwordHash: await hashPassword(PASSWORD) } });
}

async function pendingLogin(email: string, now: Date): Promise<PendingStaff> {
  const r = await login(email, PASSWORD, null, now);
  if (!r.ok) throw new Error("login failed");
  const p = await pendingSecondFactorForSession(r.principal.sessionId, now);
  if (!p) throw new Error("not pending");
  return p;
}

/** A dpo with the TOTP set up at `t0`; returns the secret and the recovery codes. */
async function enrolled(email: string, t0: Date) {
  await staff(email, "dpo");
  const p = await pendingLogin(email, t0);
  const setup = (await totpSetup(p))!;
  const r = await confirmTotpEnrolment(p, totpCodeForStep(setup.secret, timeStepAt(t0)), t0);
  if (!r.ok) throw new Error(`enrolment failed: ${r.error}`);
  return { secret: setup.secret, codes: r.recoveryCodes, sessionId: r.sessionId };
}

describe("who gives a second factor (issue 8)", () => {
  it("the dpo always; support only with STAFF_TOTP_FOR_SUPPORT=true, which lib/env.ts validates", () => {
    expect(secondFactorRequired("dpo", false)).toBe(true);
    expect(secondFactorRequired("support", false)).toBe(false);
    expect(secondFactorRequired("support", true)).toBe(true);
    const base = {
      DATABASE_URL: "file:./x.db",
      NEXTAUTH_SECRET: "x".repeat(32),
      NEXTAUTH_URL: "https://a.dk",
      PRIVACY_CONTACT_EMAIL: "a@b.dk",
      SMTP_URL: "smtp://x",
      MAIL_FROM: "a@b.dk",
    };
    expect(parseEnv(base).STAFF_TOTP_FOR_SUPPORT).toBe(false);
    expect(parseEnv({ ...base, STAFF_TOTP_FOR_SUPPORT: "true" }).STAFF_TOTP_FOR_SUPPORT).toBe(true);
    expect(parseEnv({ ...base, STAFF_TOTP_FOR_SUPPORT: "false" }).STAFF_TOTP_FOR_SUPPORT).toBe(false);
    expect(() => parseEnv({ ...base, STAFF_TOTP_FOR_SUPPORT: "ja" })).toThrow(ConfigError);
  });

  it("a support session is a login without a code, unless the setting asks for one (then open sessions are asked too)", async () => {
    await staff("support.a@example.dk", "support");
    const r = await login("support.a@example.dk", PASSWORD, null);
    expect(r).toMatchObject({ ok: true, secondFactor: "none" });
    if (!r.ok) return;
    expect(await principalForSession(r.principal.sessionId)).toMatchObject({ kind: "staff", role: "support" });
    expect(await principalForSession(r.principal.sessionId, new Date(), { totpForSupport: true })).toBeNull();
    expect(await sessionState(r.principal.sessionId, new Date(), { totpForSupport: true })).toMatchObject({
      state: "second-factor",
      pending: { enrolled: false },
    });
  });
});

describe("the first login of a dpo: set-up (issue 8, ASVS 6.3.3)", () => {
  it("the password alone is a pending session, not a login; the set-up secret belongs to the session and is stored encrypted", async () => {
    await staff("dpo.a@example.dk", "dpo");
    const t0 = new Date();
    const r = await login("dpo.a@example.dk", PASSWORD, null, t0);
    expect(r).toMatchObject({ ok: true, secondFactor: "enrol" });
    if (!r.ok) return;
    expect(await principalForSession(r.principal.sessionId, t0)).toBeNull();
    const p = (await pendingSecondFactorForSession(r.principal.sessionId, t0))!;
    expect(p).toMatchObject({ kind: "staff-pending", enrolled: false, email: "dpo.a@example.dk" });

    const setup = (await totpSetup(p))!;
    expect(setup.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(setup.uri).toMatch(/^otpauth:\/\/totp\/123multiservice:dpo\.a%40example\.dk\?.*secret=/);
    expect((await totpSetup(p))!.secret).toBe(setup.secret); // the same secret on reload
    const row = await db.authSession.findUniqueOrThrow({ where: { id: p.sessionId }, select: { pendingTotpSecret: true } });
    expect(row.pendingTotpSecret).not.toContain(setup.secret);
    // Another session of the same account gets its own secret (what one session saw is never enrolled by another).
    const other = await pendingLogin("dpo.a@example.dk", t0);
    const otherSecret = (await totpSetup(other))!.secret;
    expect(otherSecret).not.toBe(setup.secret);

    expect(await confirmTotpEnrolment(p, totpCodeForStep(setup.secret, timeStepAt(t0) - 3), t0)).toEqual({ ok: false, error: "invalid" });
    const done = await confirmTotpEnrolment(p, totpCodeForStep(setup.secret, timeStepAt(t0)), t0);
    expect(done.ok).toBe(true);
    if (!done.ok) return;
    expect(done.recoveryCodes).toHaveLength(10);
    // The set-up completes the login on its session (made new at the password step), so the codes can be shown.
    expect(done.sessionId).toBe(p.sessionId);
    expect(await principalForSession(done.sessionId, t0)).toMatchObject({ kind: "staff", role: "dpo" });
    // The other session still owes the code, now as a login of an enrolled account; its set-up is refused.
    const again = (await pendingSecondFactorForSession(other.sessionId, t0))!;
    expect(again).toMatchObject({ enrolled: true });
    expect(await confirmTotpEnrolment(again, "123456", t0)).toEqual({ ok: false, error: "already-enrolled" });
    // Even with its own right code, a set-up that started before cannot replace the enrolled secret (same transaction).
    expect(await confirmTotpEnrolment(other, totpCodeForStep(otherSecret, timeStepAt(t0)), t0)).toEqual({ ok: false, error: "already-enrolled" });

    const u = await db.staffUser.findUniqueOrThrow({
      where: { email: "dpo.a@example.dk" },
      select: { email: true, totpSecret: true, totpEnrolledAt: true, recoveryCodes: true },
    });
    expect(u.totpEnrolledAt).not.toBeNull();
    expect(u.totpSecret).not.toContain(setup.secret);
    expect(openTotpSecret(u)).toBe(setup.secret);
    // ASVS 6.5.2: recovery codes only as SHA-256 of 120-bit codes, never in clear.
    const hashes = u.recoveryCodes.map((c) => c.codeHash).sort();
    const expected = done.recoveryCodes
      .map((c) =>
        createHash("sha256")
          .update(`staff-recovery-code\0${c.replace(/-/g, "")}`)
          .digest("hex"),
      )
      .sort();
    expect(hashes).toEqual(expected);
    for (const c of done.recoveryCodes) expect(JSON.stringify(u.recoveryCodes)).not.toContain(c.replace(/-/g, ""));
  });
});

describe("later logins (issue 8, RFC 6238, ASVS 6.3.3)", () => {
  it("a code is accepted once per account (replay refused), one step of drift either way, and not from further off", async () => {
    const t0 = new Date(Math.floor(Date.now() / 30_000) * 30_000 + 5_000);
    const { secret } = await enrolled("dpo.b@example.dk", t0);
    const step = timeStepAt(t0);
    // The step used at the set-up is spent.
    expect(await verifySecondFactor(await pendingLogin("dpo.b@example.dk", t0), totpCodeForStep(secret, step), t0)).toEqual({ ok: false, error: "invalid" });
    const p = await pendingLogin("dpo.b@example.dk", t0);
    expect(await verifySecondFactor(p, totpCodeForStep(secret, step + 2), t0)).toEqual({ ok: false, error: "invalid" });
    const ok = await verifySecondFactor(p, totpCodeForStep(secret, step + 1), t0);
    expect(ok).toMatchObject({ ok: true, method: "totp" });
    if (!ok.ok) return;
    expect(await principalForSession(ok.sessionId, t0)).not.toBeNull();
    expect(await sessionState(p.sessionId, t0)).toBeNull(); // the password-only session is gone (ASVS 7.2.4)
    // The same code from another session: refused, also when the clock has moved into its own step.
    const q = await pendingLogin("dpo.b@example.dk", t0);
    expect(await verifySecondFactor(q, totpCodeForStep(secret, step + 1), at(t0, 30))).toEqual({ ok: false, error: "invalid" });
    expect(await principalForSession(q.sessionId, t0)).toBeNull();
    expect(await verifySecondFactor(q, totpCodeForStep(secret, step + 2), at(t0, 30))).toMatchObject({ ok: true });
    // Concurrent use of one fresh code: exactly one wins.
    const r1 = await pendingLogin("dpo.b@example.dk", t0);
    const r2 = await pendingLogin("dpo.b@example.dk", t0);
    const code = totpCodeForStep(secret, step + 3);
    const both = await Promise.all([verifySecondFactor(r1, code, at(t0, 60)), verifySecondFactor(r2, code, at(t0, 60))]);
    expect(both.filter((r) => r.ok)).toHaveLength(1);
  });

  it("a recovery code logs in once and is used up; a new set needs a fresh TOTP code and replaces the old", async () => {
    const t0 = new Date();
    const { secret, codes } = await enrolled("dpo.c@example.dk", t0);
    const p = await pendingLogin("dpo.c@example.dk", t0);
    const viaRecovery = await verifySecondFactor(p, codes[0].toUpperCase().replace(/-/g, " "), t0);
    expect(viaRecovery).toMatchObject({ ok: true, method: "recovery", recoveryCodesLeft: 9 });
    if (!viaRecovery.ok) return;
    const q = await pendingLogin("dpo.c@example.dk", t0);
    expect(await verifySecondFactor(q, codes[0], t0)).toEqual({ ok: false, error: "invalid" });
    // Another account's code is no code here.
    const other = await enrolled("dpo.d@example.dk", t0);
    expect(await verifySecondFactor(q, other.codes[0], t0)).toEqual({ ok: false, error: "invalid" });

    const staffP = (await principalForSession(viaRecovery.sessionId, t0))!;
    if (staffP.kind !== "staff") throw new Error();
    expect(await regenerateRecoveryCodes(staffP, codes[1], t0)).toEqual({ ok: false, error: "invalid" }); // a recovery code is not enough
    const fresh = await regenerateRecoveryCodes(staffP, totpCodeForStep(secret, timeStepAt(t0) + 1), t0);
    expect(fresh.ok).toBe(true);
    if (!fresh.ok) return;
    expect(fresh.recoveryCodes).toHaveLength(10);
    expect(await verifySecondFactor(q, codes[1], t0)).toEqual({ ok: false, error: "invalid" });
    expect(await verifySecondFactor(q, fresh.recoveryCodes[0], t0)).toMatchObject({ ok: true, recoveryCodesLeft: 9 });
  });

  it("wrong codes are throttled per session and per account (counted in the database) and audited", async () => {
    const t0 = new Date();
    const { secret } = await enrolled("dpo.e@example.dk", t0);
    const p = await pendingLogin("dpo.e@example.dk", t0);
    const wrong = totpCodeForStep(secret, timeStepAt(t0) - 5);
    for (let i = 0; i < THROTTLE.device.free; i++) expect(await verifySecondFactor(p, wrong, at(t0, i))).toEqual({ ok: false, error: "invalid" });
    const throttled = await verifySecondFactor(p, totpCodeForStep(secret, timeStepAt(t0) + 1), at(t0, 5));
    expect(throttled).toMatchObject({ ok: false, error: "throttled" });
    // Another session of the account: the account's counter holds it back too (a guesser cannot just log in again).
    const q = await pendingLogin("dpo.e@example.dk", t0);
    expect(await verifySecondFactor(q, totpCodeForStep(secret, timeStepAt(t0) + 1), at(t0, 6))).toMatchObject({ ok: false, error: "throttled" });
    // The wait ends by itself (a delay, not a lockout).
    expect(await verifySecondFactor(q, totpCodeForStep(secret, timeStepAt(at(t0, 70))), at(t0, 70))).toMatchObject({ ok: true });
    const staffId = (await db.staffUser.findUniqueOrThrow({ where: { email: "dpo.e@example.dk" }, select: { id: true } })).id;
    const audited = await db.auditEvent.findMany({ where: { actorRef: staffId, action: "second_factor.failed" } });
    expect(audited.length).toBeGreaterThanOrEqual(THROTTLE.device.free + 2);
    expect(await db.loginFailure.count({ where: { key: { startsWith: "2fa:" } } })).toBeGreaterThan(0);
  });

  it("the operator's reset-totp ends every session; the next login sets up anew", async () => {
    const t0 = new Date();
    const { sessionId } = await enrolled("dpo.f@example.dk", t0);
    expect(await principalForSession(sessionId, t0)).not.toBeNull();
    expect(await resetStaffTotp("dpo.f@example.dk", t0)).toEqual({ ok: true });
    expect(await principalForSession(sessionId, t0)).toBeNull();
    expect(await db.staffRecoveryCode.count({ where: { staffUser: { email: "dpo.f@example.dk" } } })).toBe(0);
    expect(await login("dpo.f@example.dk", PASSWORD, null, t0)).toMatchObject({ ok: true, secondFactor: "enrol" });
    expect(await resetStaffTotp("findes.ikke@example.dk")).toEqual({ ok: false, error: "not-found" });
  });

  it("the demo's published secret opens only for the demo dpo (README); codes are the RFC 6238 ones", () => {
    expect(openTotpSecret({ email: DEMO_DPO_EMAIL, totpSecret: DEMO_TOTP_MARKER })).toBe(DEMO_TOTP_SECRET);
    expect(openTotpSecret({ email: "dpo@123multiservice.dk", totpSecret: DEMO_TOTP_MARKER })).toBeNull();
    // RFC 6238 appendix B, SHA-1, T = 59 s: 94287082 (8 digits) → the 6-digit code is its last six.
    const rfcSecret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"; // base32 of "12345678901234567890"
    expect(totpCodeForStep(rfcSecret, 1)).toBe("287082");
    expect(matchTotp(rfcSecret, "287082", new Date(59_000), null)).toBe(1);
    expect(matchTotp(rfcSecret, "287082", new Date(59_000), 1)).toBeNull();
  });
});

describe("a pending session at the doors (issue 8): staff actions and route handlers refuse it", () => {
  it("logoutEverywhereStaffAction and GET /api/konto/eksport treat it as logged out; the code action takes it", async () => {
    await staff("dpo.g@example.dk", "dpo");
    const r = await login("dpo.g@example.dk", PASSWORD, null);
    if (!r.ok) throw new Error();
    const { encode } = await import("next-auth/jwt");
    const { env } = await import("@/lib/env");
    const token = await encode({ token: { sid: r.principal.sessionId, kind: "staff" }, secret: env.NEXTAUTH_SECRET });
    const set: { name: string; value: string; options: Record<string, unknown> }[] = [];
    vi.doMock("next/headers", () => ({
      cookies: async () => ({
        get: (name: string) => (name.endsWith("next-auth.session-token") ? { value: token } : undefined),
        has: () => false,
        set: (name: string, value: string, options: Record<string, unknown>) => void set.push({ name, value, options }),
      }),
      headers: async () => new Headers(),
    }));
    vi.doMock("next/cache", () => ({ revalidatePath: () => undefined }));
    const { logoutEverywhereStaffAction } = await import("@/lib/actions/staff-account");
    expect(await logoutEverywhereStaffAction({})).toEqual({
      ok: false,
      message: "Du er ikke logget ind, eller din session er udløbet. Log ind igen.",
      fieldErrors: {},
    });
    const { GET } = await import("@/app/api/konto/eksport/route");
    const res = await GET();
    expect(res.status).toBe(401);
    const { confirmTotpEnrolmentAction } = await import("@/lib/actions/second-factor");
    expect(await confirmTotpEnrolmentAction({ code: "123456" })).toMatchObject({
      ok: false,
      fieldErrors: { code: ["Opsætningen er ikke startet. Åbn siden igen."] },
    });
    expect(await principalForSession(r.principal.sessionId)).toBeNull();

    // Set up through the action, then a later login with the code: a new session and a new cookie (ASVS 7.2.4).
    const setup = (await totpSetup((await pendingSecondFactorForSession(r.principal.sessionId))!))!;
    const now = new Date();
    const done = await confirmTotpEnrolmentAction({ code: totpCodeForStep(setup.secret, timeStepAt(now) - 1) });
    expect(done).toMatchObject({ ok: true, data: { recoveryCodes: expect.any(Array) } });
    expect(set).toHaveLength(0);
    await db.authSession.update({ where: { id: r.principal.sessionId }, data: { secondFactorAt: null } }); // as if a new login
    const { verifySecondFactorAction } = await import("@/lib/actions/second-factor");
    expect(await verifySecondFactorAction({ code: totpCodeForStep(setup.secret, timeStepAt(now) + 1) })).toMatchObject({ ok: true });
    expect(set).toHaveLength(1);
    expect(set[0].options).toMatchObject({ httpOnly: true, sameSite: "lax", path: "/" });
    const { decodeSessionToken } = await import("@/lib/dal/session");
    const sid = (await decodeSessionToken(set[0].value))?.sid as string;
    expect(sid).not.toBe(r.principal.sessionId);
    expect(await principalForSession(sid)).toMatchObject({ kind: "staff", role: "dpo" });
    expect(await sessionState(r.principal.sessionId)).toBeNull();
  });
});

describe("npm run demo:totp (issue 8)", () => {
  it("prints the code only for the demo dpo made by the demo seed, and refuses a real account of the same address", async () => {
    const { spawnSync } = await import("node:child_process");
    const run = () =>
      spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "prisma/demo-totp.ts"], { encoding: "utf8", env: process.env, timeout: 60_000 });
    const none = run();
    expect(none.status).toBe(1);
    await db.staffUser.create({
      data: { email: DEMO_DPO_EMAIL, name: "Pia Holmgård", role: "dpo", passwordHash: "x", totpSecret: DEMO_TOTP_MARKER, totpEnrolledAt: new Date() },
    });
    const demo = run();
    expect(demo.status, demo.stderr).toBe(0);
    const code = /^(\d{6}) /.exec(demo.stdout)?.[1];
    expect(code && matchTotp(DEMO_TOTP_SECRET, code, new Date(), null)).not.toBeNull();
    const { sealTotpSecret } = await import("@/lib/dal/second-factor");
    await db.staffUser.update({ where: { email: DEMO_DPO_EMAIL }, data: { totpSecret: sealTotpSecret("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP") } });
    const real = run();
    expect(real.status).toBe(1);
    expect(real.stdout).toBe("");
    expect(real.stderr).toMatch(/ikke demoens dpo/);
  }, 60_000);
});
