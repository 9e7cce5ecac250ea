import type { Db } from "@visit-once/prisma";
import { db as defaultDb } from "../db";
import type { SessionUser } from "../session";
import { REVIEW_COLUMNS, type ReviewItem, reviewItem } from "./review-view";

/**
 * The review requests this person may decide: an officer's own office's refusals and those of
 * the offices it supervises; a caseworker's, the caseworkers' and the rules'. Never one they refused.
 */
export async function listReviews(
  user: SessionUser,
  db: Db = defaultDb(),
): Promise<(ReviewItem & { serviceCode: string })[]> {
  let desks: string[];
  if (user.role === "CASEWORKER") desks = ["caseworker"];
  else if (user.role === "OFFICER" && user.departmentCode) {
    const supervised = await db.office.findMany({
      where: { supervisingOfficeCode: user.departmentCode },
      select: { code: true },
    });
    desks = [user.departmentCode, ...supervised.map((o) => o.code)];
  } else return [];
  const rows = await db.caseReview.findMany({
    where: { status: "REQUESTED", desk: { in: desks }, OR: [{ refusedById: null }, { refusedById: { not: user.id } }] },
    select: { ...REVIEW_COLUMNS, application: { select: { serviceCode: true } } },
    orderBy: { dueAt: "asc" },
    take: 100,
  });
  return rows.map((r) => ({ ...reviewItem(r), serviceCode: r.application.serviceCode }));
}
