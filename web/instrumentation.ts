// Next calls register() once when the server starts (see server/observability/tracing.ts).
import { inNodeRuntime } from "./env";

export async function register(): Promise<void> {
  if (!inNodeRuntime()) return;
  const { startWebTracing } = await import("./server/observability/tracing");
  startWebTracing();
}
