// The reconcile schedule: every minute a short workflow asks the orchestrator worker to repair
// what the pages and the cases disagree on. Written here so the worker and the workflow agree.

/** The Temporal Schedule, created idempotently when the orchestrator worker starts. */
export const RECONCILE_SCHEDULE_ID = "vo-reconcile";
export const RECONCILE_WORKFLOW_TYPE = "reconcileWorkflow";

/** What one reconcile pass did (counts only: no personal data). */
export interface ReconcileReport {
  /** Open cases compared with their workflows. */
  checked: number;
  /** Repairs made, by kind (see RepairKind). */
  repaired: Partial<Record<RepairKind, number>>;
  /** Disagreements found that a pass cannot repair (e.g. a step row missing): named in the worker's log. */
  unrepaired: number;
}

/**
 * - `workflow-started`: an application without its workflow (an outbox entry left by a start that
 *   failed or crashed, or an open row whose workflow is not found) was started;
 * - `projection-status` / `projection-step` / `projection-exception`: the page's copy was set to
 *   what the workflow says;
 * - `stuck-write`: a projection write the workflow has been retrying for long (counted, and named
 *   in the log; it is repaired when its cause is).
 */
export type RepairKind =
  "workflow-started" | "projection-status" | "projection-step" | "projection-exception" | "stuck-write";

export interface ReconcileActivities {
  reconcileCases(): Promise<ReconcileReport>;
}
