import { condition, patched, uuid4 } from "@temporalio/workflow";
import type { Text } from "./case-run";
import { type CaseRun, event, iso, projection } from "./case-run";
import type { ExceptionState } from "./case-run";
import { REVIEW_WORKING_DAYS, type ReviewDesk, type ReviewStatus, type ReviewView } from "./contracts/review";
import {
  explainCaseworkRefusal,
  explainEligibility,
  explainStepRefusal,
  type RefusalExplanation,
  refusalText,
} from "./contracts/refusal-explanation";
import type { CaseActionArgs } from "./contracts/case-actions";
import { handleAction } from "./handle-action";

type RequestReviewArgs = CaseActionArgs<"request-review">;
type DecideReviewArgs = CaseActionArgs<"review">;
import type { EvidenceRecord } from "./contracts/records";
import type { DepartmentStep, EligibilityRule, ServiceDefinition } from "./contracts/services";
import { checkText, refuse } from "./refuse";
import { addWorkingDays, cstDay } from "./working-days";
import { notify } from "./notify";

// Decision and review (复核) in the same case. A refusal — a rule of eligibility, an officer's
// rejection of a step, a caseworker's rejection — no longer ends the case at once: it is
// explained (rule, facts, records) and offered for review for REVIEW_WORKING_DAYS. The citizen
// asks with her grounds; another reviewer overturns it (the case resumes where it stopped) or
// upholds it (the case closes REJECTED with the review's reasons). No request: it closes as before.

/** Cases started before reviews existed end at a refusal; their histories replay that way. */
export const REFUSAL_REVIEW_PATCH = "refusal-review";

export interface ReviewState {
  id: string;
  status: ReviewStatus;
  desk: ReviewDesk;
  stepKey?: string;
  exceptionId?: string;
  refusedById?: string;
  dueAt: number;
  refusal: RefusalExplanation;
  grounds?: string;
  reviewerId?: string;
  reasons?: string;
}

/** What a review came to: overturned (the case goes on), or the reasons the case closes with. */
export type ReviewOutcome = { overturned: true } | { overturned: false; reasons: Text[]; actorId?: string };

export function reviewView(r: ReviewState): ReviewView {
  const { id, status, desk, stepKey, exceptionId, refusedById, refusal } = r;
  return { id, status, desk, stepKey, exceptionId, refusedById, refusal, dueAt: iso(r.dueAt) };
}

const pending = (run: CaseRun) =>
  [...run.reviews.values()].some((r) => r.status === "OFFERED" || r.status === "REQUESTED");

/** Holds the case while a refusal waits for its review (no command: safe on every path). */
export async function reviewsSettled(run: CaseRun): Promise<void> {
  await condition(() => !pending(run));
}

function row(run: CaseRun, r: ReviewState) {
  const { id, status, desk, stepKey, exceptionId, refusedById, refusal, grounds, reviewerId, reasons } = r;
  return {
    applicationId: run.applicationId,
    id,
    status,
    desk,
    stepKey,
    exceptionId,
    refusedById,
    refusal,
    grounds,
    reviewerId,
    reasons,
    dueAt: iso(r.dueAt),
  };
}

/**
 * Offers the refusal for review and waits for what comes of it. `reasons` are what the case
 * closes with when no review is asked for (as before reviews existed); an upheld review adds its own.
 */
