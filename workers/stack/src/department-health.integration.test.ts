// A department's real-request health across worker replicas, on Temporal's time-skipping
// server: each replica's report counts, the sum is what /api/health reads, and a replica that
// stops reporting drops out after 30 s.
import { Worker } from "@temporalio/worker";
import {
  departmentHealthWorkflowId,
  combineReports,
  departmentRequestReportsQuery,
  isDegraded,
  ORCHESTRATOR_TASK_QUEUE,
  reportRequestsSignal,
  type RequestWindow,
} from "@visit-once/workflows/contracts";
import type { TestWorkflowEnvironment } from "@temporalio/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTimeSkippingTemporal } from "./testing/temporal-env";
import { testDataConverter } from "@visit-once/workers/testing/test-codec";
import { runWorkers } from "./testing/workers";
import { workflowsPath } from "@visit-once/workers/workflow-bundle";

let env: TestWorkflowEnvironment;
let stop: () => Promise<void>;

beforeAll(async () => {
  env = await createTimeSkippingTemporal();
  const worker = await Worker.create({
    connection: env.nativeConnection,
    dataConverter: await testDataConverter(),
    taskQueue: ORCHESTRATOR_TASK_QUEUE,
    workflowsPath,
  });
  stop = runWorkers([worker]);
}, 120_000);

afterAll(async () => {
  await stop?.();
  await env?.teardown();
});

/** What a department worker does every 10 s. */
const report = (window: RequestWindow) =>
  env.client.workflow.signalWithStart("departmentHealthWorkflow", {
    workflowId: departmentHealthWorkflowId("taxation"),
    taskQueue: ORCHESTRATOR_TASK_QUEUE,
    args: [[]],
    signal: reportRequestsSignal,
    signalArgs: [window],
  });

describe("a department's real-request health", () => {
  it("sums every replica's last minute, and forgets a replica that stopped reporting", async () => {
    await report({ replica: "a:1", requests: 4, failures: 4, totalMs: 400, maxMs: 150 });
    await report({ replica: "b:2", requests: 6, failures: 2, totalMs: 600, maxMs: 90 });
    const handle = env.client.workflow.getHandle(departmentHealthWorkflowId("taxation"));
    // Read as the web reads it: the reports, judged fresh by the server's clock now.
    const both = combineReports(await handle.query(departmentRequestReportsQuery), await env.currentTimeMs());
    expect(both).toEqual({ requests: 10, failures: 6, errorRate: 0.6, meanMs: 100, maxMs: 150, replicas: 2 });
    expect(isDegraded(both)).toBe(true);

    // Replica a:1 stops (its worker died); b:2 keeps reporting, now answering well.
    await env.sleep(20_000);
    await report({ replica: "b:2", requests: 5, failures: 0, totalMs: 250, maxMs: 80 });
    await env.sleep(15_000);
    const one = combineReports(await handle.query(departmentRequestReportsQuery), await env.currentTimeMs());
    expect(one).toEqual({ requests: 5, failures: 0, errorRate: 0, meanMs: 50, maxMs: 80, replicas: 1 });
    expect(isDegraded(one)).toBe(false);
    // Every replica gone: nothing counts once their reports are 30 s old.
    await env.sleep(31_000);
    expect(combineReports(await handle.query(departmentRequestReportsQuery), await env.currentTimeMs())).toMatchObject({
      requests: 0,
      replicas: 0,
    });
  }, 60_000);
});
