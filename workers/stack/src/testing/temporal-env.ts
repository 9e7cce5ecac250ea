import { temporal } from "@temporalio/proto";
import { TestWorkflowEnvironment } from "@temporalio/testing";
import { SEARCH_ATTRIBUTES } from "@visit-once/workflows/contracts";
import { findTemporalCli, findTemporalTestServer, searchAttributeFlags } from "../temporal-server";
import { testDataConverter } from "@visit-once/workers/testing/test-codec";

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
    client: { dataConverter: await testDataConverter() },
  });
}

/** Temporal's time-skipping test server: timers of days fire as soon as the test skips time. */
export async function createTimeSkippingTemporal(): Promise<TestWorkflowEnvironment> {
  const server = findTemporalTestServer();
  if (!server)
    throw new Error(
      "Deadline tests need the time-skipping server: set TEMPORAL_TEST_SERVER_PATH or run `npm test`, which installs it.",
    );
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: "existing-path", path: server } },
    client: { dataConverter: await testDataConverter() },
  });
  const types = temporal.api.enums.v1.IndexedValueType;
  const type = {
    Keyword: types.INDEXED_VALUE_TYPE_KEYWORD,
    KeywordList: types.INDEXED_VALUE_TYPE_KEYWORD_LIST,
    Bool: types.INDEXED_VALUE_TYPE_BOOL,
  };
  await env.connection.operatorService.addSearchAttributes({
    namespace: env.namespace ?? "default",
    searchAttributes: Object.fromEntries(Object.values(SEARCH_ATTRIBUTES).map((a) => [a.name, type[a.type]])),
  });
  return env;
}
