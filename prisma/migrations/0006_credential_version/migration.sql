-- Issue 11 item 3: credential version per account and per session (additive: new columns with a default).
-- Written as ALTER TABLE ADD COLUMN by hand: `prisma migrate diff` proposes a RedefineTables here, which would
-- drop columns that other migrations written in parallel add to the same tables.
ALTER TABLE "Customer" ADD COLUMN "credentialVersion" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "StaffUser" ADD COLUMN "credentialVersion" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "AuthSession" ADD COLUMN "credentialVersion" INTEGER NOT NULL DEFAULT 0;
