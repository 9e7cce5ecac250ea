// Builds the workflow bundle ahead of time, as Temporal advises for production: an image build
// runs `node --import tsx workers/worker/src/main/bundle-workflows.ts <file>` and the orchestrator
// worker is started with VO_WORKFLOW_BUNDLE=<file>, so it neither loads webpack nor bundles at start.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { bundleWorkflowCode } from "@temporalio/worker";
import { workflowInterceptorModules, workflowsPath } from "../workflow-bundle";

const out = path.resolve(process.argv[2] ?? "workflow-bundle.js");
const { code } = await bundleWorkflowCode({ workflowsPath, workflowInterceptorModules });
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, code);
console.log(`workflow bundle written to ${out} (${Math.round(code.length / 1024)} KB)`);
