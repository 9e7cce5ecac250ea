// `npm test`: typecheck, lint, format (Prettier, check only), deploy (Dockerfiles, compose, chart), unit + workflow + integration tests (vitest, on a real
// Temporal server and PostgreSQL) and the Playwright journeys against the whole stack.
// It starts and stops what it needs; with DATABASE_URL set it makes fresh databases there.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { departmentStoresUrl, withDatabase } from "@visit-once/prisma";
import { dropDatabase, ensureDatabase, migrateDeploy } from "@visit-once/prisma/migrate";
import { appRoleName, dropAppRole } from "@visit-once/prisma/app-role";
import { departmentUrls } from "./department-urls";
import { ROOT } from "./paths";
import { type RunningPostgres, startEmbeddedPostgres } from "./postgres";
import { ProcessGroup } from "./processes";
import { startStack } from "./stack";
import { findTemporalCli } from "./temporal-server";

process.env.NEXT_TELEMETRY_DISABLED = "1";
process.env.TURBO_TELEMETRY_DISABLED = "1";
process.env.PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD = "1";

const only = process.argv.slice(2);
const want = (stage: string) => only.length === 0 || only.includes(stage);
const bin = (name: string) => path.join(ROOT, "node_modules", ".bin", name);

/** The stage's process (vitest, Playwright, …): an interrupted run stops it before the stack. */
let current: ChildProcess | undefined;
function run(
  stage: string,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
  cwd = ROOT,
): Promise<boolean> {
  console.log(`\n▶ ${stage}: ${[path.basename(command), ...args].join(" ")}`);
  return new Promise((resolve) => {
    const child = (current = spawn(command, args, { cwd, env, stdio: "inherit" }));
    child.on("exit", (code) => resolve(code === 0));
  });
}

const results: { stage: string; ok: boolean; seconds: number }[] = [];
async function stage(name: string, fn: () => Promise<boolean>) {
  if (!want(name)) return;
  const started = Date.now();
  let ok = false;
  try {
    ok = await fn();
  } catch (e) {
    console.error(`${name} failed: ${(e as Error).message}`);
  }
  results.push({ stage: name, ok, seconds: Math.round((Date.now() - started) / 1000) });
}

// Only the unit, e2e and security stages need a Temporal server and databases; typecheck, lint and format start nothing.
const needsServers = want("unit") || want("e2e") || want("security");
if (needsServers) {
  const cli = findTemporalCli();
  if (!cli) {
    console.error(
      "The tests need the Temporal CLI: set TEMPORAL_CLI_PATH, put `temporal` on PATH, or make `python3 -m pip` available.",
    );
    process.exit(1);
  }
  process.env.TEMPORAL_CLI_PATH = cli;
}

// Fresh databases for this run: on DATABASE_URL's server, or in a throwaway embedded PostgreSQL.
const runId = `${Date.now().toString(36)}_${process.pid}`;
let embedded: RunningPostgres | undefined;
const embeddedGroup = new ProcessGroup();
let tmpDir: string | undefined;
let e2eDataDir: string | undefined;
let server = process.env.DATABASE_URL;
if (!server && needsServers) {
  tmpDir = mkdtempSync(path.join(os.tmpdir(), "visit-once-test-"));
  try {
    embedded = await startEmbeddedPostgres(embeddedGroup, path.join(tmpDir, "postgres"), 54339, { persistent: false });
  } catch (e) {
    // A plain message saying what to do, not a stack trace.
    console.error(`\nThe tests could not start their PostgreSQL: ${(e as Error).message}`);
    await embeddedGroup.stop();
    rmSync(tmpDir, { recursive: true, force: true });
    process.exit(1);
  }
  server = embedded.url;
}
// Unset only when neither the unit nor the e2e stage runs, and then unused.
const unitDb = server && withDatabase(server, `vo_test_${runId}`);
const e2eDb = server && withDatabase(server, `vo_e2e_${runId}`);
let stack: ReturnType<typeof startStack> | undefined;

/** Stops the e2e stack and drops this run's databases, once, whether the run ends or is interrupted. */
let cleaning: Promise<void> | undefined;
const cleanUp = () =>
  (cleaning ??= (async () => {
    if (stack)
      await stack.then(
        (s) => s.stop(),
        () => undefined,
      );
    if (e2eDataDir) rmSync(e2eDataDir, { recursive: true, force: true });
    if (embedded) {
      await embeddedGroup.stop();
      embedded.cleanup();
      rmSync(tmpDir!, { recursive: true, force: true });
    } else if (unitDb && e2eDb) {
      // With the databases the tests made beside them (ledger templates, department stores), even mid-run.
      await Promise.all(
        [unitDb, e2eDb, departmentStoresUrl(e2eDb)].map((u) =>
          dropDatabase(u, { derived: true }).catch(() => undefined),
        ),
      );
      // The e2e stack's application role (roles belong to the server, not to the dropped database).
      await dropAppRole(e2eDb, appRoleName(e2eDb)).catch(() => undefined);
    }
  })());
