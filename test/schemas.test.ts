import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { $ZodType } from "zod/v4/core";
import { safeParse } from "zod/v4/core";
import { changePasswordSchema } from "@/lib/validation/auth";
import { loginSchema } from "@/lib/validation/login";
import { EMAIL_PATTERN, emailField } from "@/lib/validation/email";
import { newPasswordField } from "@/lib/validation/password-fields";
import { email, regexes } from "zod/mini";
import { profileSchema } from "@/lib/validation/profile";
import { changeEmailSchema } from "@/lib/validation/email-change";
import { confirmEmailSchema, requestLinkSchema, setPasswordSchema } from "@/lib/validation/account-links";
import { newsletterSchema, unsubscribeNotificationSchema, reasonSchema, emptySchema } from "@/lib/validation/consent";
import { startErasureSchema, requestIdSchema } from "@/lib/validation/erasure";
import { recordSignatureSchema, executeErasureSchema, resolveRequestSchema, invoiceSearchSchema } from "@/lib/validation/staff";
import { isPlainActionForm, isPlainActionReply } from "@/lib/security/action-body";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { checkNewPassword, PASSWORD_MESSAGES } from "@/lib/auth/password-rules";

// Issue 5, item 6 (ASVS 15.3.3) and item 5 (ASVS 6.2, 11.4.2), at the schema level.

const SCHEMAS: Record<string, { schema: $ZodType; valid: Record<string, unknown> }> = {
  login: { schema: loginSchema, valid: { email: "a@example.dk", password: "x" } },
  changePassword: {
    schema: changePasswordSchema,
    valid: { currentPassword: "gammel-kode-1", newPassword: "ny-god-kode-22", confirmPassword: "ny-god-kode-22" },
  },
  profile: {
    schema: profileSchema,
    valid: { name: "Åse Ø", street: "Ågade 1", postalCode: "6400", city: "Sønderborg", country: "DK", phone: "", version: 0 },
  },
  changeEmail: { schema: changeEmailSchema, valid: { email: "a@example.dk", currentPassword: "x" } },
  newsletter: { schema: newsletterSchema, valid: { subscribe: true } },
  unsubscribe: { schema: unsubscribeNotificationSchema, valid: { id: "abc" } },
  reason: { schema: reasonSchema, valid: { reason: "En god begrundelse her" } },
  empty: { schema: emptySchema, valid: {} },
  startErasure: { schema: startErasureSchema, valid: { understood: true } },
  requestId: { schema: requestIdSchema, valid: { id: "abc" } },
  recordSignature: { schema: recordSignatureSchema, valid: { requestId: "abc", code: "ABCD-EF23", confirmSigned: true } },
  executeErasure: { schema: executeErasureSchema, valid: { requestId: "abc" } },
  resolveRequest: { schema: resolveRequestSchema, valid: { requestId: "abc", decision: "completed", resolution: "Fint nok" } },
  invoiceSearch: { schema: invoiceSearchSchema, valid: { q: "F-50001" } },
  requestLink: { schema: requestLinkSchema, valid: { email: "a@example.dk" } },
  setPassword: { schema: setPasswordSchema, valid: { token: "A".repeat(43), newPassword: "ny-god-kode-22", confirmPassword: "ny-god-kode-22" } },
  confirmEmail: { schema: confirmEmailSchema, valid: { token: "A".repeat(43) } },
};

// Issue 11, item 10: prototype keys are unknown keys like any other, in the schemas (as JSON.parse makes them:
// own properties) and over HTTP (React's decoder drops "__proto__" silently, so proxy.ts refuses the body).
describe("__proto__, constructor and prototype keys are refused (issue 11.10)", () => {
  for (const [name, { schema, valid }] of Object.entries(SCHEMAS)) {
    it(`${name}`, () => {
      for (const key of ["__proto__", "constructor", "prototype"]) {
        const raw = JSON.parse(`{${JSON.stringify(key)}:{"isStaff":true,"role":"dpo"}}`) as Record<string, unknown>;
        const r = safeParse(schema, Object.assign(raw, valid));
        expect(r.success, `${name} accepted ${key}`).toBe(false);
        expect(r.error?.issues.some((i) => i.code === "unrecognized_keys" || String(i.path[0]) === key)).toBe(true);
        expect(isPlainActionReply(JSON.stringify([raw]))).toBe(false);
      }
    });
  }
  it("the body check refuses them at any depth and in multipart forms", () => {
    expect(isPlainActionReply(`[{"subscribe":true,"__proto__":{"isStaff":true}}]`)).toBe(false);
    expect(isPlainActionReply(`[{"a":{"b":[{"constructor":{"prototype":1}}]}}]`)).toBe(false);
    expect(isPlainActionReply(`[{"subscribe":true,"proto":1}]`)).toBe(true);
    const form = new FormData();
    form.append("__proto__", "x");
    expect(isPlainActionForm(form)).toBe(false);
  });
});

