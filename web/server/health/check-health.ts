import type { Client } from "@temporalio/client";
import {
  DEPARTMENT_CODES,
  type DepartmentCode,
  combineReports,
  departmentHealthWorkflowId,
  departmentRequestReportsQuery,
  type DepartmentRequestHealth,
  departmentTaskQueue,
  isDegraded,
  ORCHESTRATOR_TASK_QUEUE,
} from "@visit-once/workflows/contracts";
import { env } from "@/env";
import { db } from "../db";
import { temporal } from "../temporal";

export type Health = "ok" | "down";

export interface HealthReport {
  db: Health;
  temporal: Health;
  /** Down when its /health fails, or when it failed most of our real requests in the last minute. */
  departments: Record<DepartmentCode, Health>;
  /**
   * Each department's real requests over the last minute (all worker replicas): count, error
   * rate, mean and maximum latency. Null when no report could be read (no worker reported yet, or Temporal is down).
   */
  requests: Record<DepartmentCode, DepartmentRequestHealth | null>;
  /** Whether a worker is polling each task queue: the orchestrator's and each department's. */
  workers: Record<"orchestrator" | DepartmentCode, Health>;
}

const TIMEOUT_MS = 2000;

function withTimeout<T>(work: Promise<T>, ms = TIMEOUT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

async function probe(check: () => Promise<unknown>): Promise<Health> {
  try {
    await withTimeout(check());
    return "ok";
  } catch {
    return "down";
  }
}

async function checkDepartment(baseUrl: string): Promise<void> {
  const res = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(TIMEOUT_MS), cache: "no-store" });
  await res.body?.cancel();
  if (res.status !== 200) throw new Error(`status ${res.status}`);
}

/** The department workers' reports of their real requests (department-health workflow), or null. */
async function requestHealth(code: DepartmentCode): Promise<DepartmentRequestHealth | null> {
  try {
    const client = await temporal();
    const reports = await withTimeout(
      client.workflow.getHandle(departmentHealthWorkflowId(code)).query(departmentRequestReportsQuery),
    );
    return combineReports(reports, Date.now());
  } catch {
    return null;
  }
}

/** A live worker renews its long poll at least every minute or so; a dead one's last poll ages. */
const POLLER_FRESH_MS = 90_000;
/** temporal.api.enums.v1.TaskQueueType: workflow tasks 1, activity tasks 2. */
const WORKFLOW_TASKS = 1;
const ACTIVITY_TASKS = 2;

/** Fails unless some worker polled the queue (for that kind of task) within POLLER_FRESH_MS. */
async function checkPollers(client: Client, namespace: string, queue: string, taskQueueType: number): Promise<void> {
  const { pollers } = await client.connection.withDeadline(Date.now() + TIMEOUT_MS, () =>
    client.workflowService.describeTaskQueue({ namespace, taskQueue: { name: queue }, taskQueueType }),
  );
  const now = Date.now();
  const fresh = (pollers ?? []).some(
    (p) => p.lastAccessTime && now - Number(p.lastAccessTime.seconds ?? 0) * 1000 < POLLER_FRESH_MS,
  );
  if (!fresh) throw new Error(`no worker polls ${queue}`);
}

export function isHealthy(report: HealthReport): boolean {
  return (
    report.db === "ok" &&
    report.temporal === "ok" &&
    [...Object.values(report.departments), ...Object.values(report.workers)].every((h) => h === "ok")
  );
}

const QUEUES = ["orchestrator", ...DEPARTMENT_CODES] as const;

/** The orchestrator's queue needs workflow and activity pollers; a department's, activity pollers. */
async function checkWorkers(name: (typeof QUEUES)[number], namespace: string): Promise<void> {
  const client = await temporal();
  if (name !== "orchestrator") return checkPollers(client, namespace, departmentTaskQueue(name), ACTIVITY_TASKS);
  await Promise.all(
    [WORKFLOW_TASKS, ACTIVITY_TASKS].map((type) => checkPollers(client, namespace, ORCHESTRATOR_TASK_QUEUE, type)),
  );
}

/**
 * Checks the database, Temporal, each department system and each task queue's workers, in
 * parallel, each within 2 s; then reads each department's real requests of the last minute.
 */
export async function checkHealth(): Promise<HealthReport> {
  const {
    departmentUrls,
    temporal: { namespace },
  } = env();
  const [[dbHealth, temporalHealth, ...rest], requests] = await Promise.all([
    Promise.all([
      probe(() => db().$queryRaw`select 1`),
      probe(async () => {
        const client = await temporal();
        await client.connection.withDeadline(Date.now() + TIMEOUT_MS, () => client.workflowService.getSystemInfo({}));
      }),
      ...DEPARTMENT_CODES.map((code) => probe(() => checkDepartment(departmentUrls[code]))),
      ...QUEUES.map((name) => probe(() => checkWorkers(name, namespace))),
    ]),
    Promise.all(DEPARTMENT_CODES.map(requestHealth)),
  ]);
  const departments = rest.slice(0, DEPARTMENT_CODES.length);
  const workers = rest.slice(DEPARTMENT_CODES.length);
  return {
    db: dbHealth!,
    temporal: temporalHealth!,
    // Its /health skips the faults its real answers have: a department failing most real requests is down.
    departments: Object.fromEntries(
      DEPARTMENT_CODES.map((code, i) => [
        code,
        departments[i] === "ok" && !(requests[i] && isDegraded(requests[i])) ? "ok" : "down",
      ]),
    ) as HealthReport["departments"],
    requests: Object.fromEntries(DEPARTMENT_CODES.map((code, i) => [code, requests[i]])) as HealthReport["requests"],
    workers: Object.fromEntries(QUEUES.map((name, i) => [name, workers[i]!])) as HealthReport["workers"],
  };
}
