import { type NativeConnection, Worker, type WorkerOptions } from "@temporalio/worker";
import { type DepartmentCode, departmentTaskQueue } from "@visit-once/workflows/contracts";
import { createDepartmentActivities } from "../activities/department-activities";
import type { DepartmentConnection, TemporalSettings, workerTuning } from "../env";
import { workerDataConverter } from "../temporal-connection";

/**
 * One department's Temporal worker, holding only that department's connection (URL and key):
 * the same whether its process runs one department (production) or all of them (the embedded default).
 */
export async function createDepartmentWorker(o: {
  code: DepartmentCode;
  department: DepartmentConnection;
  connection: NativeConnection;
  settings: TemporalSettings;
  tuning: ReturnType<typeof workerTuning>;
  workerOptions?: Partial<WorkerOptions>;
}): Promise<Worker> {
  return Worker.create({
    connection: o.connection,
    namespace: o.settings.namespace,
    taskQueue: departmentTaskQueue(o.code),
    dataConverter: await workerDataConverter(),
    activities: createDepartmentActivities(o.code, o.department),
    // Protects the department's system: at most this many requests in flight from this worker,
    maxConcurrentActivityTaskExecutions: o.tuning.VO_DEPARTMENT_CONCURRENCY,
    // and at most this many a second from all its replicas together: the server hands out the
    // department's task queue at this rate, however many workers poll it.
    maxTaskQueueActivitiesPerSecond: o.tuning.VO_DEPARTMENT_RATE_LIMIT,
    // On SIGTERM/SIGINT (the SDK's own handlers) in-flight fetches finish before the worker stops (the launcher waits 8 s).
    shutdownGraceTime: "5s",
    ...o.workerOptions,
  });
}
