// Codecs run outside the workflow sandbox: the workflow bundle must not carry the payload
// codec (nor its keys), which the contracts export only on their own path. Nor zod: with one V8
// context reused, every cached case evaluates the bundle's modules again, and zod's were about
// 0.7 MB of each case's memory (README, Benchmark); the schemas sit in files the workflow does
// not import.
import { bundleWorkflowCode } from "@temporalio/worker";
import { describe, expect, it } from "vitest";
import { workflowInterceptorModules, workflowsPath } from "./workflow-bundle";

const quiet = { log: () => {}, trace: () => {}, debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

describe("the workflow bundle", () => {
  it("holds the workflow and none of the payload codec", async () => {
    const { code } = await bundleWorkflowCode({ workflowsPath, workflowInterceptorModules, logger: quiet });
    expect(code).toContain("applicationWorkflow");
    for (const codecOnly of ["encryption-key-id", "binary/encrypted", "TEST_CODEC_KEYS", "EncryptionCodec"])
      expect(code).not.toContain(codecOnly);
  }, 60_000);

  it("carries no zod", async () => {
    const { code } = await bundleWorkflowCode({ workflowsPath, workflowInterceptorModules, logger: quiet });
    expect(code).toContain("node_modules/@temporalio/workflow/");
    expect(code).not.toContain("node_modules/zod/");
  }, 60_000);
});
