-- CreateTable
CREATE TABLE "IssuedDocumentFile" (
    "sha256" TEXT NOT NULL,
    "verificationCode" TEXT NOT NULL,
    "languages" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IssuedDocumentFile_pkey" PRIMARY KEY ("sha256")
);

-- CreateIndex
CREATE INDEX "IssuedDocumentFile_verificationCode_idx" ON "IssuedDocumentFile"("verificationCode");

-- AddForeignKey
ALTER TABLE "IssuedDocumentFile" ADD CONSTRAINT "IssuedDocumentFile_verificationCode_fkey" FOREIGN KEY ("verificationCode") REFERENCES "IssuedDocument"("verificationCode") ON DELETE CASCADE ON UPDATE CASCADE;

