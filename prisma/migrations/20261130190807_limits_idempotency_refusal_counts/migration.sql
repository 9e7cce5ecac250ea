-- CreateTable
CREATE TABLE "AnonymousRefusalCount" (
    "hour" TIMESTAMP(3) NOT NULL,
    "action" TEXT NOT NULL,
    "resourceKind" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "AnonymousRefusalCount_pkey" PRIMARY KEY ("hour","action","resourceKind")
);

-- CreateTable
CREATE TABLE "IdempotencyKey" (
    "key" UUID NOT NULL,
    "actorId" TEXT NOT NULL,
    "applicationId" UUID NOT NULL,
    "bodySha256" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IdempotencyKey_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "rate_limit_counters" (
    "key" VARCHAR(255) NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,

    CONSTRAINT "rate_limit_counters_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "IdempotencyKey_createdAt_idx" ON "IdempotencyKey"("createdAt");

