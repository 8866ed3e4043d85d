// Issue 8, "Staff accounts": staff change their own password (ASVS 6.2.3, 6.2.4) and every session ends (7.4.3).
import { describe, expect, it } from "vitest";
import { db } from "@/lib/dal/db";
import { login, principalForSession, revokeAllSessions, type Principal } from "@/lib/dal/auth";
import { changeStaffPassword } from "@/lib/dal/staff-accounts";
import { hashPassword } from "@/lib/auth/password";

async function staffWithSession(email: string, name: string, password: string) {
  await db.staffUser.create({ data: { email, name, role: "support", passwordHash: await hashPassword(password) } });
  const r = await login(email, password, null);
  if (!r.ok) throw new Error("login failed");
  return r.principal as Extract<Principal, { kind: "staff" }>;
}

describe("staff password change (issue 8)", () => {
  it("needs the current password, refuses the account's own words, then ends every session and the old password", async () => {
    const s = await staffWithSession("mette.lund@example.dk", "Mette Lund", "gammel lang sætning 1");
    const other = await login("mette.lund@example.dk", "gammel lang sætning 1", null);
    expect(other.ok).toBe(true);
    expect(await changeStaffPassword(s, "forkert", "en helt ny sætning 42")).toEqual({ ok: false, error: "wrong-password" });
    expect(await changeStaffPassword(s, "gammel lang sætning 1", "MetteLund2026")).toMatchObject({ ok: false, error: "weak-password" });
    expect(await principalForSession(s.sessionId)).not.toBeNull();
    expect(await changeStaffPassword(s, "gammel lang sætning 1", "en helt ny sætning 42")).toEqual({ ok: true });
    expect(await principalForSession(s.sessionId)).toBeNull();
    if (other.ok) expect(await principalForSession(other.principal.sessionId)).toBeNull();
    expect((await login("mette.lund@example.dk", "gammel lang sætning 1", null)).ok).toBe(false);
    expect((await login("mette.lund@example.dk", "en helt ny sætning 42", null)).ok).toBe(true);
  });

  it("'Log ud på alle enheder' ends every session of that member of staff only", async () => {
    const a = await staffWithSession("a.staff@example.dk", "Anna Berg", "anna lang sætning 7");
    const b = await staffWithSession("b.staff@example.dk", "Bo Dahl", "bo lang sætning 8");
    expect(await revokeAllSessions(a)).toBe(1);
    expect(await principalForSession(a.sessionId)).toBeNull();
    expect(await principalForSession(b.sessionId)).not.toBeNull();
  });
});
