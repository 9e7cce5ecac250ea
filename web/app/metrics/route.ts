import { env } from "@/env";
import { metricsRegistry, scrapeAllowed } from "@/server/observability/metrics";

// Prometheus scrapes this with `Authorization: Bearer $VO_METRICS_TOKEN`. Without the token (or
// with none configured) it answers like a page that does not exist: what the figures say about
// the service's load is for operators, not the public.
export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  if (!scrapeAllowed(request.headers.get("authorization"), env().VO_METRICS_TOKEN))
    return new Response("Not found", { status: 404 });
  const registry = metricsRegistry();
  return new Response(await registry.metrics(), {
    headers: { "content-type": registry.contentType, "cache-control": "no-store" },
  });
}
