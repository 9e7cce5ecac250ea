-- AlterTable
ALTER TABLE "Application" ADD COLUMN     "reasonsZh" TEXT[] DEFAULT ARRAY[]::TEXT[];

