import { createHash } from "node:crypto";

/**
 * A fixed piece of pure CPU work (300,000 chained SHA-256 digests and a 50-million-step integer loop), timed: how fast
 * this host is right now. Its speed moved by up to 30 % within an hour on 2026-12-07, and every figure of
 * `npm run bench` with it; the reference, printed at the start and the end of a run, says how fast the host was.
 * About 0.6 s on this project's machine on a normal day.
 */
export function cpuReferenceMs(): number {
  const t0 = performance.now();
  let h = Buffer.alloc(32);
  for (let i = 0; i < 300_000; i++) h = createHash("sha256").update(h).digest();
  let x = 0;
  for (let i = 0; i < 50_000_000; i++) x = (x * 31 + i) % 1_000_003;
  if (x < 0 || h.length !== 32) throw new Error("unreachable");
  return Math.round(performance.now() - t0);
}
