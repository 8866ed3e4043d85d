import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "@/lib/auth/callback-url";

describe("the destination after login", () => {
  it("keeps local paths and sends everything else to /konto (no open redirect)", () => {
    expect(safeCallbackUrl("/konto/oplysninger")).toBe("/konto/oplysninger");
    expect(safeCallbackUrl("/personale?x=1")).toBe("/personale?x=1");
    for (const bad of [null, undefined, "", "https://ond.example", "//ond.example", "/\\ond.example", "javascript:alert(1)", "/\nx"]) {
      expect(safeCallbackUrl(bad)).toBe("/konto");
    }
  });
});
