// Issue 11 item 6: a cap on argon2 work in this process, overall and per client address. Password hashing is
// the expensive part of a login (19 MiB, two passes); 400 concurrent anonymous logins made every page slow.
// At most GLOBAL_CONCURRENCY hashes run at once, at most GLOBAL_QUEUE wait; one client address may have at most
// PER_ADDRESS in flight (running or waiting). Beyond that the attempt is refused at once, before any hashing,
// and nothing is counted against the account. The database counters (lib/dal/auth.ts) cap the work across
// instances; this cap keeps one instance responsive.

/** Mutable only so that a unit test can widen it; nothing else changes it. */
export const WORK_LIMIT: { concurrency: number; queue: number; perAddress: number } = { concurrency: 2, queue: 32, perAddress: 4 };

let running = 0;
const waiting: (() => void)[] = [];
const perAddress = new Map<string, number>();

export class PasswordWorkBusy extends Error {
  constructor() {
    super("password work busy");
  }
}

/** Runs `work` under the caps, or throws PasswordWorkBusy without running it. */
export async function withPasswordWork<T>(addressKey: string | null, work: () => Promise<T>): Promise<T> {
  if (running + waiting.length >= WORK_LIMIT.concurrency + WORK_LIMIT.queue) throw new PasswordWorkBusy();
  if (addressKey && (perAddress.get(addressKey) ?? 0) >= WORK_LIMIT.perAddress) throw new PasswordWorkBusy();
  if (addressKey) perAddress.set(addressKey, (perAddress.get(addressKey) ?? 0) + 1);
  try {
    if (running >= WORK_LIMIT.concurrency) await new Promise<void>((resolve) => waiting.push(resolve));
    else running++;
    try {
      return await work();
    } finally {
      const next = waiting.shift();
      if (next)
        next(); // the slot passes on; `running` stays the same
      else running--;
    }
  } finally {
    if (addressKey) {
      const n = (perAddress.get(addressKey) ?? 1) - 1;
      if (n <= 0) perAddress.delete(addressKey);
      else perAddress.set(addressKey, n);
    }
  }
}

/** For tests: what is in flight now. */
export function passwordWorkInFlight(): { running: number; waiting: number } {
  return { running, waiting: waiting.length };
}