// Ctrl-C, a closed terminal or a CI timeout: the stack and the databases go with the run, as `npm start`'s do.
for (const [signal, code] of [
  ["SIGINT", 130],
  ["SIGTERM", 143],
  ["SIGHUP", 129],
] as const) {
  process.on(signal, () => {
    console.error(`\n${signal}: stopping the test stack and dropping this run's databases…`);
    if (current && current.exitCode === null) current.kill("SIGTERM");
    void cleanUp().finally(() => process.exit(code));
  });
}

try {
  await stage("typecheck", () => run("typecheck", bin("turbo"), ["run", "typecheck", "--output-logs=errors-only"]));
  await stage("lint", () => run("lint", bin("eslint"), [".", "--max-warnings=0"]));
  // One Prettier config at the root (.prettierrc.json, .prettierignore); `npm run format` writes it.
  await stage("format", () => run("format", bin("prettier"), ["--check", "."]));
  // Dockerfiles, compose file and Helm chart, without a container runtime (linters from PyPI, installed by .ci/run).
  await stage("deploy", () =>
    run(
      "deploy (hadolint, shellcheck, yamllint, compose config, helm lint and template, kubernetes-validate)",
      "python3",
      [path.join(ROOT, "workers/stack/deploy/deploy-lint.py")],
    ),
  );
  await stage("unit", async () => {
    await ensureDatabase(unitDb!);
    await migrateDeploy(unitDb!);
    // The stack package's integration tests include scale-out.integration.test.ts: the production
    // entrypoints, two replicas of each, one of each killed mid-load.
    return run("unit, workflow and integration tests", bin("vitest"), ["run"], {
      ...process.env,
      DATABASE_URL: unitDb,
    });
  });
  // The journeys and the security stage share one stack; each is its own result line.
  if (want("e2e") || want("security")) {
    // VO_TEST_PORT_OFFSET moves every port of the e2e stack, so two checkouts can run their journeys at once.
    const offset = Number(process.env.VO_TEST_PORT_OFFSET ?? 0);
    const E2E_METRICS_PORT = 19464 + offset;
    const startShared = () => {
      // Ports apart from `npm start`'s, so the tests can run beside a running system.
      Object.assign(process.env, departmentUrls(10000 + offset));
      process.env.VO_SMS_GATEWAY_URL = `http://127.0.0.1:${4109 + 10000 + offset}`;
      // The journeys submit and act far more than one person would; the security specs hit
      // the sign-in and /verify limits from addresses and accounts of their own.
      process.env.VO_LIMIT_SUBMISSIONS ??= "1000/60";
      process.env.VO_LIMIT_CASE_ACTIONS ??= "1000/60";
      // The operations specs scrape the web's /metrics with this token and each worker's metrics port.
      process.env.VO_METRICS_TOKEN ??= randomBytes(16).toString("hex");
      e2eDataDir = mkdtempSync(path.join(os.tmpdir(), "visit-once-e2e-"));
      // e2eDb is the owner's: the stack makes this run's application role (a fresh password in
      // e2eDataDir) and starts the web and workers as it; Playwright's fixtures stay the owner.
      return startStack({
        dataDir: e2eDataDir,
        databaseUrl: e2eDb,
        temporalPort: 17233 + offset,
        temporalUiPort: 18233 + offset,
        webPort: 3100 + offset,
        metricsPort: E2E_METRICS_PORT,
        quiet: !process.env.VO_TEST_VERBOSE,
      });
    };
    const playwright = async (label: string, project: string) => {
      // Started by whichever stage comes first, once (a failed start fails both stages).
      const running = await (stack ??= startShared());
      const extra = process.env.VO_E2E_ARGS?.split(" ").filter(Boolean) ?? [];
      // --pass-with-no-tests: VO_E2E_ARGS may name files of the other project only.
      return run(
        label,
        bin("playwright"),
        ["test", "--config", "e2e/playwright.config.ts", "--project", project, "--pass-with-no-tests", ...extra],
        {
          ...process.env,
          E2E_BASE_URL: running.webUrl,
          E2E_TEMPORAL_UI_URL: running.temporalUiUrl,
          E2E_METRICS_PORT: String(E2E_METRICS_PORT),
          DATABASE_URL: e2eDb,
        },
      );
    };
    await stage("e2e", () => playwright("e2e (Playwright journeys, Chromium)", "chromium"));
    await stage("security", () => playwright("security (fuzz, CSRF, headers, redirects; Chromium)", "security"));
  }
} finally {
  await cleanUp();
}

console.log("\nSummary");
for (const r of results) console.log(`  ${r.ok ? "✔" : "✘"} ${r.stage.padEnd(10)} ${r.seconds}s`);
const failed = results.filter((r) => !r.ok).length;
console.log(`stages: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
