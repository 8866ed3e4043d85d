import { describe, expect, it } from "vitest";
import { addDanishYears, danishWallClock, danishWallClockIntl, fromDanishWallClock } from "@/lib/policy/danish-time";

// The Danish wall clock from an offset kept per UTC hour (issue 13.3) reads the same as Intl's formatToParts,
// around the DST changes too (5.1–5.3 count on the Danish calendar).
describe("danish wall clock", () => {
  it("equals Intl's reading at random instants and around every DST change 2020–2040", () => {
    const instants: number[] = [];
    let seed = 7;
    const rnd = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 3000; i++) instants.push(Date.UTC(1990, 0, 1) + Math.floor(rnd() * 60 * 365 * 86_400_000));
    for (let y = 2020; y <= 2040; y++)
      for (const m of [2, 9])
        // the last Sundays of March and October, minute by minute around 01:00 UTC
        for (let d = 24; d <= 31; d++) for (let min = -90; min <= 90; min += 7) instants.push(Date.UTC(y, m, d, 1, min, 13, 250));
    instants.push(Date.UTC(1899, 11, 31, 23, 30), Date.UTC(1850, 5, 1));
    for (const t of instants) expect(danishWallClock(new Date(t)), new Date(t).toISOString()).toEqual(danishWallClockIntl(new Date(t)));
  });

  it("keeps the conversions' results: summer and winter, the spring gap and 29 February", () => {
    expect(fromDanishWallClock(2026, 7, 1).toISOString()).toBe("2026-06-30T22:00:00.000Z");
    expect(fromDanishWallClock(2026, 1, 1).toISOString()).toBe("2025-12-31T23:00:00.000Z");
    expect(fromDanishWallClock(2026, 3, 29, 2, 30).toISOString()).toBe("2026-03-29T01:30:00.000Z"); // in the gap: forward
    expect(addDanishYears(new Date("2024-02-29T10:00:00Z"), 5).toISOString()).toBe("2029-03-01T10:00:00.000Z");
    expect(addDanishYears(new Date("2025-12-31T23:30:00Z"), 5).toISOString()).toBe("2030-12-31T23:30:00.000Z");
  });
});
