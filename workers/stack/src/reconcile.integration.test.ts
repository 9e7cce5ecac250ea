// The reconcile schedule against a real Temporal server, real PostgreSQL and the real workers:
// a submission whose workflow start "crashed" (row and outbox entry written, no start) is
// started; a projection that fell behind is set to what the workflow says; each repair counted.
import { randomUUID } from "node:crypto";
import { WorkflowNotFoundError } from "@temporalio/client";
import { DEMO_CITIZENS } from "@visit-once/prisma";
import {
  applicationWorkflowId,
  RECONCILE_SCHEDULE_ID,
  type ReconcileReport,
  SERVICES,
} from "@visit-once/workflows/contracts";
import { describe, expect, it } from "vitest";
import { waitForCase } from "./testing/case-driver";
import { submit, useCaseStack } from "./testing/case-stack";
import { createTestTemporal } from "./testing/temporal-env";
import { reconcileScope } from "./testing/workers";
import { countReconcileRepairs } from "@visit-once/workers/reconcile/repair-cases";
import { ensureReconcileSchedule } from "@visit-once/workers/reconcile/reconcile-schedule";

const stack = useCaseStack(createTestTemporal);
const [mei, lei] = DEMO_CITIZENS;
const NEWBORN = SERVICES["newborn-registration"];

/** What the web's submission writes in its one transaction; the start that should follow "crashes". */
async function submitWithoutStart(email: string): Promise<string> {
  const applicationId = randomUUID();
  reconcileScope.add(applicationId);
  const citizen = await stack.db.user.findUniqueOrThrow({ where: { email } });
  await stack.db.$transaction([
    stack.db.application.create({
      data: {
        id: applicationId,
        serviceCode: NEWBORN.code,
        citizenId: citizen.id,
        consent: {
          serviceVersion: NEWBORN.version,
          records: NEWBORN.evidence.map((e) => ({
            recordType: e.recordType,
            department: e.department,
            purpose: e.purpose.en,
          })),
          fields: { babyName: "王小宝" },
        },
      },
    }),
    stack.db.caseStartOutbox.create({ data: { applicationId } }),
  ]);
  return applicationId;
}

const runPass = () =>
  stack.env.client.workflow.execute("reconcileWorkflow", {
    taskQueue: "orchestrator",
    workflowId: `reconcile-test-${randomUUID()}`,
  }) as Promise<ReconcileReport>;
const statusOf = async (applicationId: string) =>
  (await stack.db.application.findUniqueOrThrow({ where: { id: applicationId } })).status;

describe("the reconcile schedule", () => {
  it("starts the case of a submission whose start was lost, from the outbox, once", async () => {
    const applicationId = await submitWithoutStart(mei.email);
    const handle = stack.env.client.workflow.getHandle(applicationWorkflowId(applicationId));
    await expect(handle.describe()).rejects.toBeInstanceOf(WorkflowNotFoundError);
    const before = (await countReconcileRepairs(stack.db))["workflow-started"] ?? 0;

    const report = await runPass();
    expect(report.repaired["workflow-started"]).toBe(1);
    expect(await stack.db.caseStartOutbox.count({ where: { applicationId } })).toBe(0);
    // The case runs as if it had started at once: records fetched, waiting on the offices, the service pinned.
    await waitForCase(handle, (v) => v.status === "IN_DEPARTMENTS", 60_000);
    await expect.poll(() => statusOf(applicationId), { timeout: 10_000 }).toBe("IN_DEPARTMENTS");
    const history = await handle.fetchHistory();
    const input = history.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads;
    expect(input).toHaveLength(1);
    expect((await stack.db.reconcileRepair.findMany({ where: { applicationId } })).map((r) => r.kind)).toEqual([
      "workflow-started",
    ]);
    expect((await countReconcileRepairs(stack.db))["workflow-started"]).toBe(before + 1);

    // A second pass has nothing left to start.
    expect((await runPass()).repaired["workflow-started"] ?? 0).toBe(0);
    expect(await stack.db.reconcileRepair.count({ where: { applicationId } })).toBe(1);
  }, 120_000);

  it("sets a page that fell behind its case to what the case says", async () => {
    const { applicationId, handle } = await submit(stack, lei.email);
    reconcileScope.add(applicationId);
    await waitForCase(
      handle,
      (v) =>
        v.status === "IN_DEPARTMENTS" &&
        v.tasks.some((t) => t.key === "household-registration" && t.status === "AWAITING_DECISION"),
      60_000,
    );
    await expect.poll(() => statusOf(applicationId), { timeout: 10_000 }).toBe("IN_DEPARTMENTS");
    // Every write of the case has landed (else a late one would set the page right before the pass does).
    const stepOf = async () =>
      (
        await stack.db.applicationStep.findUniqueOrThrow({
          where: { applicationId_key: { applicationId, key: "household-registration" } },
        })
      ).status;
    await expect.poll(stepOf, { timeout: 10_000 }).toBe("AWAITING_DECISION");
    // A lost projection write: the page still says the records are being fetched, a step is behind.
    await stack.db.application.update({ where: { id: applicationId }, data: { status: "FETCHING" } });
    await stack.db.applicationStep.update({
      where: { applicationId_key: { applicationId, key: "household-registration" } },
      data: { status: "PENDING" },
    });

    const report = await runPass();
    expect(report.repaired["projection-status"]).toBeGreaterThanOrEqual(1);
    expect(report.repaired["projection-step"]).toBeGreaterThanOrEqual(1);
    expect(await statusOf(applicationId)).toBe("IN_DEPARTMENTS");
    expect(
      (
        await stack.db.applicationStep.findUniqueOrThrow({
          where: { applicationId_key: { applicationId, key: "household-registration" } },
        })
      ).status,
    ).toBe("AWAITING_DECISION");
    expect(
      (await stack.db.reconcileRepair.findMany({ where: { applicationId }, orderBy: { id: "asc" } })).map((r) => [
        r.kind,
        r.detail,
      ]),
    ).toEqual([
      ["projection-status", "FETCHING -> IN_DEPARTMENTS"],
      ["projection-step", "household-registration: PENDING -> AWAITING_DECISION"],
    ]);
  }, 120_000);

  it("is a Schedule every minute, created once however often the worker starts, whose run repairs a lost start", async () => {
    expect(await ensureReconcileSchedule(stack.env.client)).toBe("created");
    expect(await ensureReconcileSchedule(stack.env.client)).toBe("existed");
    const schedule = stack.env.client.schedule.getHandle(RECONCILE_SCHEDULE_ID);
    const description = await schedule.describe();
    expect(description.spec.intervals?.map((i) => i.every)).toEqual([60_000]);
    expect(description.action).toMatchObject({
      type: "startWorkflow",
      workflowType: "reconcileWorkflow",
      taskQueue: "orchestrator",
    });

    const applicationId = await submitWithoutStart(mei.email);
    await schedule.trigger();
    const handle = stack.env.client.workflow.getHandle(applicationWorkflowId(applicationId));
    await expect
      .poll(async () => (await handle.describe().catch(() => null))?.status.name, { timeout: 30_000, interval: 500 })
      .toBe("RUNNING");
    await expect
      .poll(() => stack.db.reconcileRepair.count({ where: { applicationId, kind: "workflow-started" } }), {
        timeout: 10_000,
      })
      .toBe(1);
    await schedule.delete();
  }, 120_000);
});
