import { createRequire } from "node:module";

/** The workflow code the orchestrator worker runs: the workflows package's entry point. */
export const workflowsPath = createRequire(import.meta.url).resolve("@visit-once/workflows");
