-- Acting for someone else (代办): mandates, and who an application is about when it is not the applicant.

-- CreateEnum
CREATE TYPE "MandateSource" AS ENUM ('PORTAL', 'NOTARISED');

-- CreateTable
CREATE TABLE "Mandate" (
    "id" UUID NOT NULL,
    "source" "MandateSource" NOT NULL,
    "grantorId" UUID,
    "grantorNationalId" TEXT NOT NULL,
    "grantorIndex" TEXT NOT NULL,
    "grantorName" TEXT NOT NULL,
    "granteeIndex" TEXT NOT NULL,
    "granteeName" TEXT NOT NULL,
    "services" TEXT[],
    "expiresOn" TEXT NOT NULL,
    "notarialCertificateNo" TEXT,
    "registeredById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),
    "revokedById" UUID,

    CONSTRAINT "Mandate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Mandate_grantorIndex_createdAt_idx" ON "Mandate"("grantorIndex", "createdAt");
CREATE INDEX "Mandate_granteeIndex_createdAt_idx" ON "Mandate"("granteeIndex", "createdAt");

-- AddForeignKey
ALTER TABLE "Mandate" ADD CONSTRAINT "Mandate_grantorId_fkey" FOREIGN KEY ("grantorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AlterTable
ALTER TABLE "Application" ADD COLUMN "actingBasis" TEXT,
ADD COLUMN "mandateId" UUID,
ADD COLUMN "subjectIndex" TEXT,
ADD COLUMN "subjectName" TEXT,
ADD COLUMN "subjectNationalId" TEXT,
ADD COLUMN "subjectUserId" UUID;

CREATE INDEX "Application_subjectUserId_submittedAt_idx" ON "Application"("subjectUserId", "submittedAt");
CREATE INDEX "Application_subjectIndex_idx" ON "Application"("subjectIndex");

ALTER TABLE "Application" ADD CONSTRAINT "Application_mandateId_fkey" FOREIGN KEY ("mandateId") REFERENCES "Mandate"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AlterTable
ALTER TABLE "AuditEntry" ADD COLUMN "onBehalfOf" TEXT;
