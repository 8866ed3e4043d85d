-- AlterTable
ALTER TABLE "PrivacyRequest" ADD COLUMN     "liftNoticeSentAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "Invoice_orderId_issuedAt_idx" ON "Invoice"("orderId", "issuedAt");

-- CreateIndex
CREATE INDEX "Invoice_anonymisedAt_issuedAt_idx" ON "Invoice"("anonymisedAt", "issuedAt");

