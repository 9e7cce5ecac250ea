import { isSpanContextValid, trace } from "@opentelemetry/api";
import type { LogLevel as TemporalLogLevel, LogMetadata, Logger as TemporalLogger } from "@temporalio/worker";
import { RECORD_NOT_FOUND } from "@visit-once/workflows/contracts";
import pino, { type Logger } from "pino";
import { LOG_REDACT_PATHS } from "@visit-once/workflows/contracts/log-redaction";
import { type LogLevel, observabilitySettings } from "./env";
import { describeError, loggableMeta } from "./log-meta";

/** The active trace's ids, so a line can be found from its trace and the other way round. */
function traceFields(): Record<string, string> {
  const context = trace.getActiveSpan()?.spanContext();
  return context && isSpanContextValid(context) ? { trace_id: context.traceId, span_id: context.spanId } : {};
}

/** A process's JSON logger: one line per event, ISO time, level as a word, the process's name, personal data redacted. */
export function createLogger(
  processName: string,
  level: LogLevel = observabilitySettings().logLevel,
  destination?: pino.DestinationStream,
): Logger {
  return pino(
    {
      level,
      base: { process: processName },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      serializers: { err: (e: unknown) => (e instanceof Error ? describeError(e) : e) },
      redact: { paths: LOG_REDACT_PATHS, censor: "[redacted]" },
      mixin: traceFields,
    },
    destination,
  );
}

const LEVELS: Record<TemporalLogLevel, "trace" | "debug" | "info" | "warn" | "error"> = {
  TRACE: "trace",
  DEBUG: "debug",
  INFO: "info",
  WARN: "warn",
  ERROR: "error",
};

/** From this attempt on, a retried activity failure is a warning: the department (or our database) is not coming back by itself. */
export const PERSISTENT_FAILURE_ATTEMPT = 4;

/**
 * The level of the SDK's "Activity failed" line, which it writes at WARN for every failed attempt.
 * Under load that was most of the log (a department at 30% errors: one warning per retried fetch),
 * though each is expected and retried: a record the department does not hold is the case's business
 * (a caseworker gets it), and an attempt that will be retried is counted by the department metrics.
 * What an operator must act on stays a warning: a failure that will not be retried for another reason
 * (the department's data unusable, our own bug), and one still failing after several attempts.
 */
export function activityFailureLevel(meta: LogMetadata): "info" | "warn" {
  const error = meta.error as { type?: unknown; nonRetryable?: unknown } | undefined;
  if (error?.type === RECORD_NOT_FOUND) return "info";
  if (error?.nonRetryable === true) return "warn";
  return typeof meta.attempt === "number" && meta.attempt < PERSISTENT_FAILURE_ATTEMPT ? "info" : "warn";
}

/**
 * The Temporal SDK's logger (its own lines, the workflow and activity context loggers, and Core's
 * forwarded lines) writing into pino. The notice that a department worker has no workflows is
 * dropped: department workers run activities only, by design.
 */
export function temporalLogger(log: Logger): TemporalLogger {
  const write = (level: TemporalLogLevel, message: string, meta?: LogMetadata) => {
    if (message.startsWith("No workflows registered")) return;
    const pinoLevel =
      level === "WARN" && message === "Activity failed" && meta ? activityFailureLevel(meta) : LEVELS[level];
    log[pinoLevel](meta ? loggableMeta(meta) : {}, message);
  };
  return {
    log: write,
    trace: (m, meta) => write("TRACE", m, meta),
    debug: (m, meta) => write("DEBUG", m, meta),
    info: (m, meta) => write("INFO", m, meta),
    warn: (m, meta) => write("WARN", m, meta),
    error: (m, meta) => write("ERROR", m, meta),
  };
}
