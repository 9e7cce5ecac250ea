// Submit → case completed, against real PostgreSQL, a real Temporal server, the real
// workers and the department sandboxes.
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { WorkflowHandle } from "@temporalio/client";
import type { TestWorkflowEnvironment } from "@temporalio/testing";
import { DEMO_CITIZENS, type Db } from "@visit-once/prisma";
import {
  type ApplicationWorkflowInput,
  applicationWorkflowId,
  type FetchPolicy,
  ORCHESTRATOR_TASK_QUEUE,
  type ServiceCode,
  SERVICES,
} from "@visit-once/workflows/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningSandbox, startDepartmentSandboxes } from "./sandboxes";
import { testDatabase } from "./testing/database";
import { createTestTemporal } from "./testing/temporal-env";
import { createWorkers, runWorkers } from "./testing/workers";
import { findTemporalCli } from "./stack/temporal-server";
import { workflowsPath } from "./workflow-bundle";

let env: TestWorkflowEnvironment;
let db: Db;
let sandboxes: Record<string, RunningSandbox>;
let stopWorkers: () => Promise<void>;

beforeAll(async () => {
  [env, db, sandboxes] = await Promise.all([createTestTemporal(), testDatabase(), startDepartmentSandboxes({ anyPort: true, env: {} })]);
  stopWorkers = runWorkers(await createWorkers(env, db, sandboxes));
}, 120_000);

afterAll(async () => {
  await stopWorkers?.();
  await Promise.all(Object.values(sandboxes ?? {}).map((s) => s.close()));
  await env?.teardown();
  await db?.$disconnect();
});

const NEWBORN_RECORDS = SERVICES["newborn-registration"].evidence.map((e) => e.recordType);

async function submit(citizenEmail: string, applicationId = randomUUID(), fetchPolicy?: FetchPolicy, serviceCode: ServiceCode = "newborn-registration") {
  const citizen = await db.user.findUniqueOrThrow({ where: { email: citizenEmail } });
  await db.application.upsert({
    where: { id: applicationId },
    create: { id: applicationId, serviceCode, citizenId: citizen.id, consent: SERVICES[serviceCode].evidence.map((e) => e.recordType) },
    update: {},
  });
  const input: ApplicationWorkflowInput = { applicationId, serviceCode, subjectNationalId: citizen.nationalId!, fetchPolicy };
  const handle = await env.client.workflow.start("applicationWorkflow", {
    taskQueue: ORCHESTRATOR_TASK_QUEUE,
    workflowId: applicationWorkflowId(applicationId),
    workflowIdConflictPolicy: "USE_EXISTING",
    args: [input],
  });
  return { applicationId, handle };
}

const [mei, lei, hua, zhou] = DEMO_CITIZENS;

/** With VO_SAVE_HISTORIES=1, keeps a run's history for the replay test (workflows/histories). */
async function saveHistory(name: string, handle: WorkflowHandle) {
  if (!process.env.VO_SAVE_HISTORIES) return;
  const json = execFileSync(findTemporalCli()!, ["workflow", "show", "--workflow-id", handle.workflowId, "--address", env.address, "--output", "json"]);
  const dir = path.join(path.dirname(workflowsPath), "..", "histories");
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `${name}.json`), json);
}

async function setFaults(department: string, faults: object) {
  const res = await fetch(`${sandboxes[department]!.url}/admin/faults`, {
    method: "PUT",
    headers: { "x-admin-key": "sandbox-admin", "content-type": "application/json" },
    body: JSON.stringify(faults),
  });
  expect(res.status).toBe(200);
}

