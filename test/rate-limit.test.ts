import { describe, expect, it } from "vitest";
import { consumeRate, peekRate } from "@/lib/dal/rate-limit";

describe("database rate limiter", () => {
  const limit = { max: 3, windowMs: 60_000 };
  it("admits max uses per window, then refuses with the time to retry, and frees again", async () => {
    const t0 = new Date("2026-11-25T12:00:00Z");
    for (let i = 0; i < 3; i++) expect((await consumeRate("k1", limit, new Date(t0.getTime() + i))).ok).toBe(true);
    const refused = await consumeRate("k1", limit, new Date(t0.getTime() + 10));
    expect(refused).toEqual({ ok: false, retryAt: new Date(t0.getTime() + 60_000) });
    expect((await peekRate("k1", limit, new Date(t0.getTime() + 20))).ok).toBe(false);
    expect((await consumeRate("k1", limit, new Date(t0.getTime() + 60_001))).ok).toBe(true);
  });

  it("concurrent uses never exceed the limit", async () => {
    const results = await Promise.all(Array.from({ length: 30 }, () => consumeRate("k2", limit)));
    expect(results.filter((r) => r.ok).length).toBeLessThanOrEqual(3);
    expect(results.filter((r) => r.ok).length).toBeGreaterThanOrEqual(1);
  });
});
