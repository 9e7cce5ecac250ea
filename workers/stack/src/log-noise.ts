// Measures what a stack logs while cases wait on officers: starts the stack without the web,
// submits N newborn cases (every record clean), leaves them waiting on the offices for a while,
// then stops. Every child's output goes to stdout/stderr prefixed with its name, so
// `npx tsx workers/stack/src/log-noise.ts cases=100 2>&1 | tee log` can be counted by message.
// Usage: npx tsx workers/stack/src/log-noise.ts [cases=100] [waitSeconds=120]   (VO_SANDBOX_FAULTS for faults)
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { Client, Connection } from "@temporalio/client";
import { createPrisma, DEMO_CITIZENS } from "@visit-once/prisma";
import {
  type ApplicationWorkflowInput,
  applicationWorkflowId,
  getCaseQuery,
  ORCHESTRATOR_TASK_QUEUE,
  SERVICES,
} from "@visit-once/workflows/contracts";
import { sandboxSettings } from "@visit-once/sandboxes/env";
import { temporalCodecKeys } from "@visit-once/workers/env";
import { generatePopulation } from "@visit-once/sandboxes/population";
import { codecDataConverter } from "@visit-once/workers/temporal-connection";
import { departmentUrls } from "./department-urls";
import { startStack } from "./stack";
import { confirmWhenAsked } from "./testing/case-driver";

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.split("=") as [string, string]));
const N = Number(args.cases ?? 100);
const WAIT_S = Number(args.waitSeconds ?? 120);
Object.assign(process.env, departmentUrls(20000));
const dataDir = mkdtempSync(path.join(os.tmpdir(), "visit-once-noise-"));
const stack = await startStack({
  dataDir,
  embeddedPostgresPort: 54359,
  temporalPort: 27243,
  temporalUiPort: 28243,
  withWeb: false,
});
const client = new Client({
  connection: await Connection.connect({ address: stack.temporalAddress }),
  dataConverter: await codecDataConverter(temporalCodecKeys({ VO_TEMPORAL_CODEC_KEYS: stack.codecKeys })),
});
const db = createPrisma(stack.databaseUrl);
try {
  const population = generatePopulation(sandboxSettings({}).population);
  const demo = new Set<string>(DEMO_CITIZENS.map((c) => c.nationalId));
  const applicants = population.applicants.filter((id) => !demo.has(id) && !population.discrepancies.has(id));
  const citizen = await db.user.upsert({
    where: { email: "noise@visit-once.local" },
    create: { email: "noise@visit-once.local", name: "Noise", role: "CITIZEN", passwordHash: "!" },
    update: {},
  });
  const service = SERVICES["newborn-registration"];
  const consent = service.evidence.map((e) => e.recordType);
  console.error(`log-noise: submitting ${N} cases`);
  const handles = [];
  for (let k = 0; k < N; k++) {
    const applicationId = randomUUID();
    await db.application.create({
      data: { id: applicationId, serviceCode: service.code, citizenId: citizen.id, consent },
    });
    const input: ApplicationWorkflowInput = {
      applicationId,
      serviceCode: service.code,
      subjectNationalId: applicants[k % applicants.length]!,
      consent,
    };
    const handle = await client.workflow.start("applicationWorkflow", {
      taskQueue: ORCHESTRATOR_TASK_QUEUE,
      workflowId: applicationWorkflowId(applicationId),
      args: [input],
    });
    confirmWhenAsked(handle);
    handles.push(handle);
  }
  console.error(`log-noise: submitted; waiting ${WAIT_S} s`);
  await delay(WAIT_S * 1000);
  const statuses = new Map<string, number>();
  for (const h of handles) {
    const status = (await h.query(getCaseQuery)).status;
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
  }
  console.error(`log-noise: statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
} finally {
  await db.$disconnect();
  await client.connection.close();
  await stack.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
