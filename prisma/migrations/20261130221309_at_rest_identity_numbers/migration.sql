-- DropIndex
DROP INDEX "User_nationalId_key";

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "nationalIdIndex" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "User_nationalIdIndex_key" ON "User"("nationalIdIndex");

