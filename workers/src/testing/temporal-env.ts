import { TestWorkflowEnvironment } from "@temporalio/testing";
import { findTemporalCli, searchAttributeFlags } from "../stack/temporal-server";

/** A real Temporal dev server for tests, from the same CLI `npm start` uses. */
export async function createTestTemporal(): Promise<TestWorkflowEnvironment> {
  const cli = findTemporalCli();
  if (!cli) throw new Error("Tests need the Temporal CLI: set TEMPORAL_CLI_PATH or run `npm test`, which installs it.");
  return TestWorkflowEnvironment.createLocal({
    server: {
      executable: { type: "existing-path", path: cli },
      ip: "127.0.0.1",
      extraArgs: [...searchAttributeFlags(), "--log-level", "error", "--headless"],
    },
  });
}
