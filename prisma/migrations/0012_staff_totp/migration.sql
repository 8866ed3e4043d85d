-- AlterTable
ALTER TABLE "AuthSession" ADD COLUMN "pendingTotpSecret" TEXT;
ALTER TABLE "AuthSession" ADD COLUMN "secondFactorAt" DATETIME;

-- AlterTable
ALTER TABLE "StaffUser" ADD COLUMN "totpEnrolledAt" DATETIME;
ALTER TABLE "StaffUser" ADD COLUMN "totpLastStep" INTEGER;
ALTER TABLE "StaffUser" ADD COLUMN "totpSecret" TEXT;

-- CreateTable
CREATE TABLE "StaffRecoveryCode" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "staffUserId" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "StaffRecoveryCode_staffUserId_fkey" FOREIGN KEY ("staffUserId") REFERENCES "StaffUser" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "StaffRecoveryCode_codeHash_key" ON "StaffRecoveryCode"("codeHash");

-- CreateIndex
CREATE INDEX "StaffRecoveryCode_staffUserId_idx" ON "StaffRecoveryCode"("staffUserId");

