import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { Resource } from "@opentelemetry/resources";
import { BatchSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
import {
  OpenTelemetryActivityInboundInterceptor,
  OpenTelemetryActivityOutboundInterceptor,
} from "@temporalio/interceptors-opentelemetry";
import type { WorkerOptions } from "@temporalio/worker";

export interface Tracing {
  /** Spread into `Worker.create`: the activity interceptors. */
  workerOptions: Pick<WorkerOptions, "interceptors" | "sinks">;
  /** Sends what is buffered now. */
  flush(): Promise<void>;
  /** Sends what is buffered (call before the process ends). */
  shutdown(): Promise<void>;
}

/**
 * OpenTelemetry traces for a worker process: the activity spans of the SDK's interceptors and the
 * department calls' spans under them (`connectors/http.ts`), exported over OTLP/HTTP (JSON) when
 * `exportTo` is given; the exporter reads the standard `OTEL_EXPORTER_OTLP_*` variables unless
 * `exportTo.url` says where. Off (`null`), spans are neither recorded nor sent.
 *
 * Not the SDK's workflow interceptors: with them the saved histories no longer replay (replay.test.ts
 * failed with "Cannot set properties of undefined" in resolveException; measured 2026-12-01, it is the
 * library's tracer and context inside the workflow sandbox). Instead the workflow relays the trace
 * header of its start to every activity it schedules (workflows/src/trace-context.ts, a header copy
 * that adds no command), so an activity's span continues the web request's trace.
 */
export function createTracing(serviceName: string, exportTo: { url?: string } | null): Tracing {
  const resource = new Resource({ "service.name": serviceName });
  let provider: NodeTracerProvider | undefined;
  if (exportTo) {
    const processor = new BatchSpanProcessor(new OTLPTraceExporter(exportTo.url ? { url: exportTo.url } : {}), {
      scheduledDelayMillis: 1000,
    });
    provider = new NodeTracerProvider({ resource, spanProcessors: [processor] });
    provider.register();
  }
  return {
    workerOptions: {
      interceptors: {
        activity: [
          (ctx) => ({
            inbound: new OpenTelemetryActivityInboundInterceptor(ctx),
            outbound: new OpenTelemetryActivityOutboundInterceptor(ctx),
          }),
        ],
      },
    },
    flush: async () => {
      await provider?.forceFlush();
    },
    shutdown: async () => {
      await provider?.shutdown();
    },
  };
}
