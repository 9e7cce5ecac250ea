import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/** The workflow code the orchestrator worker runs: the workflows package's entry point. */
export const workflowsPath = require.resolve("@visit-once/workflows");

/**
 * The workflow interceptors bundled with it: the trace context's relay from a case's start to its
 * activities (workflows/src/trace-context.ts). A worker given `workflowsPath` takes them as
 * `interceptors.workflowModules`; a prebuilt bundle must be built with them.
 */
export const workflowInterceptorModules = [require.resolve("@visit-once/workflows/trace-context")];
