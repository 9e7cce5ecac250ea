-- AlterTable
ALTER TABLE "EvidenceRecord" ADD COLUMN     "certificateCode" TEXT;

