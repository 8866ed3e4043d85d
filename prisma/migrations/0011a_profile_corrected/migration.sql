-- AlterTable
ALTER TABLE "Customer" ADD COLUMN "profileCorrectedAt" DATETIME;

