import { randomUUID } from "node:crypto";
import { setTimeout as delay } from "node:timers/promises";
import { ApplicationFailure, type WorkflowHandle, WorkflowUpdateFailedError } from "@temporalio/client";
import { type ApplicationOutcome, type CaseView, decideStepUpdate, FINAL_STATUSES, getCaseQuery } from "@visit-once/workflows/contracts";

// Drives cases the way people would through the pages, straight through Temporal: used
// by the tests and by the bench, which play the officers.

/** Polls the case until `ready` holds, failing with the last view seen. */
export async function waitForCase(handle: WorkflowHandle, ready: (view: CaseView) => boolean, timeoutMs = 30_000): Promise<CaseView> {
  const until = Date.now() + timeoutMs;
  let view: CaseView | undefined;
  while (Date.now() < until) {
    view = await handle.query(getCaseQuery);
    if (ready(view)) return view;
    await delay(100);
  }
  throw new Error(`The case did not get there in ${timeoutMs} ms; last seen: ${JSON.stringify(view)}`);
}

/** Approves every department step as it comes up, as its office's officer, until the case ends. */
export async function approveAll(handle: WorkflowHandle, officerId = "officer-under-test"): Promise<ApplicationOutcome> {
  for (;;) {
    const view = await waitForCase(handle, (v) => FINAL_STATUSES.includes(v.status) || v.tasks.some((t) => t.status === "AWAITING_DECISION"), 60_000);
    if (FINAL_STATUSES.includes(view.status)) return (await handle.result()) as ApplicationOutcome;
    for (const task of view.tasks.filter((t) => t.status === "AWAITING_DECISION")) {
      await handle.executeUpdate(decideStepUpdate, {
        args: [{ requestId: randomUUID(), actorId: officerId, stepKey: task.key, office: task.office, decision: "approve", reason: "" }],
      });
    }
  }
}

/** The code and values an action was refused with, for the pages to say in any language. */
export async function refusalCode(action: Promise<unknown>): Promise<{ code: string | undefined; params: unknown }> {
  try {
    await action;
  } catch (err) {
    if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure) return { code: err.cause.type ?? undefined, params: err.cause.details?.[0] };
    throw err;
  }
  throw new Error("The action was not refused.");
}

/** The plain message an action was refused with (the workflow's validator's words). */
export async function refusal(action: Promise<unknown>): Promise<string> {
  try {
    await action;
  } catch (err) {
    if (err instanceof WorkflowUpdateFailedError && err.cause) return err.cause.message;
    throw err;
  }
  throw new Error("The action was not refused.");
}
