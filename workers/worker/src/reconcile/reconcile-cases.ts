import { type Client, WorkflowNotFoundError } from "@temporalio/client";
import type { Db } from "@visit-once/prisma";
import {
  type ApplicationOutcome,
  applicationWorkflowId,
  type CaseView,
  FINAL_STATUSES,
  getCaseQuery,
  type TaskStatus,
} from "@visit-once/workflows/contracts";

// The pages read the projection; the workflow is the truth. This compares the two for every
// open case (and every case the projection thinks open), so a projection that fell behind —
// a write that failed, a row changed by hand — is found and named, not discovered by a citizen.

export interface Disagreement {
  applicationId: string;
  /** What disagrees, e.g. "status", "step household-registration", "exception <id>", "workflow". */
  what: string;
  workflow: string;
  projection: string;
}

/** How the projection writes a task's status on its step (see recordTask). */
const STEP_STATUS: Readonly<Record<TaskStatus, string>> = {
  WAITING: "PENDING",
  AWAITING_DECISION: "AWAITING_DECISION",
  AWAITING_CITIZEN: "AWAITING_CITIZEN",
  APPROVED: "DONE",
  REJECTED: "REJECTED",
  REVOKED: "REVOKED",
  CANCELLED: "CANCELLED",
};

/**
 * A projection write (any activity but a department's fetch) the workflow has retried this often
 * is stuck: the page stays behind until its cause (a lock, a full disk, a bad row) is found.
 */
export const STUCK_WRITE_ATTEMPTS = 5;

/** Compares one case's projection with its workflow. */
async function compareCase(db: Db, temporal: Client, applicationId: string): Promise<Disagreement[]> {
  const app = await db.application.findUnique({
    where: { id: applicationId },
    select: {
      status: true,
      steps: { where: { kind: "DEPARTMENT" }, select: { key: true, status: true } },
      exceptions: { select: { id: true, status: true } },
    },
  });
  if (!app) return [];
  const handle = temporal.workflow.getHandle(applicationWorkflowId(applicationId));
  const found: Disagreement[] = [];
  const differ = (what: string, workflow: string, projection: string) => {
    if (workflow !== projection) found.push({ applicationId, what, workflow, projection });
  };
  let running: boolean;
  try {
    const description = await handle.describe();
    running = description.status.name === "RUNNING";
    for (const a of description.raw.pendingActivities ?? []) {
      const type = a.activityType?.name ?? "";
      if (type !== "fetchEvidence" && (a.attempt ?? 0) >= STUCK_WRITE_ATTEMPTS) {
        found.push({
          applicationId,
          what: `stuck-write ${type}`,
          workflow: `attempt ${a.attempt}`,
          projection: "not written",
        });
      }
    }
  } catch (err) {
    if (!(err instanceof WorkflowNotFoundError)) throw err;
    return [{ applicationId, what: "workflow", workflow: "none", projection: app.status }];
  }
  if (!running) {
    const outcome = (await handle.result().catch(() => null)) as ApplicationOutcome | null;
    differ("status", outcome?.status ?? "ended without an outcome", app.status);
    return found;
  }
  const view: CaseView = await handle.query(getCaseQuery);
  differ("status", view.status, app.status);
  const steps = new Map(app.steps.map((s) => [s.key, s.status as string]));
  for (const task of view.tasks) differ(`step ${task.key}`, STEP_STATUS[task.status], steps.get(task.key) ?? "missing");
  const exceptions = new Map(app.exceptions.map((x) => [x.id, x.status as string]));
  for (const x of view.exceptions) differ(`exception ${x.id}`, x.status, exceptions.get(x.id) ?? "missing");
  return found;
}

export interface ReconcileOptions {
  /** A disagreement is reported only if it is still there after this long (the projection trails by milliseconds). */
  settleMs?: number;
  /** Cases compared at once. */
  concurrency?: number;
  /** Only these applications (tests that share one database with other files' cases); all by default. */
  applicationIds?: readonly string[];
}

/** Every case whose projection is not final, compared with its workflow; what still disagrees after `settleMs`. */
export async function reconcileCases(
  db: Db,
  temporal: Client,
  { settleMs = 2000, concurrency = 8, applicationIds }: ReconcileOptions = {},
): Promise<{ checked: number; disagreements: Disagreement[] }> {
  const open = await db.application.findMany({
    where: { status: { notIn: [...FINAL_STATUSES] }, ...(applicationIds ? { id: { in: [...applicationIds] } } : {}) },
    select: { id: true },
    orderBy: { submittedAt: "asc" },
  });
  const ids = open.map((a) => a.id);
  const suspects = await compareAll(db, temporal, ids, concurrency);
  if (suspects.length === 0) return { checked: ids.length, disagreements: [] };
  await new Promise((r) => setTimeout(r, settleMs));
  const again = await compareAll(db, temporal, [...new Set(suspects.map((d) => d.applicationId))], concurrency);
  return { checked: ids.length, disagreements: again };
}

async function compareAll(db: Db, temporal: Client, ids: string[], concurrency: number): Promise<Disagreement[]> {
  const out: Disagreement[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, ids.length) }, async () => {
      while (next < ids.length) out.push(...(await compareCase(db, temporal, ids[next++]!)));
    }),
  );
  return out;
}