// Issue 11, item 10: bidi controls ("Trojan Source") are stripped from every free-text field.
describe("bidi control characters are stripped from free text (issue 11.10)", () => {
  const controls = ["\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069", "\u200E", "\u200F", "\u061C"].map(
    (c) => JSON.parse(`"${c}"`) as string,
  );
  it("from a reason (4.6.1, 4.8.1), the staff resolution and the profile's name, street and city", () => {
    for (const c of controls) {
      const reason = reasonSchema.parse({ reason: `${c}Jeg gør indsigelse${c} mod det${c}` });
      expect(reason.reason).toBe("Jeg gør indsigelse mod det");
      const resolved = resolveRequestSchema.parse({ requestId: "abc", decision: "rejected", resolution: `${c}Afvist, se brev${c}` });
      expect(resolved.resolution).toBe("Afvist, se brev");
      const profile = profileSchema.parse({ ...SCHEMAS.profile.valid, name: `Karen${c} Jensen`, street: `${c}Ågade 1`, city: `Sønderborg${c}` });
      expect([profile.name, profile.street, profile.city]).toEqual(["Karen Jensen", "Ågade 1", "Sønderborg"]);
    }
  });
  it("a value of nothing but controls is empty, not accepted", () => {
    expect(reasonSchema.safeParse({ reason: controls.join("").repeat(2) }).success).toBe(false);
    expect(profileSchema.safeParse({ ...SCHEMAS.profile.valid, name: "\u202E\u2066" }).success).toBe(false);
  });
});

describe("every action schema is strict (mass assignment)", () => {
  for (const [name, { schema, valid }] of Object.entries(SCHEMAS)) {
    it(`${name}: the valid input passes; customerId, role and email (where not a field) are refused`, () => {
      expect(safeParse(schema, valid).success).toBe(true);
      for (const extra of ["customerId", "role", "email", "isStaff", "__proto__x"]) {
        if (extra in valid) continue;
        const r = safeParse(schema, { ...valid, [extra]: "x" });
        expect(r.success, `${name} accepted ${extra}`).toBe(false);
      }
    });

    it(`${name}: 1,000 generated inputs never throw, and every refusal names a field or the form`, () => {
      const arb = fc.oneof(
        fc.anything(),
        fc.record(Object.fromEntries(Object.keys(valid).map((k) => [k, fc.anything()])), { requiredKeys: [] }),
        fc.dictionary(fc.string(), fc.jsonValue()),
      );
      fc.assert(
        fc.property(arb, (input) => {
          const r = safeParse(schema, input);
          if (!r.success) expect(r.error.issues.length).toBeGreaterThan(0);
        }),
        { numRuns: 1000 },
      );
    });
  }
});

describe("profile rules (4.4)", () => {
  const base = SCHEMAS.profile.valid;
  it("reports every invalid field at once, in Danish", () => {
    const r = profileSchema.safeParse({ ...base, name: "", postalCode: "12", phone: "123" });
    expect(r.success).toBe(false);
    const fields = new Set(r.error!.issues.map((i) => i.path[0]));
    expect([...fields].sort()).toEqual(["name", "phone", "postalCode"]);
    expect(r.error!.issues.find((i) => i.path[0] === "postalCode")!.message).toBe("Et dansk postnummer er 4 cifre");
    // The checks across fields answer beside a field's own; an empty field gets one message.
    const across = profileSchema.safeParse({ ...base, city: "", postalCode: "12", country: "XX", version: 1.5 });
    expect(across.error!.issues.map((i) => [i.path[0], i.message]).sort()).toEqual([
      ["city", "Skriv by"],
      ["country", "Vælg et land fra listen"],
      ["version", "Genindlæs siden og prøv igen"],
    ]);
  });
  it("the e-mail change: the address (one message when empty) and the current password", () => {
    expect(changeEmailSchema.safeParse({ email: " ", currentPassword: "" }).error!.issues.map((i) => [i.path[0], i.message])).toEqual([
      ["email", "Skriv din e-mailadresse"],
      ["currentPassword", "Skriv din nuværende adgangskode"],
    ]);
    expect(changeEmailSchema.safeParse({ email: "x".repeat(250) + "@eksempel.dk", currentPassword: "x" }).error!.issues.map((i) => i.message)).toEqual([
      "E-mailadressen er for lang",
    ]);
    expect(changeEmailSchema.parse({ email: " Ny@Eksempel.DK ", currentPassword: "x" })).toEqual({ email: "ny@eksempel.dk", currentPassword: "x" });
    expect(profileSchema.safeParse({ ...base, email: "a@example.dk" }).success).toBe(false); // not the profile's any more
  });
  it("Danish phone numbers: 8 digits with optional +45, stored with +45", () => {
    expect(profileSchema.parse({ ...base, phone: "21 43 65 87" }).phone).toBe("+4521436587");
    expect(profileSchema.parse({ ...base, phone: "+45 21436587" }).phone).toBe("+4521436587");
    expect(profileSchema.safeParse({ ...base, phone: "2143658" }).success).toBe(false);
  });
  it("abroad: sensible rules (Swedish postal code with a space, international phone)", () => {
    expect(profileSchema.safeParse({ ...base, country: "SE", postalCode: "114 55", phone: "+46 70 123 45 67" }).success).toBe(true);
    expect(profileSchema.safeParse({ ...base, country: "XX" }).success).toBe(false);
  });
  it("too long and markup are refused", () => {
    expect(profileSchema.safeParse({ ...base, name: "a".repeat(101) }).success).toBe(false);
    expect(profileSchema.safeParse({ ...base, street: "<script>" }).success).toBe(false);
  });
});

