// Each test file gets its own throw-away SQLite database, migrated, before any app module reads the env.
import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import { migrate } from "../../prisma/migrate";

mkdirSync("data/unit", { recursive: true });
const url = `file:./data/unit/${randomUUID()}.db`;
process.env.DATABASE_URL = url;
process.env.NEXTAUTH_SECRET ??= "unit-secret-unit-secret-unit-secret-0123456789";
process.env.MAIL_OUTBOX_DIR = `data/unit/outbox-${randomUUID()}`;
// DATABASE_URL is set, so this is a configured deployment (lib/env.ts): every required variable is given. The SMTP
// address answers nothing unless a test starts its own SMTP server (test/support/smtp-sink.ts) and sets it.
process.env.NEXTAUTH_URL ??= "http://localhost:3000";
process.env.PRIVACY_CONTACT_EMAIL ??= "persondata@123multiservice.dk";
process.env.SMTP_URL ??= "smtp://127.0.0.1:9";
process.env.MAIL_FROM ??= "123multiservice <privatliv@123multiservice.dk>";
process.env.LOG_LEVEL ??= "silent";
migrate(url);
