// Next calls register() once when the server starts (see server/observability/tracing.ts).
export async function register(): Promise<void> {
  // Next compiles this file for the Edge runtime too, and replaces NEXT_RUNTIME at build time: written
  // out here (not through env.ts, which reaches node:crypto), the Edge build drops the import below.
  // eslint-disable-next-line no-restricted-properties -- a build-time constant, not configuration
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startWebTracing } = await import("./server/observability/tracing");
    startWebTracing();
  }
}
