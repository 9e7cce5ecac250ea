-- AlterTable
ALTER TABLE "User" ADD COLUMN     "deactivatedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "AuditEntry" ADD COLUMN     "outcome" TEXT,
ADD COLUMN     "requestId" TEXT;

-- CreateTable
CREATE TABLE "StaffInvitation" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),

    CONSTRAINT "StaffInvitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Office" (
    "code" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "nameZh" TEXT NOT NULL,
    "supervisingOfficeCode" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Office_pkey" PRIMARY KEY ("code")
);

-- CreateIndex
CREATE UNIQUE INDEX "StaffInvitation_tokenHash_key" ON "StaffInvitation"("tokenHash");

-- CreateIndex
CREATE INDEX "StaffInvitation_userId_idx" ON "StaffInvitation"("userId");

-- AddForeignKey
ALTER TABLE "StaffInvitation" ADD CONSTRAINT "StaffInvitation_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Office" ADD CONSTRAINT "Office_supervisingOfficeCode_fkey" FOREIGN KEY ("supervisingOfficeCode") REFERENCES "Office"("code") ON DELETE RESTRICT ON UPDATE CASCADE;


-- The offices that exist today (the step offices of workflows/src/contracts/departments.ts), under the
-- municipal government's general office, which supervises every bureau. ON CONFLICT: a database that
-- already has them keeps what an administrator set.
INSERT INTO "Office" ("code", "nameEn", "nameZh", "supervisingOfficeCode", "updatedAt") VALUES
  ('general-office', 'Municipal Government General Office', '市人民政府办公厅', NULL, CURRENT_TIMESTAMP),
  ('public-security', 'Public Security Bureau', '公安局', 'general-office', CURRENT_TIMESTAMP),
  ('health', 'Health Commission', '卫生健康委员会', 'general-office', CURRENT_TIMESTAMP),
  ('civil-affairs', 'Civil Affairs Bureau', '民政局', 'general-office', CURRENT_TIMESTAMP),
  ('human-resources', 'Human Resources and Social Security Bureau', '人力资源和社会保障局', 'general-office', CURRENT_TIMESTAMP),
  ('taxation', 'Tax Bureau', '税务局', 'general-office', CURRENT_TIMESTAMP),
  ('natural-resources', 'Natural Resources and Planning Bureau', '自然资源和规划局', 'general-office', CURRENT_TIMESTAMP),
  ('market-regulation', 'Market Regulation Administration', '市场监督管理局', 'general-office', CURRENT_TIMESTAMP),
  ('medical-security', 'Medical Security Bureau', '医疗保障局', 'general-office', CURRENT_TIMESTAMP),
  ('education', 'Education Bureau', '教育局', 'general-office', CURRENT_TIMESTAMP)
ON CONFLICT ("code") DO NOTHING;
