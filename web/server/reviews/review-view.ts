import type { ReviewStatus } from "@visit-once/prisma";
import type { RefusalExplanation } from "@visit-once/workflows/contracts";
import { masked } from "../at-rest/masked";
import { readRefusal } from "../cases/refusal-words";

/** A refusal under review as the pages show it (identity numbers masked). */
export interface ReviewItem {
  id: string;
  applicationId: string;
  status: ReviewStatus;
  desk: string;
  stepKey: string | null;
  refusal: RefusalExplanation | null;
  dueAt: Date;
  grounds: string | null;
  reasons: string | null;
  refusedById: string | null;
  createdAt: Date;
}

type Row = Omit<ReviewItem, "refusal"> & { refusal: unknown };

export function reviewItem(row: Row): ReviewItem {
  const { id, applicationId, status, desk, stepKey, dueAt, grounds, reasons, refusedById, createdAt } = row;
  return {
    id,
    applicationId,
    status,
    desk,
    stepKey,
    dueAt,
    grounds,
    reasons,
    refusedById,
    createdAt,
    refusal: readRefusal(masked(row.refusal)),
  };
}

export const REVIEW_COLUMNS = {
  id: true,
  applicationId: true,
  status: true,
  desk: true,
  stepKey: true,
  refusal: true,
  dueAt: true,
  grounds: true,
  reasons: true,
  refusedById: true,
  createdAt: true,
} as const;
