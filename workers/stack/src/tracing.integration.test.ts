// Traces on a real Temporal dev server, real PostgreSQL, the real workers and the department
// sandboxes, exported over OTLP/HTTP (JSON) to a collector this test runs itself: a case's start
// from the web's side (the same client interceptor as web/server/temporal.ts, inside a span standing
// for the route) and each department fetch's activity span with the department call under it.
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { trace } from "@opentelemetry/api";
import { Client } from "@temporalio/client";
import { OpenTelemetryWorkflowClientInterceptor } from "@temporalio/interceptors-opentelemetry/lib/client";
import { DEMO_CITIZENS } from "@visit-once/prisma";
import {
  type ApplicationWorkflowInput,
  applicationWorkflowId,
  ORCHESTRATOR_TASK_QUEUE,
  SERVICES,
} from "@visit-once/workflows/contracts";
import { afterAll, describe, expect, it } from "vitest";
import { fieldCipher } from "@visit-once/workers/env";
import { waitForCase } from "./testing/case-driver";
import { useCaseStack } from "./testing/case-stack";
import { createTestTemporal } from "./testing/temporal-env";
import { testDataConverter } from "@visit-once/workers/testing/test-codec";
import { createTracing } from "@visit-once/workers/tracing";

interface ReceivedSpan {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  attributes: Record<string, unknown>;
}
interface OtlpValue {
  stringValue?: string;
  intValue?: number | string;
}
interface OtlpAttribute {
  key: string;
  value: OtlpValue;
}

/** A minimal OTLP/HTTP JSON collector: every span it receives, with its service's name. */
const received: ReceivedSpan[] = [];
const collector = createServer((req, res) => {
  let body = "";
  req.on("data", (chunk: Buffer) => (body += chunk.toString()));
  req.on("end", () => {
    const attrs = (list: OtlpAttribute[] = []) =>
      Object.fromEntries(list.map((a) => [a.key, a.value.stringValue ?? a.value.intValue]));
    const doc = JSON.parse(body) as {
      resourceSpans: {
        resource: { attributes: OtlpAttribute[] };
        scopeSpans: { spans: (Omit<ReceivedSpan, "service" | "attributes"> & { attributes: OtlpAttribute[] })[] }[];
      }[];
    };
    for (const rs of doc.resourceSpans) {
      const service = String(attrs(rs.resource.attributes)["service.name"]);
      for (const ss of rs.scopeSpans)
        for (const s of ss.spans) received.push({ ...s, service, attributes: attrs(s.attributes) });
    }
    res.writeHead(200, { "content-type": "application/json" }).end("{}");
  });
});
await new Promise<void>((resolve) => collector.listen(0, "127.0.0.1", resolve));
const tracing = createTracing("vo-test-workers", {
  url: `http://127.0.0.1:${(collector.address() as AddressInfo).port}/v1/traces`,
});
const stack = useCaseStack(createTestTemporal, undefined, tracing.workerOptions);
afterAll(async () => {
  await tracing.shutdown();
  collector.close();
});

describe("traces", () => {
  it("one trace from the route through the case's start and each department fetch to the department call, without the identity number", async () => {
    const [mei] = DEMO_CITIZENS;
    const citizen = await stack.db.user.findUniqueOrThrow({ where: { email: mei.email } });
    const applicationId = randomUUID();
    const consent = SERVICES["newborn-registration"].evidence.map((e) => e.recordType);
    await stack.db.application.create({
      data: { id: applicationId, serviceCode: "newborn-registration", citizenId: citizen.id, consent },
    });
    // As the web starts a case: its client's interceptor, inside the route's span.
    const client = new Client({
      connection: stack.env.connection,
      dataConverter: await testDataConverter(),
      interceptors: { workflow: [new OpenTelemetryWorkflowClientInterceptor()] },
    });
    const input: ApplicationWorkflowInput = {
      applicationId,
      serviceCode: "newborn-registration",
      subjectNationalId: fieldCipher().open(citizen.nationalId!),
      consent,
    };
    const routeTraceId = await trace.getTracer("test-web").startActiveSpan("POST /api/applications", async (span) => {
      await client.workflow.start("applicationWorkflow", {
        taskQueue: ORCHESTRATOR_TASK_QUEUE,
        workflowId: applicationWorkflowId(applicationId),
        args: [input],
      });
      span.end();
      return span.spanContext().traceId;
    });
    const handle = client.workflow.getHandle(applicationWorkflowId(applicationId));
    await waitForCase(handle, (v) => v.status === "IN_DEPARTMENTS", 60_000);

    await expect
      .poll(
        async () => {
          await tracing.flush();
          return received.filter((s) => s.name === "GET health").length;
        },
        { timeout: 20_000 },
      )
      .toBeGreaterThan(0);
    // The route's span and the client's StartWorkflow span under it, in one trace.
    const route = received.find((s) => s.name === "POST /api/applications");
    const start = received.find((s) => s.name === "StartWorkflow:applicationWorkflow" && s.traceId === routeTraceId);
    expect(route?.traceId).toBe(routeTraceId);
    expect(start?.parentSpanId).toBe(route?.spanId);
    // Each department call is a child of its activity's span, and both continue the route's trace
    // (the workflow relays the start's trace header to its activities: workflows/src/trace-context.ts).
    for (const call of received.filter((s) => s.name.startsWith("GET "))) {
      const activity = received.find((s) => s.spanId === call.parentSpanId);
      expect(activity?.name).toBe("RunActivity:fetchEvidence");
      expect(activity?.traceId).toBe(routeTraceId);
      expect(call.traceId).toBe(routeTraceId);
      expect(call.attributes).toMatchObject({
        "http.request.method": "GET",
        "http.response.status_code": 200,
        "vo.department": call.name.slice(4),
      });
    }
    expect(new Set(received.filter((s) => s.name.startsWith("GET ")).map((s) => s.name))).toEqual(
      new Set(SERVICES["newborn-registration"].evidence.map((e) => `GET ${e.department}`)),
    );
    // Nothing exported names the person.
    expect(JSON.stringify(received)).not.toContain(mei.nationalId);
  }, 120_000);
});
