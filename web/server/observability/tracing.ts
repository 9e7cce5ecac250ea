import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { Resource } from "@opentelemetry/resources";
import { BatchSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
import { env } from "@/env";

/**
 * The web's traces: Next's own spans for each route and page (it records them once a tracer
 * provider is registered) and the Temporal client's (`temporal.ts`: starting a case, updates,
 * queries), whose context travels to Temporal in the workflow's headers. Exported over OTLP/HTTP
 * (JSON) when `OTEL_EXPORTER_OTLP_ENDPOINT` (or `…_TRACES_ENDPOINT`) is set; otherwise nothing is recorded.
 */
export function startWebTracing(): void {
  let e;
  try {
    e = env();
  } catch {
    return; // `next build` runs without the server's configuration; the server itself refuses a bad one.
  }
  if (!e.OTEL_EXPORTER_OTLP_ENDPOINT && !e.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) return;
  const provider = new NodeTracerProvider({
    resource: new Resource({ "service.name": "vo-web" }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter(), { scheduledDelayMillis: 1000 })],
  });
  provider.register();
}
