-- CreateIndex
CREATE INDEX "Invoice_orderId_idx" ON "Invoice"("orderId");

