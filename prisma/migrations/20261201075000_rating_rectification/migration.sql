-- Ratings that are answered (好差评): a case keeps every rating the citizen gave (round 1, 2 …;
-- the latest is the one in force, the earlier ones its history), and a bad rating opens a
-- rectification task (差评整改) for the office it is about, with a deadline in working days.

ALTER TABLE "ServiceRating" ADD COLUMN "id" UUID NOT NULL DEFAULT gen_random_uuid();
ALTER TABLE "ServiceRating" ADD COLUMN "round" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "ServiceRating" ADD COLUMN "office" TEXT;
ALTER TABLE "ServiceRating" DROP CONSTRAINT "ServiceRating_pkey";
ALTER TABLE "ServiceRating" ADD CONSTRAINT "ServiceRating_pkey" PRIMARY KEY ("id");
-- Existing rows got their ids from the default, new ones get theirs from the client, as in the schema.
ALTER TABLE "ServiceRating" ALTER COLUMN "id" DROP DEFAULT;
CREATE UNIQUE INDEX "ServiceRating_applicationId_round_key" ON "ServiceRating"("applicationId", "round");

CREATE TABLE "RatingRectification" (
    "id" UUID NOT NULL,
    "ratingId" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "office" TEXT NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reply" TEXT,
    "fixed" TEXT,
    "repliedAt" TIMESTAMP(3),
    "repliedById" UUID,

    CONSTRAINT "RatingRectification_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "RatingRectification_ratingId_key" ON "RatingRectification"("ratingId");
CREATE INDEX "RatingRectification_office_repliedAt_dueAt_idx" ON "RatingRectification"("office", "repliedAt", "dueAt");
CREATE INDEX "RatingRectification_applicationId_idx" ON "RatingRectification"("applicationId");

ALTER TABLE "RatingRectification" ADD CONSTRAINT "RatingRectification_ratingId_fkey" FOREIGN KEY ("ratingId") REFERENCES "ServiceRating"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "RatingRectification" ADD CONSTRAINT "RatingRectification_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;