async function offerReview(
  run: CaseRun,
  refusal: RefusalExplanation,
  reasons: Text[],
  about: { desk: ReviewDesk; stepKey?: string; exceptionId?: string; refusedById?: string },
): Promise<ReviewOutcome> {
  const dueAt = addWorkingDays(Date.now(), REVIEW_WORKING_DAYS, await run.workingCalendar());
  const review: ReviewState = { id: uuid4(), status: "OFFERED", dueAt, refusal, ...about };
  run.reviews.set(review.id, review);
  const said = refusalText(refusal);
  const dueDay = cstDay(dueAt);
  const refused = event(
    { kind: "case-refused", refusal, dueDay },
    { en: `${said.en} You may ask for a review until ${dueDay}.`, zh: `${said.zh}您可在${dueDay}前申请复核。` },
    about.refusedById,
  );
  await projection.recordReview({ ...row(run, review), event: refused });
  await notify(
    run.applicationId,
    refused,
    "case-refused",
    { dueDay, ...(about.stepKey ? { stepKey: about.stepKey } : {}) },
    [{ citizen: true }],
  );
  if (!(await condition(() => review.status !== "OFFERED", dueAt - Date.now()))) {
    review.status = "LAPSED";
    await projection.recordReview({
      ...row(run, review),
      event: event(
        { kind: "review-lapsed" },
        { en: "No review was asked for in time; the refusal stands.", zh: "未在期限内申请复核，原决定生效。" },
      ),
    });
    return { overturned: false, reasons, actorId: about.refusedById };
  }
  await condition(() => review.status === "OVERTURNED" || review.status === "UPHELD");
  if (review.status === "OVERTURNED") return { overturned: true };
  return {
    overturned: false,
    reasons: [...reasons, { en: `Upheld on review: ${review.reasons}`, zh: `复核维持原决定：${review.reasons}` }],
    actorId: review.reviewerId,
  };
}

/** An eligibility refusal: reviewed when the case is new enough; the reasons to close with otherwise (as before). */
export async function reviewEligibility(
  run: CaseRun,
  service: ServiceDefinition,
  unmet: EligibilityRule[],
  records: EvidenceRecord[],
): Promise<ReviewOutcome> {
  if (!patched(REFUSAL_REVIEW_PATCH)) return { overturned: false, reasons: unmet.map((r) => r.message) };
  const rule = unmet[0]!;
  const outcome = await offerReview(
    run,
    explainEligibility(service, rule, records),
    unmet.map((r) => r.message),
    { desk: "caseworker" },
  );
  // The other unmet rules still refuse: one review at a time, in the service's order.
  if (outcome.overturned && unmet.length > 1) return reviewEligibility(run, service, unmet.slice(1), records);
  return outcome;
}

/**
 * Called by the step's decision handler before anything awaits: true when the rejection waits
 * for a review (the step's own run offers it, see reviewStepRefusal), false to close as before.
 */
export function holdStepRefusal(
  run: CaseRun,
  service: ServiceDefinition,
  step: DepartmentStep,
  a: CaseActionArgs<"decide">,
): boolean {
  if (!patched(REFUSAL_REVIEW_PATCH)) return false;
  run.heldRefusals.set(step.key, {
    refusal: explainStepRefusal(service, step, a.reason, a.basis),
    reasons: [{ en: `${step.title.en}: ${a.reason}`, zh: `${step.title.zh}：${a.reason}` }],
    actorId: a.actorId,
  });
  return true;
}

/** After a step's rejection: overturned, the step is approved and the case goes on; otherwise it closes. */
export async function reviewStepRefusal(run: CaseRun, step: DepartmentStep): Promise<void> {
  const held = run.heldRefusals.get(step.key);
  if (!held) return;
  run.heldRefusals.delete(step.key);
  const outcome = await offerReview(run, held.refusal, held.reasons, {
    desk: step.office,
    stepKey: step.key,
    refusedById: held.actorId,
  });
  if (!outcome.overturned) return run.close("REJECTED", outcome.reasons, outcome.actorId);
  const task = run.tasks.get(step.key)!;
  task.status = "APPROVED";
  run.compensations.push(() =>
    projection.recordTask({
      applicationId: run.applicationId,
      stepKey: step.key,
      office: step.office,
      status: "REVOKED",
      event: event(
        { kind: "step-revoked", stepKey: step.key, office: step.office },
        {
          en: `${step.title.en}: reversed because the application was closed.`,
          zh: `${step.title.zh}：因申请终止已撤销。`,
        },
      ),
    }),
  );
  // The review's own write (OVERTURNED) has put the step back as approved.
  run.refreshSearchAttributes();
}

/** A caseworker's rejection: offered for review beside the case; the case waits at reviewsSettled. False: close as before. */
export function reviewCaseworkRefusal(
  run: CaseRun,
  service: ServiceDefinition,
  x: ExceptionState,
  reason: string,
  actorId: string,
): boolean {
  if (!patched(REFUSAL_REVIEW_PATCH)) return false;
  void run.main
    .run(async () => {
      const outcome = await offerReview(run, explainCaseworkRefusal(service, x, reason), [{ en: reason, zh: reason }], {
        desk: "caseworker",
        exceptionId: x.id,
        refusedById: actorId,
      });
      if (!outcome.overturned) run.close("REJECTED", outcome.reasons, outcome.actorId);
    })
    .catch(() => undefined);
  return true;
}

