-- Requests registered by staff from an e-mail or letter (issue 10.9; 4.2.3, 4.5.2).
-- Hand-written: `prisma migrate diff` redefines the table for the new enum values, but SQLite stores the enum
-- as TEXT, so only the new columns are needed (additive, no RedefineTables).
ALTER TABLE "PrivacyRequest" ADD COLUMN "channel" TEXT NOT NULL DEFAULT 'portal';
ALTER TABLE "PrivacyRequest" ADD COLUMN "receivedAt" DATETIME;
ALTER TABLE "PrivacyRequest" ADD COLUMN "registeredBy" TEXT;
