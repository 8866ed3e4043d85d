import { describe, expect, it } from "vitest";
import { checkNewPassword, PASSWORD_MESSAGES } from "@/lib/auth/password-rules";
import { BREACHED_PASSWORDS } from "@/lib/auth/breached-passwords";

// Issue 11 item 7 / ASVS 6.2.4 (breached and context-specific words), 6.2.1 (length).
const now = new Date("2026-11-25T12:00:00Z");
const karen = { email: "karen.hansen@example.dk", name: "Karen Hansen", now };

describe("checkNewPassword (ASVS 6.2.4, issue 11 item 7)", () => {
  it("ships at least 10,000 breached passwords, lower-cased and unique", () => {
    expect(BREACHED_PASSWORDS.length).toBeGreaterThanOrEqual(10_000);
    expect(new Set(BREACHED_PASSWORDS).size).toBe(BREACHED_PASSWORDS.length);
    expect(BREACHED_PASSWORDS.every((p) => p === p.toLowerCase())).toBe(true);
  });

  it("refuses what the attack got accepted: Sommer2026, Danmark2026, aaaaaaaa, 123456789012, 123multiservice1, the own e-mail", () => {
    for (const p of ["Sommer2026", "Danmark2026", "aaaaaaaa", "123456789012", "123multiservice1", "karen.hansen@example.dk"]) {
      expect(checkNewPassword(p, karen), p).not.toBeNull();
    }
  });

  it("checks the breached list case-insensitively, also with decoration around a listed word", () => {
    // Entries from deep in the list, not only the top.
    const deep = BREACHED_PASSWORDS.filter((p) => p.length >= 8 && /^[a-z]+$/.test(p)).slice(3000, 3005);
    for (const p of deep) {
      expect(checkNewPassword(p.toUpperCase(), { now }), p).toBe(PASSWORD_MESSAGES.breached);
      expect(checkNewPassword(p[0].toUpperCase() + p.slice(1) + "2026!", { now }), p).toBe(PASSWORD_MESSAGES.breached);
    }
    expect(checkNewPassword("P@ssw0rd1", { now })).toBe(PASSWORD_MESSAGES.breached);
    expect(checkNewPassword("Vinter2027", { now })).toBe(PASSWORD_MESSAGES.breached);
  });

  it("refuses the account's own words, the shop's name and the current/next year", () => {
    expect(checkNewPassword("karen.hansen", karen)).toBe(PASSWORD_MESSAGES.context);
    expect(checkNewPassword("KarenHansen2026", karen)).toBe(PASSWORD_MESSAGES.context);
    expect(checkNewPassword("hansen2027!", karen)).toBe(PASSWORD_MESSAGES.context);
    expect(checkNewPassword("Multiservice2026", { now })).not.toBeNull();
    expect(checkNewPassword("123Multiservice!", { now })).not.toBeNull();
    // Without the context the same name is only a name: accepted when it is long enough and not on the list.
    expect(checkNewPassword("hansen2027!", { now })).toBeNull();
  });

  it("refuses repetitions and sequences", () => {
    for (const p of ["abcabcabc", "qwertyuiop", "09876543210", "ababababab", "zaq1xsw2cde3", "1qaz2wsx3edc"]) {
      expect(checkNewPassword(p, { now }), p).not.toBeNull();
    }
  });

  it("accepts passphrases and random passwords, Danish letters included", () => {
    for (const p of ["korrekt hest batteri hæfteklamme", "rødgrød med fløde 7", "Tx9#mQ2v!Lp4", "839201746152", "karen-elsker-ærter-og-kål"]) {
      expect(checkNewPassword(p, karen), p).toBeNull();
    }
  });

  it("keeps the length rules (8–128 characters)", () => {
    expect(checkNewPassword("Tx9#mQ2", { now })).toBe(PASSWORD_MESSAGES.tooShort);
    expect(checkNewPassword("Tx9#mQ2v".repeat(17), { now })).toBe(PASSWORD_MESSAGES.tooLong);
  });
});
