import { Writable } from "node:stream";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { context, trace, TraceFlags } from "@opentelemetry/api";
import { ApplicationFailure } from "@temporalio/common";
import { INVALID_DEPARTMENT_DATA, RECORD_NOT_FOUND } from "@visit-once/workflows/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activityFailureLevel, createLogger, temporalLogger } from "./logger";

/** A logger writing into an array of parsed lines. */
function capture(level: "info" | "warn" = "info") {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const l of chunk.toString().split("\n")) if (l.trim()) lines.push(JSON.parse(l));
      done();
    },
  });
  return { log: createLogger("test-process", level, sink), lines };
}

const contextManager = new AsyncLocalStorageContextManager();
beforeAll(() => void context.setGlobalContextManager(contextManager.enable()));
afterAll(() => void context.disable());

describe("createLogger", () => {
  it("writes one JSON line with the level as a word, ISO time and the process", () => {
    const { log, lines } = capture();
    log.info({ caseId: "c1", requestId: "r1" }, "hello");
    expect(lines[0]).toMatchObject({
      level: "info",
      process: "test-process",
      caseId: "c1",
      requestId: "r1",
      msg: "hello",
    });
    expect(String(lines[0]!.time)).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it("redacts personal data and secrets at the top and nested, keeping the rest", () => {
    const { log, lines } = capture();
    log.info(
      {
        nationalId: "11010519491231002X",
        input: { subjectNationalId: "11010519491231002X" },
        meta: { x: { bankAccount: "6222020200112233" }, department: "health" },
        taskToken: "abc",
      },
      "m",
    );
    const text = JSON.stringify(lines[0]);
    expect(text).not.toContain("11010519491231002X");
    expect(text).not.toContain("6222020200112233");
    expect(lines[0]).toMatchObject({
      nationalId: "[redacted]",
      input: "[redacted]",
      taskToken: "[redacted]",
      meta: { x: { bankAccount: "[redacted]" }, department: "health" },
    });
  });

  it("adds the active trace's ids", () => {
    const { log, lines } = capture();
    const traceId = "0af7651916cd43dd8448eb211c80319c";
    const spanId = "b7ad6b7169203331";
    const span = trace.wrapSpanContext({ traceId, spanId, traceFlags: TraceFlags.SAMPLED });
    context.with(trace.setSpan(context.active(), span), () => log.info("inside"));
    log.info("outside");
    expect(lines[0]).toMatchObject({ trace_id: traceId, span_id: spanId });
    expect(lines[1]).not.toHaveProperty("trace_id");
  });

  it("is quiet below its level", () => {
    const { log, lines } = capture("warn");
    log.info("not written");
    log.warn("written");
    expect(lines.map((l) => l.msg)).toEqual(["written"]);
  });
});

describe("temporalLogger", () => {
  it("writes the SDK's lines as JSON with the case id and the error's name, message and type", () => {
    const { log, lines } = capture();
    const error = ApplicationFailure.create({ message: "bad data", type: INVALID_DEPARTMENT_DATA, nonRetryable: true });
    temporalLogger(log).warn("Activity failed", { workflowId: "application-0e1f", attempt: 1, error });
    expect(lines[0]).toMatchObject({
      level: "warn",
      msg: "Activity failed",
      caseId: "0e1f",
      error: { name: "ApplicationFailure", message: "bad data", type: INVALID_DEPARTMENT_DATA, nonRetryable: true },
    });
  });

  it("drops the department workers' 'no workflows' notice", () => {
    const { log, lines } = capture();
    temporalLogger(log).warn("No workflows registered, not polling for workflow tasks");
    expect(lines).toEqual([]);
  });
});

describe("activityFailureLevel", () => {
  const failed = (error: Error, attempt: number) => activityFailureLevel({ error, attempt });
  it("is info for a record the department does not hold (the case's business) and for early retried attempts", () => {
    expect(failed(ApplicationFailure.nonRetryable("no record", RECORD_NOT_FOUND), 1)).toBe("info");
    expect(failed(new Error("health system answered HTTP 503"), 1)).toBe("info");
    expect(failed(new Error("health system answered HTTP 503"), 3)).toBe("info");
  });
  it("is warn for a failure that is not retried, and for one still failing after several attempts", () => {
    expect(failed(ApplicationFailure.nonRetryable("bad data", INVALID_DEPARTMENT_DATA), 1)).toBe("warn");
    expect(failed(new Error("health system answered HTTP 503"), 4)).toBe("warn");
    expect(activityFailureLevel({ error: new Error("x") })).toBe("warn");
  });
});
