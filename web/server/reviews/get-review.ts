import type { Db } from "@visit-once/prisma";
import { authorise } from "../access/authorise";
import { db as defaultDb } from "../db";
import { currentRequestId } from "../http/request-id";
import { recordAccess } from "../ledger/record-access";
import { refusedEntry, USE_PURPOSES, type UseContext, useEntries } from "../ledger/use-entries";
import type { SessionUser } from "../session";
import { REVIEW_COLUMNS, type ReviewItem, reviewItem } from "./review-view";

/** One refusal under review, for a reviewer the policy allows (never the one who refused); null otherwise, like a missing one. */
export async function getReview(
  user: SessionUser,
  id: string,
  db: Db = defaultDb(),
): Promise<(ReviewItem & { serviceCode: string }) | null> {
  const row = await db.caseReview.findUnique({
    where: { id },
    select: { ...REVIEW_COLUMNS, application: { select: { serviceCode: true, citizenId: true } } },
  });
  if (!row) return null;
  const use: UseContext = {
    actor: user,
    action: "staff-view",
    subjectId: row.application.citizenId,
    applicationId: row.applicationId,
    serviceCode: row.application.serviceCode,
    purpose: USE_PURPOSES.review,
    requestId: await currentRequestId(),
  };
  const office =
    row.desk === "caseworker"
      ? null
      : await db.office.findUnique({ where: { code: row.desk }, select: { supervisingOfficeCode: true } });
  const resource = {
    kind: "review",
    desk: row.desk,
    supervisingOffice: office?.supervisingOfficeCode ?? null,
    refusedById: row.refusedById,
  } as const;
  const label = `case:${row.applicationId}/review:${id}`;
  if (!(await authorise(user, "read", resource, label, db)).allowed) {
    await recordAccess([refusedEntry(use)], db);
    return null;
  }
  const item = reviewItem(row);
  // Nothing reaches the page unless its ledger entry is written: the refusal's facts and the applicant's grounds.
  await recordAccess(
    useEntries(
      use,
      { records: [], caseFields: ["refusal", ...(item.grounds ? ["reviewGrounds"] : [])] },
      label,
      new Date(),
    ),
    db,
  );
  return { ...item, serviceCode: row.application.serviceCode };
}
