import { randomUUID } from "node:crypto";
import { setTimeout as delay } from "node:timers/promises";
import { ApplicationFailure, type WorkflowHandle, WorkflowUpdateFailedError } from "@temporalio/client";
import {
  type ApplicationOutcome,
  type CaseView,
  caseUpdates,
  FINAL_STATUSES,
  getCaseQuery,
  type Reviewer,
  type ReviewView,
} from "@visit-once/workflows/contracts";

// Drives cases the way people would through the pages, straight through Temporal: used
// by the tests and by the bench, which play the officers.

/**
 * Polls the case until `ready` holds, failing with the last view seen. A case waiting at the
 * preview for something else is confirmed on the way, as its citizen would (`leavePreview` not to).
 */
export async function waitForCase(
  handle: WorkflowHandle,
  ready: (view: CaseView) => boolean,
  timeoutMs = 30_000,
  pollMs = 100,
  { leavePreview = false } = {},
): Promise<CaseView> {
  const until = Date.now() + timeoutMs;
  let view: CaseView | undefined;
  while (Date.now() < until) {
    view = await handle.query(getCaseQuery);
    if (ready(view)) return view;
    if (view.status === "AWAITING_CONFIRMATION" && !leavePreview) await confirmPreview(handle);
    await delay(pollMs);
  }
  throw new Error(`The case did not get there in ${timeoutMs} ms; last seen: ${JSON.stringify(view)}`);
}

/**
 * The citizen confirms the records shown at the preview, as the case page sends it. A preview
 * another driver confirmed first (the case no longer takes it) is no failure.
 */
export async function confirmPreview(handle: WorkflowHandle, citizenId = "citizen-under-test"): Promise<void> {
  const requestId = randomUUID();
  try {
    await handle.executeUpdate(caseUpdates.confirm, { updateId: requestId, args: [{ requestId, actorId: citizenId }] });
  } catch (err) {
    if (!(
      err instanceof WorkflowUpdateFailedError &&
      err.cause instanceof ApplicationFailure &&
      err.cause.type === "case-not-taking"
    ))
      throw err;
  }
}

/**
 * In the background, confirms the case's preview as soon as it asks (the citizen who looks and
 * agrees): every driver that carries a case to the offices does. Stops once the case is past the
 * preview, has ended, or can no longer be asked (the test's server is gone).
 */
export function confirmWhenAsked(handle: WorkflowHandle, pollMs = 100): void {
  void (async () => {
    for (;;) {
      const view = await handle.query(getCaseQuery);
      if (view.status === "AWAITING_CONFIRMATION") return await confirmPreview(handle);
      if (!["SUBMITTED", "FETCHING", "RECORDS_READY"].includes(view.status)) return;
      await delay(pollMs);
    }
  })().catch(() => undefined);
}

export interface ApproveOptions {
  officerId?: string;
  /** Called with each decision's round trip in ms (the bench times them). */
  onDecision?: (ms: number) => void;
  pollMs?: number;
}

/** Confirms the preview as the citizen, then approves every department step as it comes up, as its office's officer, until the case ends. */
export async function approveAll(
  handle: WorkflowHandle,
  { officerId = "officer-under-test", onDecision, pollMs }: ApproveOptions = {},
): Promise<ApplicationOutcome> {
  for (;;) {
    const view = await waitForCase(
      handle,
      (v) =>
        FINAL_STATUSES.includes(v.status) ||
        v.status === "AWAITING_CONFIRMATION" ||
        v.tasks.some((t) => t.status === "AWAITING_DECISION"),
      60_000,
      pollMs,
    );
    if (FINAL_STATUSES.includes(view.status)) return (await handle.result()) as ApplicationOutcome;
    if (view.status === "AWAITING_CONFIRMATION") {
      await confirmPreview(handle);
      continue;
    }
    for (const task of view.tasks.filter((t) => t.status === "AWAITING_DECISION")) {
      // As the web sends it: the request id is also the update id.
      const requestId = randomUUID();
      const started = Date.now();
      await handle.executeUpdate(caseUpdates.decide, {
        updateId: requestId,
        args: [
          { requestId, actorId: officerId, stepKey: task.key, office: task.office, decision: "approve", reason: "" },
        ],
      });
      onDecision?.(Date.now() - started);
    }
  }
}

/** The failure an action was refused with (the workflow's validator's), failing if it was not refused. */
async function refused(action: Promise<unknown>): Promise<ApplicationFailure> {
  try {
    await action;
  } catch (err) {
    if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure) return err.cause;
    throw err;
  }
  throw new Error("The action was not refused.");
}

/** The code and values an action was refused with, for the pages to say in any language. */
export async function refusalCode(action: Promise<unknown>): Promise<{ code: string | undefined; params: unknown }> {
  const failure = await refused(action);
  return { code: failure.type ?? undefined, params: failure.details?.[0] };
}

/** The plain message an action was refused with (the workflow's validator's words). */
export async function refusal(action: Promise<unknown>): Promise<string> {
  return (await refused(action)).message;
}

/** Waits for a refusal offered for review (复核), and returns it. */
export async function offeredReview(handle: WorkflowHandle): Promise<ReviewView> {
  const view = await waitForCase(handle, (v) => (v.reviews ?? []).some((r) => r.status === "OFFERED"));
  return view.reviews!.find((r) => r.status === "OFFERED")!;
}

/** The citizen asks for a review of the refusal with her grounds. */
export function requestReview(
  handle: WorkflowHandle,
  reviewId: string,
  grounds = "The records are out of date.",
  actorId = "citizen-under-test",
) {
  const requestId = randomUUID();
  return handle.executeUpdate(caseUpdates["request-review"], {
    updateId: requestId,
    args: [{ requestId, actorId, reviewId, grounds }],
  });
}

/** A reviewer overturns or upholds the refusal. */
export function decideReview(
  handle: WorkflowHandle,
  reviewId: string,
  outcome: "overturn" | "uphold",
  reviewer: Reviewer,
  actorId = "reviewer-under-test",
  reasons = "Checked again on review.",
) {
  const requestId = randomUUID();
  return handle.executeUpdate(caseUpdates.review, {
    updateId: requestId,
    args: [{ requestId, actorId, reviewId, outcome, reasons, reviewer }],
  });
}

/** The refusal is reviewed and upheld (by a caseworker, or an officer of its office), and the case ends. */
export async function upholdRefusal(
  handle: WorkflowHandle,
  reasons = "Checked again on review.",
): Promise<ApplicationOutcome> {
  const review = await offeredReview(handle);
  await requestReview(handle, review.id);
  const reviewer: Reviewer =
    review.desk === "caseworker"
      ? { kind: "caseworker" }
      : { kind: "officer", office: review.desk, supervising: false };
  await decideReview(handle, review.id, "uphold", reviewer, "reviewer-under-test", reasons);
  return (await handle.result()) as ApplicationOutcome;
}
