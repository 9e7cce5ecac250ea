// The fetch retry budget counts only the department's own failures, on a real Temporal dev
// server with the real workers and sandboxes: five budgets' time without a worker for the
// department (our own outage) leave a healthy department's case untouched, while a real
// outage of the department still uses the budget up. (Not on the time-skipping server: it
// does not skip time while an activity is outstanding, which is exactly our outage here.)
import { Worker } from "@temporalio/worker";
import { DEMO_CITIZENS } from "@visit-once/prisma";
import { DEPARTMENT_CODES, departmentTaskQueue, getCaseQuery } from "@visit-once/workflows/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDepartmentActivities } from "@visit-once/workers/activities/department-activities";
import { defaultDepartmentKey } from "@visit-once/workers/env";
import { approveAll } from "./testing/case-driver";
import { type CaseStack, setFaults, submit } from "./testing/case-stack";
import { createTestTemporal } from "./testing/temporal-env";
import { testDataConverter } from "@visit-once/workers/testing/test-codec";
import { createWorkers, runWorkers } from "./testing/workers";
import { testDatabase } from "@visit-once/workers/testing/database";
import { startDepartmentSandboxes } from "@visit-once/sandboxes";

const [mei, lei] = DEMO_CITIZENS;
const stack = {} as CaseStack;
let stopWorkers: (() => Promise<void>) | undefined;

// Every worker but the Civil Affairs Bureau's: each test starts that one itself.
beforeAll(async () => {
  [stack.env, stack.db, stack.sandboxes] = await Promise.all([
    createTestTemporal(),
    testDatabase(),
    startDepartmentSandboxes({ anyPort: true, env: {} }),
  ]);
  stopWorkers = runWorkers(
    await createWorkers(
      stack.env,
      stack.db,
      stack.sandboxes,
      DEPARTMENT_CODES.filter((c) => c !== "civil-affairs"),
    ),
  );
}, 120_000);

afterAll(async () => {
  await stopWorkers?.();
  await Promise.all(Object.values(stack.sandboxes ?? {}).map((s) => s.close()));
  await stack.env?.teardown();
  await stack.db?.$disconnect();
});

async function civilAffairsWorker(): Promise<() => Promise<void>> {
  const worker = await Worker.create({
    connection: stack.env.nativeConnection,
    dataConverter: await testDataConverter(),
    taskQueue: departmentTaskQueue("civil-affairs"),
    activities: createDepartmentActivities("civil-affairs", {
      url: stack.sandboxes["civil-affairs"]!.url,
      key: defaultDepartmentKey("civil-affairs"),
    }),
  });
  return runWorkers([worker]);
}

// A short budget, so the test runs in seconds: our own outage below lasts five budgets.
const POLICY = { retryBudgetSeconds: 3, waitSeconds: 1, rounds: 2 };
const OUR_OUTAGE_MS = 15_000;

async function marriageStep(applicationId: string) {
  return stack.db.applicationStep.findUnique({
    where: { applicationId_key: { applicationId, key: "fetch:marriage" } },
  });
}

describe("the fetch retry budget", () => {
  it("does not run while no worker of ours runs the fetch: after five budgets without one, the case goes on as if nothing happened", async () => {
    const { applicationId, handle } = await submit(stack, mei.email, { fetchPolicy: POLICY });
    // The other departments answer; the marriage record waits for a Civil Affairs worker.
    // Before the patch, scheduleToCloseTimeout ran out after 3 s and the citizen was told the bureau was not answering.
    const until = Date.now() + OUR_OUTAGE_MS;
    while (Date.now() < until) {
      const step = await marriageStep(applicationId);
      expect(step?.status ?? "PENDING").not.toBe("FAILED");
      expect(step?.detail ?? "").not.toMatch(/not answering/);
      await new Promise((r) => setTimeout(r, 500));
    }
    expect((await handle.query(getCaseQuery)).exceptions).toEqual([]);

    const stop = await civilAffairsWorker();
    try {
      const outcome = await approveAll(handle);
      expect(outcome.status).toBe("COMPLETED");
      expect((await marriageStep(applicationId))?.status).toBe("DONE");
      expect(await stack.db.caseException.count({ where: { applicationId } })).toBe(0);
    } finally {
      await stop();
    }
  }, 90_000);

  it("does run out while the department itself fails: the citizen is told it is not answering, then a caseworker is asked", async () => {
    await setFaults(stack, "civil-affairs", { outageUntil: new Date(Date.now() + 600_000).toISOString() });
    const stop = await civilAffairsWorker();
    try {
      const { applicationId, handle } = await submit(stack, lei.email, { fetchPolicy: POLICY });
      let toldWaiting = false;
      let view = await handle.query(getCaseQuery);
      for (let i = 0; i < 120 && view.exceptions.length === 0; i++) {
        const step = await marriageStep(applicationId);
        // Between the two budgets the fetch waits, RUNNING, its detail saying the bureau is not answering.
        if (step?.status === "RUNNING" && /not answering/.test(step.detail ?? "")) toldWaiting = true;
        await new Promise((r) => setTimeout(r, 250));
        view = await handle.query(getCaseQuery);
      }
      expect(toldWaiting).toBe(true);
      expect(view.exceptions).toEqual([
        expect.objectContaining({
          kind: "DEPARTMENT_UNAVAILABLE",
          departmentCode: "civil-affairs",
          recordType: "marriage",
          summary: "The Civil Affairs Bureau system did not answer after 2 attempts over time.",
        }),
      ]);
    } finally {
      await setFaults(stack, "civil-affairs", {});
      await stop();
    }
  }, 90_000);
});
