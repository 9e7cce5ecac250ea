import { randomUUID } from "node:crypto";
import { setTimeout as delay } from "node:timers/promises";
import { ApplicationFailure, type WorkflowHandle, WorkflowUpdateFailedError } from "@temporalio/client";
import { type ApplicationOutcome, type CaseView, decideStepUpdate, FINAL_STATUSES, getCaseQuery } from "@visit-once/workflows/contracts";

// Drives cases the way people would through the pages, straight through Temporal: used
// by the tests and by the bench, which play the officers.

/** Polls the case until `ready` holds, failing with the last view seen. */
export async function waitForCase(handle: WorkflowHandle, ready: (view: CaseView) => boolean, timeoutMs = 30_000, pollMs = 100): Promise<CaseView> {
  const until = Date.now() + timeoutMs;
  let view: CaseView | undefined;
  while (Date.now() < until) {
    view = await handle.query(getCaseQuery);
    if (ready(view)) return view;
    await delay(pollMs);
  }
  throw new Error(`The case did not get there in ${timeoutMs} ms; last seen: ${JSON.stringify(view)}`);
}

export interface ApproveOptions {
  officerId?: string;
  /** Called with each decision's round trip in ms (the bench times them). */
  onDecision?: (ms: number) => void;
  pollMs?: number;
}

/** Approves every department step as it comes up, as its office's officer, until the case ends. */
export async function approveAll(handle: WorkflowHandle, { officerId = "officer-under-test", onDecision, pollMs }: ApproveOptions = {}): Promise<ApplicationOutcome> {
  for (;;) {
    const view = await waitForCase(handle, (v) => FINAL_STATUSES.includes(v.status) || v.tasks.some((t) => t.status === "AWAITING_DECISION"), 60_000, pollMs);
    if (FINAL_STATUSES.includes(view.status)) return (await handle.result()) as ApplicationOutcome;
    for (const task of view.tasks.filter((t) => t.status === "AWAITING_DECISION")) {
      // As the web sends it: the request id is also the update id.
      const requestId = randomUUID();
      const started = Date.now();
      await handle.executeUpdate(decideStepUpdate, {
        updateId: requestId,
        args: [{ requestId, actorId: officerId, stepKey: task.key, office: task.office, decision: "approve", reason: "" }],
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
