-- CreateEnum
CREATE TYPE "StepKind" AS ENUM ('FETCH', 'CHECK', 'DEPARTMENT');

-- CreateEnum
CREATE TYPE "ExceptionKind" AS ENUM ('CONFLICT', 'MISSING_RECORD', 'UNUSABLE_RECORD', 'DEPARTMENT_UNAVAILABLE', 'OVERDUE_STEP', 'CITIZEN_DISPUTE');

-- CreateEnum
CREATE TYPE "ExceptionStatus" AS ENUM ('OPEN', 'WAITING_CITIZEN', 'REFETCHING', 'RESOLVED');

-- CreateEnum
CREATE TYPE "RequestStatus" AS ENUM ('OPEN', 'ANSWERED', 'EXPIRED', 'CLOSED');

-- CreateEnum
CREATE TYPE "Rating" AS ENUM ('GOOD', 'BAD');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "ApplicationStatus" ADD VALUE 'AWAITING_CASEWORKER';
ALTER TYPE "ApplicationStatus" ADD VALUE 'IN_DEPARTMENTS';
ALTER TYPE "ApplicationStatus" ADD VALUE 'ISSUING';
ALTER TYPE "ApplicationStatus" ADD VALUE 'REJECTED';
ALTER TYPE "ApplicationStatus" ADD VALUE 'CANCELLED';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "StepStatus" ADD VALUE 'AWAITING_DECISION';
ALTER TYPE "StepStatus" ADD VALUE 'AWAITING_CITIZEN';
ALTER TYPE "StepStatus" ADD VALUE 'REJECTED';
ALTER TYPE "StepStatus" ADD VALUE 'REVOKED';
ALTER TYPE "StepStatus" ADD VALUE 'CANCELLED';

-- AlterTable
ALTER TABLE "Application" ADD COLUMN     "reasons" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "ApplicationStep" ADD COLUMN     "decidedById" TEXT,
ADD COLUMN     "dueAt" TIMESTAMP(3),
ADD COLUMN     "escalatedAt" TIMESTAMP(3),
ADD COLUMN     "kind" "StepKind" NOT NULL DEFAULT 'FETCH',
ADD COLUMN     "remindedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "CaseException" (
    "id" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "kind" "ExceptionKind" NOT NULL,
    "status" "ExceptionStatus" NOT NULL,
    "departmentCode" TEXT,
    "recordType" TEXT,
    "stepKey" TEXT,
    "summary" TEXT NOT NULL,
    "conflict" JSONB,
    "blocking" BOOLEAN NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "claimedById" UUID,
    "resolvedById" TEXT,
    "resolution" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "resolvedAt" TIMESTAMP(3),

    CONSTRAINT "CaseException_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InformationRequest" (
    "id" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "question" TEXT NOT NULL,
    "askedById" TEXT NOT NULL,
    "exceptionId" UUID,
    "stepKey" TEXT,
    "status" "RequestStatus" NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "reply" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "answeredAt" TIMESTAMP(3),

    CONSTRAINT "InformationRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseEvent" (
    "id" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "kind" TEXT NOT NULL,
    "actorId" TEXT,
    "messageEn" TEXT NOT NULL,
    "messageZh" TEXT NOT NULL,

    CONSTRAINT "CaseEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IssuedDocument" (
    "applicationId" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "titleZh" TEXT NOT NULL,
    "issuedBy" TEXT NOT NULL,
    "verificationCode" TEXT NOT NULL,
    "issuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "IssuedDocument_pkey" PRIMARY KEY ("applicationId","key")
);

-- CreateTable
CREATE TABLE "ServiceRating" (
    "applicationId" UUID NOT NULL,
    "rating" "Rating" NOT NULL,
    "comment" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ServiceRating_pkey" PRIMARY KEY ("applicationId")
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "role" TEXT,
    "action" TEXT NOT NULL,
    "resource" TEXT NOT NULL,
    "allowed" BOOLEAN NOT NULL,
    "detail" TEXT,

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CaseException_status_dueAt_idx" ON "CaseException"("status", "dueAt");

-- CreateIndex
CREATE INDEX "InformationRequest_applicationId_idx" ON "InformationRequest"("applicationId");

-- CreateIndex
CREATE INDEX "CaseEvent_applicationId_at_idx" ON "CaseEvent"("applicationId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "IssuedDocument_verificationCode_key" ON "IssuedDocument"("verificationCode");

-- CreateIndex
CREATE INDEX "AuditEntry_at_idx" ON "AuditEntry"("at");

-- CreateIndex
CREATE INDEX "Application_status_updatedAt_idx" ON "Application"("status", "updatedAt");

-- CreateIndex
CREATE INDEX "ApplicationStep_departmentCode_kind_status_dueAt_idx" ON "ApplicationStep"("departmentCode", "kind", "status", "dueAt");

-- AddForeignKey
ALTER TABLE "CaseException" ADD CONSTRAINT "CaseException_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InformationRequest" ADD CONSTRAINT "InformationRequest_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseEvent" ADD CONSTRAINT "CaseEvent_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IssuedDocument" ADD CONSTRAINT "IssuedDocument_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceRating" ADD CONSTRAINT "ServiceRating_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

