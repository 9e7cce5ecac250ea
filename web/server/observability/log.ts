import { isSpanContextValid, trace } from "@opentelemetry/api";
import pino, { type Logger } from "pino";
import { LOG_REDACT_PATHS } from "@visit-once/workflows/contracts/log-redaction";
import { logLevel } from "@/env";

/** An error as its name, message, failure type and cause: never its stack's arguments, and never `{}`. */
function describeError(e: unknown): unknown {
  if (!(e instanceof Error)) return e;
  const failure = e as Error & { type?: unknown };
  return {
    name: e.name,
    message: e.message,
    ...(typeof failure.type === "string" ? { type: failure.type } : {}),
    ...(e.cause instanceof Error ? { cause: describeError(e.cause) } : {}),
  };
}

/** The active trace's ids, so a line can be found from its trace and the other way round. */
function traceFields(): Record<string, string> {
  const context = trace.getActiveSpan()?.spanContext();
  return context && isSpanContextValid(context) ? { trace_id: context.traceId, span_id: context.spanId } : {};
}

export function createWebLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { process: "web" },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      serializers: { err: describeError },
      redact: { paths: LOG_REDACT_PATHS, censor: "[redacted]" },
      mixin: traceFields,
    },
    destination,
  );
}

const globalForLog = globalThis as unknown as { visitOnceLog?: Logger };

/** The web's JSON logger (one per process). Give each line the case id (`caseId`) and the request id (`requestId`) it is about. */
export function log(): Logger {
  globalForLog.visitOnceLog ??= createWebLogger(logLevel());
  return globalForLog.visitOnceLog;
}
