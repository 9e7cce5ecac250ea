import os from "node:os";
import type { Client } from "@temporalio/client";
import {
  type DepartmentCode,
  departmentHealthWorkflowId,
  ORCHESTRATOR_TASK_QUEUE,
  REQUEST_REPORT_INTERVAL_MS,
  reportRequestsSignal,
} from "@visit-once/workflows/contracts";
import { requestLogOf } from "./request-window";

/**
 * Every 10 s, this replica's last minute of real requests goes to its department's health
 * workflow (signal-with-start: the first report starts it), which /api/health queries. Why
 * through Temporal: every replica, wherever it runs, already reaches it, and a department
 * worker holds no database credentials. A failed report is tried again at the next tick.
 */
export function reportRequests(client: Client, code: DepartmentCode): () => void {
  const replica = `${os.hostname()}:${process.pid}`;
  let warned = false;
  const tick = async () => {
    try {
      await client.workflow.signalWithStart("departmentHealthWorkflow", {
        workflowId: departmentHealthWorkflowId(code),
        taskQueue: ORCHESTRATOR_TASK_QUEUE,
        args: [[]],
        signal: reportRequestsSignal,
        signalArgs: [requestLogOf(code).window(replica)],
      });
      warned = false;
    } catch (e) {
      if (!warned) console.error(`could not report ${code}'s request health (${(e as Error).message}); trying again`);
      warned = true;
    }
  };
  const timer = setInterval(() => void tick(), REQUEST_REPORT_INTERVAL_MS);
  void tick();
  return () => clearInterval(timer);
}
