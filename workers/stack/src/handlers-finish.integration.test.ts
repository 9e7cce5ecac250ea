// The case ends only once its update handlers have finished: an officer's approval that ends
// the case gets its answer, even when recording it takes longer than finishing the case.
// Real Temporal, real PostgreSQL, the real workers; the recording is slowed on purpose.
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { Worker } from "@temporalio/worker";
import { DEMO_CITIZENS } from "@visit-once/prisma";
import {
  type ApplicationOutcome,
  caseStartInput,
  caseStartOptions,
  SERVICES,
  type ServiceDefinition,
  caseUpdates,
} from "@visit-once/workflows/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrchestratorActivities } from "@visit-once/workers/activities/orchestrator-activities";
import { fieldCipher } from "@visit-once/workers/env";
import { waitForCase } from "./testing/case-driver";
import { saveHistory, useCaseStack } from "./testing/case-stack";
import { createTestTemporal } from "./testing/temporal-env";
import { testDataConverter } from "@visit-once/workers/testing/test-codec";
import { workflowsPath } from "@visit-once/workers/workflow-bundle";

const stack = useCaseStack(createTestTemporal);
const [mei] = DEMO_CITIZENS;
const NEWBORN = SERVICES["newborn-registration"];
/** This file's own orchestrator queue, served by a worker whose decision write is slow. */
const SLOW_QUEUE = "orchestrator-slow-decision-writes";
let stopSlow: (() => Promise<void>) | undefined;

beforeAll(async () => {
  const base = createOrchestratorActivities(stack.db, {}, fieldCipher());
  const worker = await Worker.create({
    connection: stack.env.nativeConnection,
    dataConverter: await testDataConverter(),
    taskQueue: SLOW_QUEUE,
    workflowsPath,
    activities: {
      ...base,
      // Recording the approval outlasts everything the case does after it.
      recordTask: async (input: Parameters<typeof base.recordTask>[0]) => {
        if (input.status === "APPROVED") await sleep(3_000);
        return base.recordTask(input);
      },
    },
  });
  const running = worker.run();
  stopSlow = async () => {
    worker.shutdown();
    await running;
  };
}, 60_000);
afterAll(async () => stopSlow?.());

describe("a case waits for its update handlers", () => {
  it("answers the approval that ends it before it completes", async () => {
    // One step and no documents (the pinned definition), so the case ends right after the approval.
    const service: ServiceDefinition = {
      ...(structuredClone(NEWBORN) as ServiceDefinition),
      steps: [{ ...(structuredClone(NEWBORN.steps[0]) as ServiceDefinition["steps"][number]), after: [] }],
      outcomes: [],
    };
    const applicationId = randomUUID();
    const citizen = await stack.db.user.findUniqueOrThrow({ where: { email: mei.email } });
    await stack.db.application.create({
      data: {
        id: applicationId,
        serviceCode: NEWBORN.code,
        citizenId: citizen.id,
        consent: NEWBORN.evidence.map((e) => e.recordType),
      },
    });
    const input = {
      ...caseStartInput({
        applicationId,
        serviceCode: "newborn-registration",
        subjectNationalId: fieldCipher().open(citizen.nationalId!),
        consent: NEWBORN.evidence.map((e) => e.recordType),
      }),
      service,
    };
    const handle = await stack.env.client.workflow.start("applicationWorkflow", {
      ...caseStartOptions(input),
      taskQueue: SLOW_QUEUE,
    });
    const step = service.steps[0]!;
    await waitForCase(
      handle,
      (v) => v.tasks.some((t) => t.key === step.key && t.status === "AWAITING_DECISION"),
      60_000,
    );

    const requestId = randomUUID();
    const answer = await handle.executeUpdate(caseUpdates.decide, {
      updateId: requestId,
      args: [
        {
          requestId,
          actorId: "officer-under-test",
          stepKey: step.key,
          office: step.office,
          decision: "approve",
          reason: "",
        },
      ],
    });
    expect(answer.status).toBeDefined();
    expect(((await handle.result()) as ApplicationOutcome).status).toBe("COMPLETED");
    // A pinned definition in the input and the handlers patch: replayed in CI from now on.
    await saveHistory(stack, "newborn-pinned-waits-for-handlers", handle);

    // In the history the update's completion comes before the case's.
    const events = (await handle.fetchHistory()).events ?? [];
    const updateDone = events.findIndex((e) => e.workflowExecutionUpdateCompletedEventAttributes);
    const caseDone = events.findIndex((e) => e.workflowExecutionCompletedEventAttributes);
    expect(updateDone).toBeGreaterThan(0);
    expect(updateDone).toBeLessThan(caseDone);
    // And the approval was recorded before the case ended.
    expect(
      (
        await stack.db.applicationStep.findUniqueOrThrow({
          where: { applicationId_key: { applicationId, key: step.key } },
        })
      ).status,
    ).toBe("DONE");
  }, 120_000);
});
