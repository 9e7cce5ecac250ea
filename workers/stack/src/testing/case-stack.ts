import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { WorkflowHandle, WorkflowHandleWithFirstExecutionRunId } from "@temporalio/client";
import type { TestWorkflowEnvironment } from "@temporalio/testing";
import { Worker } from "@temporalio/worker";
import type { Db } from "@visit-once/prisma";
import { sealSensitive } from "@visit-once/prisma/at-rest";
import {
  type ApplicationOutcome,
  type ApplicationWorkflowInput,
  applicationWorkflowId,
  caseStartInput,
  type FetchPolicy,
  ORCHESTRATOR_TASK_QUEUE,
  type RecordType,
  type ServiceCode,
  SERVICES,
} from "@visit-once/workflows/contracts";
import { afterAll, beforeAll, expect } from "vitest";
import { DEFAULT_ADMIN_KEY, type RunningSandbox, startDepartmentSandboxes } from "@visit-once/sandboxes";
import { fieldCipher } from "@visit-once/workers/env";
import { findTemporalCli } from "../temporal-server";
import { workflowInterceptorModules, workflowsPath } from "@visit-once/workers/workflow-bundle";
import { testDataConverter } from "@visit-once/workers/testing/test-codec";
import { testDatabase } from "@visit-once/workers/testing/database";
import { createWorkers, runWorkers } from "./workers";
import { confirmWhenAsked } from "./case-driver";

export interface CaseStack {
  env: TestWorkflowEnvironment;
  db: Db;
  sandboxes: Record<string, RunningSandbox>;
}

/**
 * A file's stack: a Temporal server (from `createEnv`), the migrated test database, the
 * department sandboxes and the real workers, started once for the file.
 */
export function useCaseStack(
  createEnv: () => Promise<TestWorkflowEnvironment>,
  database: () => Promise<Db> = testDatabase,
  workerOptions: Parameters<typeof createWorkers>[4] = {},
): CaseStack {
  const stack = {} as CaseStack;
  let stopWorkers: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    // Each kept as soon as it is up, so afterAll stops what did start when another part fails.
    await Promise.all([
      createEnv().then((env) => (stack.env = env)),
      database().then((db) => (stack.db = db)),
      startDepartmentSandboxes({ anyPort: true, env: {} }).then((sandboxes) => (stack.sandboxes = sandboxes)),
    ]);
    stopWorkers = runWorkers(await createWorkers(stack.env, stack.db, stack.sandboxes, undefined, workerOptions));
  }, 120_000);
  afterAll(async () => {
    await stopWorkers?.();
    await Promise.all(Object.values(stack.sandboxes ?? {}).map((s) => s.close()));
    await stack.env?.teardown();
    await stack.db?.$disconnect();
  }, 60_000);
  return stack;
}

export interface Submission {
  serviceCode?: ServiceCode;
  applicationId?: string;
  fetchPolicy?: FetchPolicy;
  consent?: RecordType[];
  /** Leave the preview unanswered (the preview's own tests); by default the citizen confirms it as soon as it asks. */
  leavePreview?: boolean;
  /** What the citizen typed, stored with the consent sealed as the web's submit stores it. */
  fields?: Record<string, string | number>;
}

/** What the submit route does: the application row, then its workflow (joining one already started). */
export async function submit(
  stack: CaseStack,
  citizenEmail: string,
  s: Submission = {},
): Promise<{ applicationId: string; handle: WorkflowHandleWithFirstExecutionRunId }> {
  const serviceCode = s.serviceCode ?? "newborn-registration";
  const applicationId = s.applicationId ?? randomUUID();
  const consent = s.consent ?? SERVICES[serviceCode].evidence.map((e) => e.recordType);
  const citizen = await stack.db.user.findUniqueOrThrow({ where: { email: citizenEmail } });
  const stored = s.fields ? { records: consent, fields: sealSensitive(s.fields, fieldCipher()) } : consent;
  await stack.db.application.upsert({
    where: { id: applicationId },
    create: { id: applicationId, serviceCode, citizenId: citizen.id, consent: stored },
    update: {},
  });
  // Pinned to the service's current definition, as the submission pins it.
  const input: ApplicationWorkflowInput = {
    ...caseStartInput({
      applicationId,
      serviceCode,
      subjectNationalId: fieldCipher().open(citizen.nationalId!),
      consent,
    }),
    fetchPolicy: s.fetchPolicy,
  };
  const handle = await stack.env.client.workflow.start("applicationWorkflow", {
    taskQueue: ORCHESTRATOR_TASK_QUEUE,
    workflowId: applicationWorkflowId(applicationId),
    workflowIdConflictPolicy: "USE_EXISTING",
    args: [input],
  });
  if (!s.leavePreview) confirmWhenAsked(handle);
  return { applicationId, handle };
}

export const result = (handle: WorkflowHandle) => handle.result() as Promise<ApplicationOutcome>;

/**
 * Replays the case's whole history against the current workflow code, as a restarted worker
 * would (it throws on nondeterminism), and returns the history.
 */
export async function replayCase(handle: WorkflowHandle) {
  const history = await handle.fetchHistory();
  await Worker.runReplayHistory(
    {
      workflowsPath,
      interceptors: { workflowModules: workflowInterceptorModules },
      dataConverter: await testDataConverter(),
    },
    history,
    handle.workflowId,
  );
  return history;
}

/** With VO_SAVE_HISTORIES=1, keeps a run's history for the replay test (workflows/histories). */
export async function saveHistory(stack: CaseStack, name: string, handle: WorkflowHandle): Promise<void> {
  if (!process.env.VO_SAVE_HISTORIES) return;
  const json = execFileSync(findTemporalCli()!, [
    "workflow",
    "show",
    "--workflow-id",
    handle.workflowId,
    "--address",
    stack.env.address,
    "--output",
    "json",
  ]);
  const dir = path.join(path.dirname(workflowsPath), "..", "histories");
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `${name}.json`), json);
}

export async function setFaults(stack: CaseStack, department: string, faults: object): Promise<void> {
  const res = await fetch(`${stack.sandboxes[department]!.url}/admin/faults`, {
    method: "PUT",
    headers: { "x-admin-key": DEFAULT_ADMIN_KEY, "content-type": "application/json" },
    body: JSON.stringify(faults),
  });
  expect(res.status).toBe(200);
}
