-- AlterTable
ALTER TABLE "OutboundEvent" ADD COLUMN     "clearedAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "OutboundEvent_occurredAt_idx" ON "OutboundEvent"("occurredAt");

