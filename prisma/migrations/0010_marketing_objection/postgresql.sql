-- AlterTable
ALTER TABLE "Customer" ADD COLUMN     "objectsToMarketingAt" TIMESTAMP(3);

