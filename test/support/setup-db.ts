// Each test file gets its own throw-away database, migrated, before any app module reads the env:
// an SQLite file, or with TEST_DB=postgresql a copy of the run's migrated template (test/support/global-db.ts).
import { randomBytes, randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import { inject } from "vitest";
import { migrate } from "../../prisma/migrate";
import { createDatabase } from "./pg";

process.env.NEXTAUTH_SECRET ??= "unit-secret-unit-secret-unit-secret-0123456789";
process.env.MAIL_OUTBOX_DIR = `data/unit/outbox-${randomUUID()}`;
// DATABASE_URL is set, so this is a configured deployment (lib/env.ts): every required variable is given. The SMTP
// address answers nothing unless a test starts its own SMTP server (test/support/smtp-sink.ts) and sets it.
process.env.NEXTAUTH_URL ??= "http://localhost:3000";
process.env.PRIVACY_CONTACT_EMAIL ??= "persondata@123multiservice.dk";
process.env.SMTP_URL ??= "smtp://127.0.0.1:9";
process.env.MAIL_FROM ??= "123multiservice <privatliv@123multiservice.dk>";
process.env.LOG_LEVEL ??= "silent";
mkdirSync("data/unit", { recursive: true });

if (process.env.TEST_DB === "postgresql") {
  process.env.DATABASE_URL = await createDatabase(`${inject("pgPrefix")}${randomBytes(6).toString("hex")}`, inject("pgTemplate"));
} else {
  const url = `file:./data/unit/${randomUUID()}.db`;
  process.env.DATABASE_URL = url;
  await migrate(url);
}
