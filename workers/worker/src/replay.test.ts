// Determinism guard: every saved history of ApplicationWorkflow must replay against the
// current workflow code. A change that would break running cases fails here; such a
// change needs `patched()` (see workflows/README.md). New histories: run the integration
// test with VO_SAVE_HISTORIES=1. The histories are sealed with the payload codec's TEST key
// (older ones re-sealed by workflows/histories/seal-histories.ts); replay opens them with it.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { historyFromJSON } from "@temporalio/common/lib/proto-utils";
import { Worker } from "@temporalio/worker";
import { describe, expect, it } from "vitest";
import { testDataConverter } from "./testing/test-codec";
import { workflowInterceptorModules, workflowsPath } from "./workflow-bundle";

const dir = path.join(path.dirname(workflowsPath), "..", "histories");
const files = readdirSync(dir).filter((f) => f.endsWith(".json"));

describe("replay of saved histories", () => {
  it("has histories of the main paths", () => {
    expect(files.length).toBeGreaterThanOrEqual(3);
  });

  it("replays every one without nondeterminism", async () => {
    const histories = files.map((f) => ({
      workflowId: f.replace(/\.json$/, ""),
      history: historyFromJSON(JSON.parse(readFileSync(path.join(dir, f), "utf8"))),
    }));
    const results = [];
    for await (const result of Worker.runReplayHistories(
      {
        workflowsPath,
        interceptors: { workflowModules: workflowInterceptorModules },
        replayName: "saved-histories",
        dataConverter: await testDataConverter(),
      },
      histories,
    )) {
      results.push({ workflowId: result.workflowId, error: result.error?.message });
    }
    expect(results).toEqual(files.map((f) => ({ workflowId: f.replace(/\.json$/, ""), error: undefined })));
  }, 60_000);
});
