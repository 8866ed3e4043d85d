// What arrived at the e2e run's SMTP server (e2e/global-setup.ts), oldest first.
import { readdir, readFile } from "node:fs/promises";
import { expect } from "@playwright/test";
import { E2E_MAIL_DIR } from "./ports";

export interface ArrivedMail {
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  receivedAt: string;
}

export async function arrivedMail(): Promise<ArrivedMail[]> {
  const files = (await readdir(E2E_MAIL_DIR).catch(() => [] as string[])).sort();
  return Promise.all(files.map(async (f) => JSON.parse(await readFile(`${E2E_MAIL_DIR}/${f}`, "utf8")) as ArrivedMail));
}

/** Waits (the mail queue delivers in the background) for a message that matches. */
export async function waitForMail(pred: (m: ArrivedMail) => boolean, timeoutMs = 15_000): Promise<ArrivedMail> {
  let found: ArrivedMail | undefined;
  await expect
    .poll(
      async () => {
        found = (await arrivedMail()).find(pred);
        return Boolean(found);
      },
      { timeout: timeoutMs },
    )
    .toBe(true);
  return found!;
}

/**
 * Waits for a message to `to` that arrived at or after `since` (taken just before the action) and matches `pred`.
 * Other specs in the same run (e.g. the authorisation matrix) send mail to the same demo customers; this ignores theirs.
 */
export async function waitForMailTo(to: string, since: Date, pred: (m: ArrivedMail) => boolean = () => true, timeoutMs = 15_000): Promise<ArrivedMail> {
  // The SMTP server stamps receivedAt on this machine; a second's slack keeps a mail sent in the same instant.
  const from = since.getTime() - 1000;
  return waitForMail((m) => m.to.some((a) => a.toLowerCase() === to.toLowerCase()) && Date.parse(m.receivedAt) >= from && pred(m), timeoutMs);
}
