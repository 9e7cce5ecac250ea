import type { TestWorkflowEnvironment } from "@temporalio/testing";
import { Worker, type WorkerOptions } from "@temporalio/worker";
import type { Db } from "@visit-once/prisma";
import {
  DEPARTMENT_CODES,
  type DepartmentCode,
  ORCHESTRATOR_TASK_QUEUE,
  departmentTaskQueue,
} from "@visit-once/workflows/contracts";
import { createDepartmentActivities } from "@visit-once/workers/activities/department-activities";
import { createOrchestratorActivities } from "@visit-once/workers/activities/orchestrator-activities";
import { defaultDepartmentKey, fieldCipher } from "@visit-once/workers/env";
import type { RunningSandbox } from "@visit-once/sandboxes";
import { workflowInterceptorModules, workflowsPath } from "@visit-once/workers/workflow-bundle";
import { testDataConverter } from "@visit-once/workers/testing/test-codec";
import { createReconcileActivities } from "@visit-once/workers/reconcile/reconcile-schedule";

/**
 * The applications this test file's reconcile passes may touch: the files share one database,
 * and a pass must not start (in this file's Temporal) the cases other files made in theirs.
 */
export const reconcileScope = new Set<string>();

/** The real workers, in-process: the orchestrator and one per department (of `departments`), each with `extra` (e.g. tracing's options). */
export async function createWorkers(
  env: TestWorkflowEnvironment,
  db: Db,
  sandboxes: Record<string, RunningSandbox>,
  departments: readonly DepartmentCode[] = DEPARTMENT_CODES,
  extra: Pick<WorkerOptions, "interceptors" | "sinks"> = {},
): Promise<Worker[]> {
  const dataConverter = await testDataConverter();
  const workers = [
    await Worker.create({
      connection: env.nativeConnection,
      dataConverter,
      taskQueue: ORCHESTRATOR_TASK_QUEUE,
      workflowsPath,
      // The reconcile pass without its grace and settling, so a test sees its repairs at once.
      activities: {
        ...createOrchestratorActivities(db, {}, fieldCipher()),
        ...createReconcileActivities(db, fieldCipher(), {
          outboxGraceMs: 0,
          settleMs: 200,
          applicationIds: () => [...reconcileScope],
        }),
      },
      ...extra,
      interceptors: { ...extra.interceptors, workflowModules: workflowInterceptorModules },
    }),
  ];
  for (const code of departments) {
    workers.push(
      await Worker.create({
        connection: env.nativeConnection,
        dataConverter,
        taskQueue: departmentTaskQueue(code),
        activities: createDepartmentActivities(code, { url: sandboxes[code]!.url, key: defaultDepartmentKey(code) }),
        ...extra,
      }),
    );
  }
  return workers;
}

/** Runs the workers until the returned stop function is called. */
export function runWorkers(workers: Worker[]): () => Promise<void> {
  const running = Promise.all(workers.map((w) => w.run()));
  return async () => {
    for (const w of workers) w.shutdown();
    await running;
  };
}
