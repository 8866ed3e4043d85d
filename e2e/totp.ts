// Issue 8 (ASVS 6.3.3): the e2e tests log staff in with the second factor, computing the TOTP code from a secret they
// know: the demo dpo's published one (lib/auth/totp.ts DEMO_TOTP_SECRET), or one a test read from the set-up page.
//
// The server accepts a time step once per account (replay protection, RFC 6238 5.2) and one step either side of its
// own. So each code this process sends for an account is for a later step than the last one it sent: the previous
// step (when the current one has more than 5 s left, so it is still inside the window when it arrives), the current
// one, the next; else it waits for the clock (at most 30 s, only when one account logs in more than three times in
// 30 s, and the test's timeout is extended by the wait). Nothing is relaxed on the server for tests. Should another
// process have used a step already (the server refuses the code), the helpers wait for a new step and try once more.
import { test } from "@playwright/test";
import { DEMO_TOTP_SECRET, TOTP_PERIOD_SECONDS, timeStepAt, totpCodeForStep } from "../lib/auth/totp";

const SECRETS = new Map<string, string>([["personale@example.dk", DEMO_TOTP_SECRET]]);
const lastStep = new Map<string, number>();

export function rememberTotpSecret(email: string, secret: string): void {
  SECRETS.set(email, secret.replace(/\s/g, ""));
}

export function knownTotpSecret(email: string): string | undefined {
  return SECRETS.get(email);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

/** A code for a step after every step this process has used for the account (waits for the clock if needed). */
export async function freshTotpCode(email: string, secret = SECRETS.get(email)): Promise<string> {
  if (!secret) throw new Error(`no TOTP secret known for ${email}`);
  for (;;) {
    const ms = Date.now();
    const now = timeStepAt(new Date(ms));
    const leftInStep = (now + 1) * TOTP_PERIOD_SECONDS * 1000 - ms;
    const step = Math.max(leftInStep > 5_000 ? now - 1 : now, (lastStep.get(email) ?? -Infinity) + 1);
    if (step <= now + 1) {
      lastStep.set(email, step);
      return totpCodeForStep(secret, step);
    }
    const wait = (step - 1) * TOTP_PERIOD_SECONDS * 1000 - ms + 100;
    try {
      test.info().setTimeout(test.info().timeout + wait);
    } catch {
      // outside a test (a hook): its own timeout applies
    }
    await sleep(wait);
  }
}

/** After a refusal: the next code must be for a step the server cannot have seen yet. */
export async function skipToNextStep(email: string): Promise<void> {
  const now = timeStepAt(new Date());
  lastStep.set(email, Math.max(lastStep.get(email) ?? -Infinity, now + 1));
}
