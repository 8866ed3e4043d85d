-- CreateIndex
CREATE INDEX "AuditEvent_actorRef_idx" ON "AuditEvent"("actorRef");

