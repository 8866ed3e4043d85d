-- AlterTable
ALTER TABLE "Customer" ADD COLUMN "objectsToMarketingAt" DATETIME;

