-- The portability export (4.7) pages a customer's orders, invoices and website events by id (issue 12).
CREATE INDEX "Order_customerId_id_idx" ON "Order"("customerId", "id");
CREATE INDEX "Invoice_customerId_id_idx" ON "Invoice"("customerId", "id");
CREATE INDEX "WebsiteEvent_customerId_id_idx" ON "WebsiteEvent"("customerId", "id");