describe("passwords (ASVS 6.2.1–6.2.4, 11.4.2)", () => {
  it("at least 8 characters, at least 64 accepted, at most 128", () => {
    expect(newPasswordField.safeParse("kort-12").success).toBe(false);
    expect(newPasswordField.safeParse("otte-tgn").success).toBe(true);
    expect(newPasswordField.safeParse("æ".repeat(64)).success).toBe(true);
    expect(newPasswordField.safeParse("x".repeat(128)).success).toBe(true);
    expect(newPasswordField.safeParse("x".repeat(129)).success).toBe(false);
  });
  it("the most common passwords are refused by the server's one list, not by a shorter copy in the schema", () => {
    for (const p of ["password1", "12345678", "Qwerty123", "kodeord123", "adgangskode"]) {
      expect(newPasswordField.safeParse(p).success, p).toBe(true);
      expect(checkNewPassword(p), p).toBe(PASSWORD_MESSAGES.breached);
    }
  });
  it("are stored with argon2id and verified, with no 72-byte cut", async () => {
    const long = "a".repeat(80);
    const hash = await hashPassword(long);
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, long)).toBe(true);
    expect(await verifyPassword(hash, "a".repeat(72) + "b".repeat(8))).toBe(false);
    expect(await verifyPassword("not-a-hash", long)).toBe(false);
  });
});

describe("server-action bodies (proxy.ts)", () => {
  it("accepts what the browser sends and refuses unescaped references", () => {
    expect(isPlainActionReply('[{"subscribe":true}]')).toBe(true);
    expect(isPlainActionReply("[]")).toBe(true);
    expect(isPlainActionReply('[{"street":"$$ pris"}]')).toBe(true);
    expect(isPlainActionReply('[{"street":"$"}]')).toBe(false);
    expect(isPlainActionReply('[{"$@1":1}]')).toBe(false);
    expect(isPlainActionReply('["$Q1"]')).toBe(false);
    expect(isPlainActionReply("[1,2]")).toBe(false);
    expect(isPlainActionReply("ikke json")).toBe(false);
  });
});

describe("the forms' lazily loaded schemas (issue 12)", () => {
  it("the e-mail field checks zod's own e-mail pattern, copied as a literal (lib/validation/login.ts)", () => {
    expect(EMAIL_PATTERN.source).toBe(regexes.email.source);
    expect(EMAIL_PATTERN.flags).toBe(regexes.email.flags);
    for (const [value, ok] of [
      ["navn@eksempel.dk", true],
      [" Navn@Eksempel.DK ", true],
      ["navn@eksempel", false],
      [".navn@eksempel.dk", false],
      ["", false],
    ] as const) {
      expect(emailField.safeParse(value).success, value).toBe(ok);
      expect(email().safeParse(value.trim()).success, value).toBe(ok);
    }
    expect(emailField.parse(" Navn@Eksempel.DK ")).toBe("navn@eksempel.dk");
    // An empty address gets one message, not a second about its format.
    expect(emailField.safeParse("   ").error?.issues.map((i) => i.message)).toEqual(["Skriv din e-mailadresse"]);
  });

  it("are the very schemas the server actions parse with, and answer through Standard Schema as safeParse does", async () => {
    const client = {
      ...(await import("@/lib/validation/client/login.bundle")),
      ...(await import("@/lib/validation/client/profile.bundle")),
      ...(await import("@/lib/validation/client/password.bundle")),
      ...(await import("@/lib/validation/client/credentials.bundle")),
      ...(await import("@/lib/validation/client/consent.bundle")),
      ...(await import("@/lib/validation/client/erasure.bundle")),
      ...(await import("@/lib/validation/client/links.bundle")),
    };
    expect(client.loginSchema).toBe(loginSchema);
    expect(client.profileSchema).toBe(profileSchema);
    expect(client.changePasswordSchema).toBe(changePasswordSchema);
    expect(client.changeEmailSchema).toBe(changeEmailSchema);
    expect(client.reasonSchema).toBe(reasonSchema);
    expect(client.startErasureSchema).toBe(startErasureSchema);
    expect(client.requestLinkSchema).toBe(requestLinkSchema);
    expect(client.setPasswordSchema).toBe(setPasswordSchema);
    // components/use-schema-form.ts validates through `~standard` (no zod import in the hook): same verdicts.
    for (const value of [{ email: "ikke-en-email", password: "" }, { email: " Navn@Eksempel.DK ", password: "x" }, { email: 1 }]) {
      const viaStandard = await loginSchema["~standard"].validate(value);
      const direct = safeParse(loginSchema, value);
      expect(viaStandard.issues?.map((i) => i.message)).toEqual(direct.success ? undefined : direct.error.issues.map((i) => i.message));
      if (direct.success) expect("value" in viaStandard && viaStandard.value).toEqual(direct.data);
    }
  });
});
