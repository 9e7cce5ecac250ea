// One department's worker: the only process holding that department's key.
// Usage: department-worker.ts <department-code>
import { Worker } from "@temporalio/worker";
import { departmentTaskQueue } from "@visit-once/workflows/contracts";
import { createDepartmentActivities } from "../activities/department-activities";
import { departmentConnection, parseDepartmentCode, temporalSettings, workerTuning } from "../env";
import { connectWorker, installWorkerLogging, workerDataConverter } from "../temporal-connection";

installWorkerLogging();
const code = parseDepartmentCode(process.argv[2]);
const settings = temporalSettings();
const worker = await Worker.create({
  connection: await connectWorker(settings),
  namespace: settings.namespace,
  taskQueue: departmentTaskQueue(code),
  dataConverter: await workerDataConverter(),
  activities: createDepartmentActivities(code, departmentConnection(code)),
  // Protects the department's system: at most this many requests in flight from us.
  maxConcurrentActivityTaskExecutions: workerTuning().VO_DEPARTMENT_CONCURRENCY,
});
console.log(`${code} worker polling ${departmentTaskQueue(code)}`);
await worker.run();
