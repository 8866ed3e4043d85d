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
    .poll(async () => {
      found = (await arrivedMail()).find(pred);
      return Boolean(found);
    }, { timeout: timeoutMs })
    .toBe(true);
  return found!;
}
