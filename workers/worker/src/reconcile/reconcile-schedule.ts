import { Context } from "@temporalio/activity";
import { type Client, ScheduleAlreadyRunning, ScheduleOverlapPolicy } from "@temporalio/client";
import type { Db } from "@visit-once/prisma";
import type { FieldCipher } from "@visit-once/prisma/at-rest";
import {
  ORCHESTRATOR_TASK_QUEUE,
  RECONCILE_SCHEDULE_ID,
  RECONCILE_WORKFLOW_TYPE,
  type ReconcileActivities,
} from "@visit-once/workflows/contracts";
import { type RepairOptions, repairCases } from "./repair-cases";

/** The reconcile pass as an activity of the orchestrator worker (which holds the database and the data keys). */
export function createReconcileActivities(
  db: Db,
  cipher: FieldCipher,
  options: RepairOptions = {},
): ReconcileActivities {
  return {
    async reconcileCases() {
      return repairCases(db, Context.current().client, cipher, options);
    },
  };
}

/**
 * Creates the every-minute Schedule unless it exists: each orchestrator worker calls this at
 * start, so two replicas or a restart make one Schedule. A pass still running when the next is
 * due is not doubled (overlap SKIP); a minute missed while Temporal was down is caught up once.
 */
export async function ensureReconcileSchedule(client: Client, every = "1 minute"): Promise<"created" | "existed"> {
  try {
    await client.schedule.create({
      scheduleId: RECONCILE_SCHEDULE_ID,
      spec: { intervals: [{ every }] },
      action: {
        type: "startWorkflow",
        workflowType: RECONCILE_WORKFLOW_TYPE,
        workflowId: RECONCILE_SCHEDULE_ID,
        taskQueue: ORCHESTRATOR_TASK_QUEUE,
        args: [],
      },
      policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: "1 minute" },
    });
    return "created";
  } catch (err) {
    if (err instanceof ScheduleAlreadyRunning) return "existed";
    throw err;
  }
}
