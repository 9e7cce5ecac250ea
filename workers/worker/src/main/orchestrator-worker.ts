// The orchestrator worker: runs ApplicationWorkflow and the projection activities, and the
// reconcile schedule's passes (which it creates at start if missing).
import { getHeapStatistics } from "node:v8";
import { Worker } from "@temporalio/worker";
import { createPrisma } from "@visit-once/prisma";
import { ORCHESTRATOR_TASK_QUEUE } from "@visit-once/workflows/contracts";
import { createOrchestratorActivities } from "../activities/orchestrator-activities";
import {
  cacheHeapWarning,
  databaseUrl,
  fieldCipher,
  ledgerKey,
  observabilitySettings,
  orchestratorTuning,
  runtimeMode,
  temporalCodecKeys,
  temporalSettings,
  trustOffForBench,
  workflowBundlePath,
} from "../env";
import { productionDatabaseProblems } from "../production-database";
import { configOrExit } from "./config-or-exit";
import { createReconcileActivities, ensureReconcileSchedule } from "../reconcile/reconcile-schedule";
import { connectClient, connectWorker, installWorkerTelemetry, workerDataConverter } from "../temporal-connection";
import { createTracing } from "../tracing";
import { workflowInterceptorModules, workflowsPath } from "../workflow-bundle";

const log = installWorkerTelemetry("orchestrator-worker");
const { settings, bundlePath, ledger, cipher, dbUrl, tuning } = configOrExit(() => ({
  settings: temporalSettings(),
  tuning: orchestratorTuning(),
  bundlePath: workflowBundlePath(),
  ledger: trustOffForBench() ? null : { key: ledgerKey() },
  cipher: fieldCipher(),
  dbUrl: databaseUrl(),
}));
if (runtimeMode() === "production") {
  const problems = await productionDatabaseProblems(dbUrl);
  if (problems.length > 0) {
    log.fatal({ problems }, "VO_ENV=production refuses to start");
    process.exit(1);
  }
}
const cacheTooBig = cacheHeapWarning(tuning.VO_MAX_CACHED_WORKFLOWS, getHeapStatistics().heap_size_limit);
if (cacheTooBig) log.warn(cacheTooBig);
const db = createPrisma(dbUrl);
const tracing = createTracing("vo-orchestrator-worker", observabilitySettings().tracesExported ? {} : null);
const worker = await Worker.create({
  connection: await connectWorker(settings),
  namespace: settings.namespace,
  taskQueue: ORCHESTRATOR_TASK_QUEUE,
  maxCachedWorkflows: tuning.VO_MAX_CACHED_WORKFLOWS,
  dataConverter: await workerDataConverter(),
  ...(bundlePath ? { workflowBundle: { codePath: bundlePath } } : { workflowsPath }),
  activities: {
    ...createOrchestratorActivities(db, ledger, cipher),
    ...createReconcileActivities(db, cipher),
  },
  // On SIGTERM/SIGINT (the SDK's own handlers) in-flight activities finish before the worker stops (the launcher waits 8 s).
  shutdownGraceTime: "5s",
  ...tracing.workerOptions,
  // A prebuilt bundle carries the workflow interceptors itself (main/bundle-workflows.ts).
  interceptors: {
    ...tracing.workerOptions.interceptors,
    workflowModules: bundlePath ? [] : workflowInterceptorModules,
  },
});
// The bench runs without the codec and starts its own cases: no schedule there.
if (!trustOffForBench()) {
  const { client, close } = await connectClient(settings, temporalCodecKeys());
  // Cases go on without it (another replica or the next start makes it): a warning, not an exit.
  await ensureReconcileSchedule(client).then(
    (outcome) => log.info({ outcome }, "reconcile schedule"),
    (err: Error) =>
      log.warn(
        { err },
        "The reconcile schedule could not be created; cases run, but nothing repairs a lost start until it is.",
      ),
  );
  await close();
}
log.info({ taskQueue: ORCHESTRATOR_TASK_QUEUE }, "orchestrator worker polling");
await worker.run();
await db.$disconnect();
await tracing.shutdown();
