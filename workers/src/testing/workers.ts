import type { TestWorkflowEnvironment } from "@temporalio/testing";
import { Worker } from "@temporalio/worker";
import type { Db } from "@visit-once/prisma";
import { DEPARTMENT_CODES, ORCHESTRATOR_TASK_QUEUE, departmentTaskQueue } from "@visit-once/workflows/contracts";
import { createDepartmentActivities } from "../activities/department-activities";
import { createOrchestratorActivities } from "../activities/orchestrator-activities";
import { defaultDepartmentKey, fieldCipher } from "../env";
import type { RunningSandbox } from "../sandboxes";
import { workflowsPath } from "../workflow-bundle";
import { testDataConverter } from "./test-codec";

/** The real workers, in-process: the orchestrator and one per department. */
export async function createWorkers(env: TestWorkflowEnvironment, db: Db, sandboxes: Record<string, RunningSandbox>): Promise<Worker[]> {
  const dataConverter = await testDataConverter();
  const workers = [
    await Worker.create({
      connection: env.nativeConnection,
      dataConverter,
      taskQueue: ORCHESTRATOR_TASK_QUEUE,
      workflowsPath,
      activities: createOrchestratorActivities(db, {}, fieldCipher()),
    }),
  ];
  for (const code of DEPARTMENT_CODES) {
    workers.push(
      await Worker.create({
        connection: env.nativeConnection,
        dataConverter,
        taskQueue: departmentTaskQueue(code),
        activities: createDepartmentActivities(code, { url: sandboxes[code]!.url, key: defaultDepartmentKey(code) }),
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
