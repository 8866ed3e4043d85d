// Each test file gets its own throw-away SQLite database, migrated, before any app module reads the env.
import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import { migrate } from "../../prisma/migrate";

mkdirSync("data/unit", { recursive: true });
const url = `file:./data/unit/${randomUUID()}.db`;
process.env.DATABASE_URL = url;
process.env.NEXTAUTH_SECRET ??= "unit-secret-unit-secret-unit-secret-0123456789";
process.env.MAIL_OUTBOX_DIR = `data/unit/outbox-${randomUUID()}`;
process.env.LOG_LEVEL ??= "silent";
migrate(url);
