import { proxyActivities } from "@temporalio/workflow";
import type { ReconcileActivities, ReconcileReport } from "./contracts/reconcile";

const { reconcileCases } = proxyActivities<ReconcileActivities>({
  // Many open cases make a long pass; the schedule skips the minutes while one is going.
  startToCloseTimeout: "10 minutes",
  retry: { maximumAttempts: 2 },
});

/** One reconcile pass, started by the `vo-reconcile` Schedule every minute. */
export async function reconcileWorkflow(): Promise<ReconcileReport> {
  return reconcileCases();
}
