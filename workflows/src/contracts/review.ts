import type { RefusalBasis, RefusalExplanation } from "./refusal-explanation";
import type { StepOffice } from "./departments";

// Review (复核) of a refusal inside the same case: the refusal is offered for review for
// REVIEW_WORKING_DAYS; the citizen asks with her grounds; another officer of the refusing
// office (never the one who refused) or an officer of its supervising office — a caseworker
// other than the refusing one, for a caseworker's or a rule's refusal — overturns or upholds it.

/** Working days the citizen has to ask for a review of a refusal. */
export const REVIEW_WORKING_DAYS = 10;

export type ReviewStatus = "OFFERED" | "REQUESTED" | "OVERTURNED" | "UPHELD" | "LAPSED";
export const OPEN_REVIEW_STATUSES: readonly ReviewStatus[] = ["OFFERED", "REQUESTED"];

/** Who reviews: the refusing office (or its supervising office), or the caseworkers. */
export type ReviewDesk = StepOffice | "caseworker";

export interface ReviewView {
  id: string;
  status: ReviewStatus;
  desk: ReviewDesk;
  stepKey?: string;
  exceptionId?: string;
  refusedById?: string;
  dueAt: string;
  refusal: RefusalExplanation;
}

/** The reviewer, as the web authorised them: an officer (of the refusing office, or of the office supervising it) or a caseworker. */
export type Reviewer = { kind: "officer"; office: string; supervising: boolean } | { kind: "caseworker" };

export type { RefusalBasis };
