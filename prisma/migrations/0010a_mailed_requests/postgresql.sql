-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "PrivacyRequestType" ADD VALUE 'access';
ALTER TYPE "PrivacyRequestType" ADD VALUE 'portability';
ALTER TYPE "PrivacyRequestType" ADD VALUE 'rectification';

-- AlterTable
ALTER TABLE "PrivacyRequest" ADD COLUMN     "channel" TEXT NOT NULL DEFAULT 'portal',
ADD COLUMN     "receivedAt" TIMESTAMP(3),
ADD COLUMN     "registeredBy" TEXT;

