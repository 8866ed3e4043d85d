-- AlterTable
ALTER TABLE "Customer" ADD COLUMN     "externalId" TEXT;

-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "externalId" TEXT;

-- AlterTable
ALTER TABLE "Invoice" ADD COLUMN     "externalId" TEXT;

-- AlterTable
ALTER TABLE "WebsiteEvent" ADD COLUMN     "externalId" TEXT;

-- AlterTable
ALTER TABLE "ConsentEvent" ADD COLUMN     "externalId" TEXT;

-- AlterTable
ALTER TABLE "NotificationSubscription" ADD COLUMN     "externalId" TEXT;

-- CreateTable
CREATE TABLE "OutboundEvent" (
    "seq" SERIAL NOT NULL,
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "subjectRef" TEXT NOT NULL,
    "requestId" TEXT,
    "payload" TEXT NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OutboundEvent_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "OutboundDelivery" (
    "id" TEXT NOT NULL,
    "eventSeq" INTEGER NOT NULL,
    "recipient" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL,
    "claimedUntil" TIMESTAMP(3),
    "lastError" TEXT,
    "lastAttemptAt" TIMESTAMP(3),
    "deliveredAt" TIMESTAMP(3),
    "confirmation" TEXT,
    "handledBy" TEXT,
    "handledNote" TEXT,

    CONSTRAINT "OutboundDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecipientEndpoint" (
    "id" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "secretEnc" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "disabledAt" TIMESTAMP(3),

    CONSTRAINT "RecipientEndpoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiKey" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "secretHash" TEXT NOT NULL,
    "scopes" TEXT NOT NULL,
    "recipient" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),
    "lastUsedAt" TIMESTAMP(3),

    CONSTRAINT "ApiKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IngestRequest" (
    "id" TEXT NOT NULL,
    "apiKeyId" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "bodyHash" TEXT NOT NULL,
    "status" INTEGER NOT NULL,
    "response" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IngestRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "OutboundEvent_id_key" ON "OutboundEvent"("id");

-- CreateIndex
CREATE INDEX "OutboundEvent_subjectRef_idx" ON "OutboundEvent"("subjectRef");

-- CreateIndex
CREATE INDEX "OutboundEvent_requestId_idx" ON "OutboundEvent"("requestId");

-- CreateIndex
CREATE INDEX "OutboundDelivery_status_nextAttemptAt_idx" ON "OutboundDelivery"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "OutboundDelivery_recipient_status_idx" ON "OutboundDelivery"("recipient", "status");

-- CreateIndex
CREATE UNIQUE INDEX "OutboundDelivery_eventSeq_recipient_key" ON "OutboundDelivery"("eventSeq", "recipient");

-- CreateIndex
CREATE INDEX "RecipientEndpoint_recipient_active_idx" ON "RecipientEndpoint"("recipient", "active");

-- CreateIndex
CREATE INDEX "IngestRequest_createdAt_idx" ON "IngestRequest"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "IngestRequest_apiKeyId_idempotencyKey_key" ON "IngestRequest"("apiKeyId", "idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "Customer_externalId_key" ON "Customer"("externalId");

-- CreateIndex
CREATE UNIQUE INDEX "Order_externalId_key" ON "Order"("externalId");

-- CreateIndex
CREATE UNIQUE INDEX "Invoice_externalId_key" ON "Invoice"("externalId");

-- CreateIndex
CREATE UNIQUE INDEX "WebsiteEvent_externalId_key" ON "WebsiteEvent"("externalId");

-- CreateIndex
CREATE UNIQUE INDEX "ConsentEvent_externalId_key" ON "ConsentEvent"("externalId");

-- CreateIndex
CREATE UNIQUE INDEX "NotificationSubscription_externalId_key" ON "NotificationSubscription"("externalId");

-- AddForeignKey
ALTER TABLE "OutboundDelivery" ADD CONSTRAINT "OutboundDelivery_eventSeq_fkey" FOREIGN KEY ("eventSeq") REFERENCES "OutboundEvent"("seq") ON DELETE CASCADE ON UPDATE CASCADE;

