// One department's worker: the only process holding that department's key (production runs one
// per department; `departments-worker.ts` runs all eight in one process for the embedded stack).
// Usage: department-worker.ts <department-code>
import { departmentTaskQueue } from "@visit-once/workflows/contracts";
import {
  departmentWorkerSettings,
  observabilitySettings,
  parseDepartmentCode,
  temporalCodecKeys,
  temporalSettings,
  trustOffForBench,
  workerTuning,
} from "../env";
import { reportRequests } from "../connectors/report-requests";
import { configOrExit } from "./config-or-exit";
import { connectClient, connectWorker, installWorkerTelemetry } from "../temporal-connection";
import { createTracing } from "../tracing";
import { createDepartmentWorker } from "./department-worker-instance";

// Checked before connecting: a worker holding another department's key never starts.
const { code, settings, tuning, department } = configOrExit(() => {
  const code = parseDepartmentCode(process.argv[2]);
  return { code, settings: temporalSettings(), tuning: workerTuning(), department: departmentWorkerSettings(code) };
});
const log = installWorkerTelemetry(`department-worker:${code}`);
const tracing = createTracing(`vo-department-worker-${code}`, observabilitySettings().tracesExported ? {} : null);
const worker = await createDepartmentWorker({
  code,
  department,
  connection: await connectWorker(settings),
  settings,
  tuning,
  workerOptions: tracing.workerOptions,
});
log.info({ department: code, taskQueue: departmentTaskQueue(code) }, "department worker polling");
// The last minute of real requests, for /api/health (not in the bench's codec-off run: it has no keys).
const reporter = trustOffForBench() ? undefined : await connectClient(settings, temporalCodecKeys());
const stopReporting = reporter && reportRequests(reporter.client, code);
await worker.run();
stopReporting?.();
await reporter?.close();
await tracing.shutdown();
