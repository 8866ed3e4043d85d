-- CreateIndex
CREATE INDEX "Order_customerId_id_idx" ON "Order"("customerId", "id");

-- CreateIndex
CREATE INDEX "Invoice_customerId_id_idx" ON "Invoice"("customerId", "id");

-- CreateIndex
CREATE INDEX "WebsiteEvent_customerId_id_idx" ON "WebsiteEvent"("customerId", "id");

