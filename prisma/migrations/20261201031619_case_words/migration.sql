-- AlterTable
ALTER TABLE "ApplicationStep" ADD COLUMN     "detailWords" JSONB;

-- AlterTable
ALTER TABLE "CaseException" ADD COLUMN     "detail" JSONB;

-- AlterTable
ALTER TABLE "CaseEvent" ADD COLUMN     "words" JSONB;

