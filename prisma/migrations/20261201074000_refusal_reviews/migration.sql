-- CreateEnum
CREATE TYPE "ReviewStatus" AS ENUM ('OFFERED', 'REQUESTED', 'OVERTURNED', 'UPHELD', 'LAPSED');

-- CreateTable
CREATE TABLE "CaseReview" (
    "id" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "status" "ReviewStatus" NOT NULL,
    "desk" TEXT NOT NULL,
    "stepKey" TEXT,
    "exceptionId" UUID,
    "refusedById" TEXT,
    "refusal" JSONB NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "grounds" TEXT,
    "requestedAt" TIMESTAMP(3),
    "reviewerId" TEXT,
    "reasons" TEXT,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CaseReview_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CaseReview_applicationId_idx" ON "CaseReview"("applicationId");

-- CreateIndex
CREATE INDEX "CaseReview_desk_status_idx" ON "CaseReview"("desk", "status");

-- AddForeignKey
ALTER TABLE "CaseReview" ADD CONSTRAINT "CaseReview_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;
