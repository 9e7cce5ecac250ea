import type { Db } from "@visit-once/prisma";
import { db as defaultDb } from "../db";
import { REVIEW_COLUMNS, type ReviewItem, reviewItem } from "./review-view";

/** The refusals of one case and their reviews, oldest first (for a page that has already authorised the case). */
export async function listCaseReviews(applicationId: string, db: Db = defaultDb()): Promise<ReviewItem[]> {
  const rows = await db.caseReview.findMany({
    where: { applicationId },
    select: REVIEW_COLUMNS,
    orderBy: { createdAt: "asc" },
  });
  return rows.map(reviewItem);
}
