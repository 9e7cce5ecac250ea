// Every department's worker in one process (the embedded stack's default): eight Temporal
// workers on one connection, each given only its own department's connection (URL and key).
// One process takes about a quarter of the memory of eight. Development only: production runs
// `department-worker.ts <code>` once per department, so that no process holds two departments' keys.
// Usage: departments-worker.ts
import { DEPARTMENT_CODES, departmentTaskQueue } from "@visit-once/workflows/contracts";
import {
  departmentConnection,
  observabilitySettings,
  runtimeMode,
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

const { settings, tuning, departments } = configOrExit(() => {
  if (runtimeMode() === "production") {
    throw new Error(
      "Invalid configuration:\n  VO_ENV=production runs one department worker per department (department-worker.ts <code>), never all departments' keys in one process",
    );
  }
  return {
    settings: temporalSettings(),
    tuning: workerTuning(),
    departments: DEPARTMENT_CODES.map((code) => ({ code, department: departmentConnection(code) })),
  };
});
const log = installWorkerTelemetry("department-workers");
const tracing = createTracing("vo-department-workers", observabilitySettings().tracesExported ? {} : null);
const connection = await connectWorker(settings);
const workers = await Promise.all(
  departments.map(({ code, department }) =>
    createDepartmentWorker({ code, department, connection, settings, tuning, workerOptions: tracing.workerOptions }),
  ),
);
log.info({ taskQueues: DEPARTMENT_CODES.map(departmentTaskQueue) }, "department workers polling");
// Each department's last minute of real requests, for /api/health (not in the bench's codec-off run: it has no keys).
const reporter = trustOffForBench() ? undefined : await connectClient(settings, temporalCodecKeys());
const stopReporting = reporter ? DEPARTMENT_CODES.map((code) => reportRequests(reporter.client, code)) : [];
// The SDK's signal handlers stop every worker; when one stops with an error, the process ends with it.
await Promise.all(workers.map((w) => w.run()));
for (const stop of stopReporting) stop();
await reporter?.close();
await connection.close();
await tracing.shutdown();
