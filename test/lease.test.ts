import { describe, expect, it } from "vitest";
import { tryAcquireLease, releaseLease, withLease, lastRunOf } from "@/lib/dal/lease";

// Issue 12: background jobs run in one instance at a time.
describe("job lease", () => {
  it("one holder at a time; an expired lease passes to another; release lets the next in at once", async () => {
    const t0 = new Date("2026-11-25T12:00:00Z");
    expect(await tryAcquireLease("t1", 60_000, "a", t0)).toBe(true);
    expect(await tryAcquireLease("t1", 60_000, "b", t0)).toBe(false);
    expect(await tryAcquireLease("t1", 60_000, "a", t0)).toBe(true); // renew
    expect(await tryAcquireLease("t1", 60_000, "b", new Date(t0.getTime() + 61_000))).toBe(true); // a crashed
    expect(await tryAcquireLease("t1", 60_000, "a", new Date(t0.getTime() + 62_000))).toBe(false);
    await releaseLease("t1", "b");
    expect(await tryAcquireLease("t1", 60_000, "a", new Date(t0.getTime() + 63_000))).toBe(true);
  });

  it("concurrent takers: exactly one wins", async () => {
    const wins = await Promise.all(Array.from({ length: 20 }, (_, i) => tryAcquireLease("t2", 60_000, `h${i}`)));
    expect(wins.filter(Boolean)).toHaveLength(1);
  });

  it("withLease runs the job once, records when it finished, and skips while another holds it", async () => {
    expect(await lastRunOf("t3")).toBeNull();
    expect(await tryAcquireLease("t3", 60_000, "other")).toBe(true);
    expect(await withLease("t3", 60_000, async () => 1, "me")).toEqual({ ran: false });
    await releaseLease("t3", "other");
    expect(await withLease("t3", 60_000, async () => 2, "me")).toEqual({ ran: true, result: 2 });
    expect(await lastRunOf("t3")).toBeInstanceOf(Date);
  });
});
