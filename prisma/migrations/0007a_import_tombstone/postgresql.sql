-- CreateTable
CREATE TABLE "ImportTombstone" (
    "key" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ImportTombstone_pkey" PRIMARY KEY ("key")
);