describe("newborn registration, end to end", () => {
  it("fetches every department's records in parallel, with provenance, and completes the case", async () => {
    const { applicationId, handle } = await submit(mei.email);
    const outcome = await handle.result();
    expect(outcome).toEqual({ status: "COMPLETED", reasons: [], conflicts: [], missing: [] });
    await saveHistory("newborn-completed", handle);

    const app = await db.application.findUniqueOrThrow({ where: { id: applicationId }, include: { steps: true, records: true } });
    expect(app.status).toBe("COMPLETED");
    expect(app.recordsReadyAt).not.toBeNull();
    expect(app.steps.map((s) => [s.key, s.status]).sort()).toEqual(
      [...NEWBORN_RECORDS.map((r) => [`fetch:${r}`, "DONE"]), ["review", "DONE"]].sort(),
    );
    expect(app.records).toHaveLength(NEWBORN_RECORDS.length);
    const byType = Object.fromEntries(app.records.map((r) => [r.recordType, r]));
    expect(byType.identity).toMatchObject({ departmentCode: "public-security", data: { nationalId: mei.nationalId, fullName: "王美", sex: "F", birthDate: "1992-03-15", householdRegion: "330102" } });
    expect(byType["birth-certificate"]).toMatchObject({ departmentCode: "health", data: { motherNationalId: mei.nationalId } });
    expect(byType.marriage).toMatchObject({ departmentCode: "civil-affairs", data: { status: "married" } });
    expect(byType.household).toMatchObject({ departmentCode: "public-security", data: { members: expect.arrayContaining([{ nationalId: mei.nationalId, fullName: "王美", relationToHead: "spouse" }]) } });
    expect(byType["medical-insurance"]).toMatchObject({ departmentCode: "medical-security", data: { nationalId: mei.nationalId, fullName: "王美" } });
    // Fetched in parallel: every department was asked before the first one answered.
    const started = app.steps.filter((s) => s.key.startsWith("fetch:")).map((s) => s.startedAt!.getTime());
    const firstDone = Math.min(...app.records.map((r) => r.retrievedAt.getTime()));
    expect(Math.max(...started)).toBeLessThanOrEqual(firstDone);
    for (const r of app.records) expect(r.rawSha256).toMatch(/^[0-9a-f]{64}$/);
  }, 60_000);

  it("a second submit of the same application joins the same case instead of opening another", async () => {
    const applicationId = randomUUID();
    const first = await submit(lei.email, applicationId);
    const second = await submit(lei.email, applicationId);
    expect(second.handle.firstExecutionRunId).toBe(first.handle.firstExecutionRunId);
    await first.handle.result();
    const count = await db.application.count({ where: { id: applicationId } });
    expect(count).toBe(1);
  }, 60_000);

  it("ends in a plain failure when a department holds no record", async () => {
    const { applicationId, handle } = await submit(hua.email);
    const outcome = await handle.result();
    await saveHistory("newborn-missing-records", handle);
    expect(outcome.status).toBe("FAILED");
    expect(outcome.reasons).toEqual([
      "The Civil Affairs Bureau holds no marriage record for the applicant.",
      "The Health Commission holds no birth-certificate record for the applicant.",
    ]);
    expect(outcome.missing).toEqual(
      expect.arrayContaining([
        { recordType: "marriage", department: "civil-affairs" },
        { recordType: "birth-certificate", department: "health" },
      ]),
    );
    const step = await db.applicationStep.findUniqueOrThrow({ where: { applicationId_key: { applicationId, key: "fetch:birth-certificate" } } });
    expect(step.status).toBe("FAILED");
  }, 60_000);

  it("runs another service from its definition alone, and applies its eligibility rules", async () => {
    const { applicationId, handle } = await submit(mei.email, randomUUID(), undefined, "retirement");
    const outcome = await handle.result();
    expect(outcome).toMatchObject({
      status: "FAILED",
      reasons: ["A pension needs at least 15 years of contributions.", "You have not reached the retirement age yet."],
      conflicts: [],
    });
    const app = await db.application.findUniqueOrThrow({ where: { id: applicationId }, include: { records: true } });
    expect(app.records.map((r) => r.recordType).sort()).toEqual(["identity", "medical-insurance", "social-insurance"]);
  }, 60_000);

  it("reports a conflict between departments with each value's source", async () => {
    const { handle } = await submit(zhou.email);
    const outcome = await handle.result();
    await saveHistory("newborn-conflict", handle);
    expect(outcome.status).toBe("FAILED");
    expect(outcome.conflicts).toHaveLength(1);
    expect(outcome.conflicts[0]).toMatchObject({ field: "fullName" });
    expect(outcome.conflicts[0]!.values).toEqual(
      expect.arrayContaining([
        { value: "周敏", recordType: "identity", department: "public-security" },
        { value: "周民", recordType: "medical-insurance", department: "medical-security" },
      ]),
    );
  }, 60_000);

  it("ends a fetch in a typed 'department unavailable' outcome when an outage outlasts the retry budget", async () => {
    await setFaults("civil-affairs", { outageUntil: new Date(Date.now() + 600_000).toISOString() });
    try {
      const { applicationId, handle } = await submit(mei.email, randomUUID(), { retryBudgetSeconds: 2, waitSeconds: 1, rounds: 2 });
      const outcome = await handle.result();
      expect(outcome.status).toBe("FAILED");
      expect(outcome.reasons).toEqual(["The Civil Affairs Bureau system did not answer after 2 attempts over time."]);
      const step = await db.applicationStep.findUniqueOrThrow({ where: { applicationId_key: { applicationId, key: "fetch:marriage" } } });
      expect(step.status).toBe("FAILED");
    } finally {
      await setFaults("civil-affairs", {});
    }
  }, 60_000);

  it("waits for a department that comes back, and completes", async () => {
    await setFaults("civil-affairs", { outageUntil: new Date(Date.now() + 3_000).toISOString() });
    try {
      const { handle } = await submit(lei.email, randomUUID(), { retryBudgetSeconds: 1, waitSeconds: 2, rounds: 5 });
      expect((await handle.result()).status).toBe("COMPLETED");
    } finally {
      await setFaults("civil-affairs", {});
    }
  }, 60_000);

  it("rides out a flaky department: failed requests are retried until the case completes", async () => {
    await setFaults("health", { errorRate: 0.3 });
    try {
      const runs = await Promise.all([submit(mei.email), submit(lei.email), submit(mei.email)]);
      const outcomes = await Promise.all(runs.map((r) => r.handle.result()));
      expect(outcomes.map((o) => o.status)).toEqual(["COMPLETED", "COMPLETED", "COMPLETED"]);
    } finally {
      await setFaults("health", {});
    }
  }, 90_000);
});