export function registerReviewHandlers(run: CaseRun): void {
  handleAction(
    run,
    "request-review",
    (a) => requestReview(run, a),
    (a) => validateRequest(run, a),
  );
  handleAction(
    run,
    "review",
    (a) => decideReview(run, a),
    (a) => validateDecision(run, a),
  );
}

function validateRequest(run: CaseRun, { reviewId, grounds }: RequestReviewArgs): void {
  checkText(reviewId, "short");
  checkText(grounds, "reason");
  const r = run.reviews.get(reviewId);
  if (!r) refuse("no-such-review", "This case has no such refusal to review.");
  if (r.status !== "OFFERED")
    refuse("review-not-offered", "This refusal is not open for a review request.", { reviewStatus: r.status });
  if (!grounds.trim()) refuse("grounds-required", "Say why the refusal is wrong: a review needs your grounds.");
}

function validateDecision(run: CaseRun, { reviewId, reasons, reviewer, actorId }: DecideReviewArgs): void {
  checkText(reviewId, "short");
  checkText(reasons, "reason");
  const r = run.reviews.get(reviewId);
  if (!r) refuse("no-such-review", "This case has no such refusal to review.");
  if (r.status !== "REQUESTED")
    refuse("review-not-requested", "This refusal has no review request awaiting a decision.", {
      reviewStatus: r.status,
    });
  if (r.refusedById && r.refusedById === actorId)
    refuse(
      "same-reviewer",
      "The officer who refused cannot review the refusal: another officer or the supervising office reviews it.",
    );
  const fits =
    r.desk === "caseworker"
      ? reviewer.kind === "caseworker"
      : reviewer.kind === "officer" && (reviewer.supervising || reviewer.office === r.desk);
  if (!fits) refuse("wrong-reviewer", "This review belongs to another office.");
  if (!reasons.trim()) refuse("review-reasons-required", "A review decision needs its reasons.");
}

async function requestReview(run: CaseRun, { reviewId, grounds, actorId }: RequestReviewArgs): Promise<void> {
  const r = run.reviews.get(reviewId)!;
  r.status = "REQUESTED";
  r.grounds = grounds.trim();
  const asked = event(
    { kind: "review-requested", grounds: r.grounds },
    { en: `You asked for a review of the refusal: ${r.grounds}`, zh: `您已申请复核：${r.grounds}` },
    actorId,
  );
  await projection.recordReview({ ...row(run, r), event: asked });
  const to = r.desk === "caseworker" ? [] : [{ office: r.desk }, { supervisorOf: r.desk }];
  if (to.length > 0)
    await notify(
      run.applicationId,
      asked,
      "review-requested",
      { office: r.desk, ...(r.stepKey ? { stepKey: r.stepKey } : {}) },
      to,
    );
}

async function decideReview(run: CaseRun, { reviewId, outcome, reasons, actorId }: DecideReviewArgs): Promise<void> {
  const r = run.reviews.get(reviewId)!;
  r.status = outcome === "overturn" ? "OVERTURNED" : "UPHELD";
  r.reasons = reasons.trim();
  r.reviewerId = actorId;
  const said =
    outcome === "overturn"
      ? event(
          { kind: "review-overturned", reasons: r.reasons },
          { en: `On review, the refusal was overturned: ${r.reasons}`, zh: `经复核，撤销原不予办理决定：${r.reasons}` },
          actorId,
        )
      : event(
          { kind: "review-upheld", reasons: r.reasons },
          { en: `On review, the refusal was upheld: ${r.reasons}`, zh: `经复核，维持原决定：${r.reasons}` },
          actorId,
        );
  await projection.recordReview({ ...row(run, r), event: said });
  await notify(
    run.applicationId,
    said,
    outcome === "overturn" ? "review-overturned" : "review-upheld",
    r.stepKey ? { stepKey: r.stepKey } : {},
    [{ citizen: true }],
  );
}
