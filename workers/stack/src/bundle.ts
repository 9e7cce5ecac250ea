import { mkdirSync } from "node:fs";
import path from "node:path";
import { writeFileSync } from "node:fs";
import { bundleWorkflowCode } from "@temporalio/worker";
import { build, stop } from "esbuild";
import { workflowInterceptorModules, workflowsPath } from "@visit-once/workers/workflow-bundle";
import { ROOT } from "./paths";

/** The long-running processes, bundled once per start so they run on plain Node. */
const ENTRY_POINTS = ["orchestrator-worker", "department-worker", "departments-worker", "sandboxes"] as const;
export type EntryPoint = (typeof ENTRY_POINTS)[number];

const OUT_DIR = path.join(ROOT, "workers", "stack", "dist");

/** Where each process's source lives: the shipped workers, and the sandboxes (demo only). */
const SOURCES: Record<EntryPoint, string> = {
  "orchestrator-worker": path.join(ROOT, "workers", "worker", "src", "main", "orchestrator-worker.ts"),
  "department-worker": path.join(ROOT, "workers", "worker", "src", "main", "department-worker.ts"),
  "departments-worker": path.join(ROOT, "workers", "worker", "src", "main", "departments-worker.ts"),
  sandboxes: path.join(ROOT, "workers", "sandboxes", "src", "main.ts"),
};

/**
 * Bundles our own TypeScript (the workspaces) into one ESM file per process; npm packages
 * stay external and load from node_modules. Without a TypeScript loader in every process
 * each one needs about 40 MB less memory.
 */
export async function bundleProcesses(): Promise<Record<EntryPoint, string>> {
  mkdirSync(OUT_DIR, { recursive: true });
  await build({
    entryPoints: SOURCES,
    outdir: OUT_DIR,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    splitting: false,
    sourcemap: true,
    logLevel: "warning",
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
    plugins: [
      {
        name: "npm-packages-external",
        setup(b) {
          b.onResolve({ filter: /^[^./]/ }, (args) =>
            args.path.startsWith("@visit-once/") ? undefined : { path: args.path, external: true },
          );
        },
      },
    ],
  });
  // esbuild's service process (about 45 MB) is not needed once the bundles are written; a later
  // call (tsx loading a TypeScript file) starts it again.
  await stop();
  return Object.fromEntries(ENTRY_POINTS.map((e) => [e, path.join(OUT_DIR, `${e}.mjs`)])) as Record<EntryPoint, string>;
}

/**
 * The workflow code bundled ahead of time (Temporal's production practice), so the
 * orchestrator worker neither loads webpack nor bundles at start.
 */
export async function bundleWorkflows(): Promise<string> {
  mkdirSync(OUT_DIR, { recursive: true });
  const { code } = await bundleWorkflowCode({ workflowsPath, workflowInterceptorModules, logger: silentLogger });
  const file = path.join(OUT_DIR, "workflow-bundle.js");
  writeFileSync(file, code);
  return file;
}

const silentLogger = {
  log: () => {},
  trace: () => {},
  debug: () => {},
  info: () => {},
  warn: (message: string) => console.warn(message),
  error: (message: string) => console.error(message),
};
