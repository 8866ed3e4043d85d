-- Issue 11 item 3: credential version per account and per session (additive: new columns with a default).
-- AlterTable
ALTER TABLE "Customer" ADD COLUMN     "credentialVersion" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "StaffUser" ADD COLUMN     "credentialVersion" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "AuthSession" ADD COLUMN     "credentialVersion" INTEGER NOT NULL DEFAULT 0;
