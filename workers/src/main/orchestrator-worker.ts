// The orchestrator worker: runs ApplicationWorkflow and the projection activities.
import { Worker } from "@temporalio/worker";
import { createPrisma } from "@visit-once/prisma";
import { ORCHESTRATOR_TASK_QUEUE } from "@visit-once/workflows/contracts";
import { createOrchestratorActivities } from "../activities/orchestrator-activities";
import { databaseUrl, fieldCipher, ledgerKey, runtimeMode, temporalSettings, trustOffForBench, workflowBundlePath } from "../env";
import { productionDatabaseProblems } from "../production-database";
import { connectWorker, installWorkerLogging, workerDataConverter } from "../temporal-connection";
import { workflowsPath } from "../workflow-bundle";

installWorkerLogging();
const settings = temporalSettings();
const bundlePath = workflowBundlePath();
if (runtimeMode() === "production") {
  const problems = await productionDatabaseProblems(databaseUrl());
  if (problems.length > 0) {
    console.error(`VO_ENV=production refuses to start:\n  - ${problems.join("\n  - ")}`);
    process.exit(1);
  }
}
const db = createPrisma(databaseUrl());
const worker = await Worker.create({
  connection: await connectWorker(settings),
  namespace: settings.namespace,
  taskQueue: ORCHESTRATOR_TASK_QUEUE,
  dataConverter: await workerDataConverter(),
  ...(bundlePath ? { workflowBundle: { codePath: bundlePath } } : { workflowsPath }),
  activities: createOrchestratorActivities(db, trustOffForBench() ? null : { key: ledgerKey() }, fieldCipher()),
});
console.log(`orchestrator worker polling ${ORCHESTRATOR_TASK_QUEUE}`);
await worker.run();
await db.$disconnect();
