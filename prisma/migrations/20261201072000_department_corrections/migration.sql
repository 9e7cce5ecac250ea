-- AlterEnum
ALTER TYPE "ExceptionStatus" ADD VALUE 'AT_DEPARTMENT' BEFORE 'RESOLVED';

-- CreateEnum
CREATE TYPE "CorrectionStatus" AS ENUM ('OPEN', 'CORRECTED', 'REFUSED', 'OVERDUE');

-- CreateTable
CREATE TABLE "Correction" (
    "id" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "exceptionId" UUID NOT NULL,
    "departmentCode" TEXT NOT NULL,
    "recordType" TEXT NOT NULL,
    "status" "CorrectionStatus" NOT NULL,
    "explanation" TEXT NOT NULL,
    "disputedValue" TEXT,
    "fields" JSONB,
    "reason" TEXT,
    "answeredById" TEXT,
    "openedAt" TIMESTAMP(3) NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "closedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Correction_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Correction_departmentCode_status_dueAt_idx" ON "Correction"("departmentCode", "status", "dueAt");

-- CreateIndex
CREATE INDEX "Correction_applicationId_idx" ON "Correction"("applicationId");

-- AddForeignKey
ALTER TABLE "Correction" ADD CONSTRAINT "Correction_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;
