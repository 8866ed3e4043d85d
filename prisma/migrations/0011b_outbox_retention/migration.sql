-- AlterTable
ALTER TABLE "OutboundEvent" ADD COLUMN "clearedAt" DATETIME;

-- CreateIndex
CREATE INDEX "OutboundEvent_occurredAt_idx" ON "OutboundEvent"("occurredAt");

