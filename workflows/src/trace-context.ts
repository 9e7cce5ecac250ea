// Carries the trace context the web put on a case's start (the OpenTelemetry client interceptor's
// `_tracer-data` header) onto every activity the case schedules, so the activity's span, and the
// department call under it, continue the web request's trace.
//
// Only a header is copied: no span is made inside the workflow and no command is added, so saved
// histories replay as before. (The SDK's own OpenTelemetry workflow interceptors run a tracer in the
// workflow sandbox, and with them the saved histories no longer replayed.)
import type { Payload } from "@temporalio/common";
import type {
  ActivityInput,
  LocalActivityInput,
  Next,
  WorkflowExecuteInput,
  WorkflowInboundCallsInterceptor,
  WorkflowInterceptors,
  WorkflowOutboundCallsInterceptor,
} from "@temporalio/workflow";

/** The header `@temporalio/interceptors-opentelemetry` reads and writes. */
export const TRACE_HEADER = "_tracer-data";

export const interceptors = (): WorkflowInterceptors => {
  let carried: Payload | undefined;
  const withTrace = <T extends { headers: Record<string, Payload> }>(input: T): T =>
    carried && !input.headers[TRACE_HEADER]
      ? { ...input, headers: { ...input.headers, [TRACE_HEADER]: carried } }
      : input;
  const inbound: WorkflowInboundCallsInterceptor = {
    execute(input: WorkflowExecuteInput, next: Next<WorkflowInboundCallsInterceptor, "execute">) {
      carried = input.headers[TRACE_HEADER];
      return next(input);
    },
  };
  const outbound: WorkflowOutboundCallsInterceptor = {
    scheduleActivity(input: ActivityInput, next: Next<WorkflowOutboundCallsInterceptor, "scheduleActivity">) {
      return next(withTrace(input));
    },
    scheduleLocalActivity(
      input: LocalActivityInput,
      next: Next<WorkflowOutboundCallsInterceptor, "scheduleLocalActivity">,
    ) {
      return next(withTrace(input));
    },
  };
  return { inbound: [inbound], outbound: [outbound] };
};
