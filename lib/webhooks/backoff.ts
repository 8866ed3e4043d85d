// Retry schedule for webhook deliveries (issue 9): exponential from 30 seconds, capped at 6 hours per wait,
// with ±20 % jitter so that many failed deliveries do not all return at once; after 7 days without success
// the delivery is marked failed and stands out for the dpo (who can retry it or mark it handled by hand).
export const FIRST_RETRY_MS = 30_000;
export const MAX_WAIT_MS = 6 * 60 * 60_000;
export const GIVE_UP_AFTER_MS = 7 * 24 * 60 * 60_000;

export function retryDelayMs(attempts: number, random: () => number = Math.random): number {
  const base = Math.min(MAX_WAIT_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (0.8 + 0.4 * random()));
}
