-- AlterTable
ALTER TABLE "Customer" ADD COLUMN     "profileCorrectedAt" TIMESTAMP(3);

