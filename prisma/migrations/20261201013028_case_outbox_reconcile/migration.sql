-- AlterTable
ALTER TABLE "Application" ADD COLUMN     "subjectKey" TEXT NOT NULL DEFAULT (gen_random_uuid())::text;

-- AuditEntry.requestId: added by 20261201013018_admin_console (the same column, both branches needed it)

-- CreateTable
CREATE TABLE "CaseStartOutbox" (
    "applicationId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastAttemptAt" TIMESTAMP(3),

    CONSTRAINT "CaseStartOutbox_pkey" PRIMARY KEY ("applicationId")
);

-- CreateTable
CREATE TABLE "ReconcileRepair" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "kind" TEXT NOT NULL,
    "applicationId" UUID NOT NULL,
    "detail" TEXT,

    CONSTRAINT "ReconcileRepair_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CaseStartOutbox_createdAt_idx" ON "CaseStartOutbox"("createdAt");

-- CreateIndex
CREATE INDEX "ReconcileRepair_at_idx" ON "ReconcileRepair"("at");

-- CreateIndex
CREATE INDEX "ReconcileRepair_kind_at_idx" ON "ReconcileRepair"("kind", "at");


-- One open application per citizen, service and subject (Prisma cannot express a partial index).
-- Rows from before the rule got random keys above (a volatile default is evaluated per row), the
-- newest open one per citizen and service about the applicant becomes "self", so the rule holds
-- for it from now on. (A baby's key is a keyed hash the database cannot compute: those stay apart.)
UPDATE "Application" a SET "subjectKey" = 'self'
WHERE a."serviceCode" <> 'newborn-registration'
  AND a."status" NOT IN ('COMPLETED', 'REJECTED', 'CANCELLED', 'FAILED')
  AND NOT EXISTS (
    SELECT 1 FROM "Application" b
    WHERE b."citizenId" = a."citizenId" AND b."serviceCode" = a."serviceCode"
      AND b."status" NOT IN ('COMPLETED', 'REJECTED', 'CANCELLED', 'FAILED')
      AND (b."submittedAt", b."id") > (a."submittedAt", a."id")
  );

CREATE UNIQUE INDEX "Application_one_open_per_subject" ON "Application"("citizenId", "serviceCode", "subjectKey")
WHERE "status" NOT IN ('COMPLETED', 'REJECTED', 'CANCELLED', 'FAILED');
