// The e2e server is a configured deployment (issue 8): its mail goes over SMTP to this real SMTP server,
// started in Playwright's runner process for the whole run. Each message that arrives is written as JSON to
// data/e2e-mail/ for the specs to read (e2e/mail.ts).
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { startSmtpSink } from "../test/support/smtp-sink";
import { E2E_MAIL_DIR, E2E_SMTP_PORT } from "./ports";

export default async function globalSetup() {
  rmSync(E2E_MAIL_DIR, { recursive: true, force: true });
  mkdirSync(E2E_MAIL_DIR, { recursive: true, mode: 0o700 });
  const sink = await startSmtpSink({
    port: E2E_SMTP_PORT,
    onMessage: (m) => {
      const name = `${m.receivedAt.replace(/[:.]/g, "-")}-${randomUUID().slice(0, 8)}.json`;
      writeFileSync(`${E2E_MAIL_DIR}/${name}`, JSON.stringify({ ...m, raw: undefined }, null, 2), { mode: 0o600 });
    },
  });
  return async () => sink.close();
}
