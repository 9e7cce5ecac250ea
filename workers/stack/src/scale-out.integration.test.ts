// Scale-out, shown: the production entrypoints (not `npm start`) against a Temporal server and a
// PostgreSQL they did not start: the migrations job, two replicas of the web, of the orchestrator
// worker and of the Health Commission's worker (one of every other department the service asks),
// and the department sandboxes standing in for the departments. Mid-load one replica of each kind
// is killed with SIGKILL; every case still completes, and no department's records are used twice.
import { execFile } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import path from "node:path";
import { promisify } from "node:util";
import { Client, Connection } from "@temporalio/client";
import { createPrisma, DEMO_CITIZENS, DEMO_PASSWORD, departmentStoresUrl, withDatabase } from "@visit-once/prisma";
import { appDatabaseUrl, dropAppRole } from "@visit-once/prisma/app-role";
import {
  createFieldCipher,
  generateBlindIndexKey,
  generateDataKey,
  parseBlindIndexKey,
  parseDataKeys,
} from "@visit-once/prisma/at-rest";
import { generateLedgerKeyPem } from "@visit-once/prisma/ledger";
import { dropDatabase } from "@visit-once/prisma/migrate";
import { seedDemoAccounts } from "@visit-once/prisma/seed";
import {
  applicationWorkflowId,
  type DepartmentCode,
  departmentUrlEnvName,
  ORCHESTRATOR_TASK_QUEUE,
  SERVICES,
} from "@visit-once/workflows/contracts";
import { generateCodecKey, parseCodecKeys } from "@visit-once/workflows/contracts/payload-codec";
import { defaultDepartmentKey, departmentKeyEnvName } from "@visit-once/workers/env";
import { codecDataConverter } from "@visit-once/workers/temporal-connection";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { departmentUrls } from "./department-urls";
import { ROOT } from "./paths";
import { httpOk, type Managed, ProcessGroup, waitFor } from "./processes";
import { bundleWorkflows } from "./bundle";
import { buildWebIfStale, nextBin } from "./stack";
import { findTemporalCli } from "./temporal-server";
import { approveAll } from "./testing/case-driver";

const SERVICE = "newborn-registration";
const CASES = 8;
// Below Linux's ephemeral range (32768–60999), where a port can be the local end of another test's
// outgoing connection when a replica binds it; apart from the other stacks' (supervision's 30101–31333).
const TEMPORAL_PORT = 29233;
const WEB_PORTS = [29100, 29101];
/** The Health Commission's request limit, across its replicas (VO_DEPARTMENT_RATE_LIMIT). */
const HEALTH_RATE = 2;
const server = process.env.DATABASE_URL;
const suffix = randomUUID().slice(0, 8);
const ownerUrl = server && withDatabase(server, `vo_scaleout_${suffix}`);
const appRole = `vo_scaleout_app_${suffix}`;
const appUrl = ownerUrl && appDatabaseUrl(ownerUrl, appRole, randomBytes(18).toString("hex"));
const temporalAddress = `127.0.0.1:${TEMPORAL_PORT}`;
const departments = [...new Set(SERVICES[SERVICE].evidence.map((e) => e.department))] as DepartmentCode[];
const urls = departmentUrls(22000);
const secrets = {
  VO_TEMPORAL_CODEC_KEYS: generateCodecKey("scale-out"),
  VO_DATA_KEYS: generateDataKey("scale-out"),
  VO_BLIND_INDEX_KEY: generateBlindIndexKey(),
  VO_LEDGER_SIGNING_KEY: generateLedgerKeyPem(),
  NEXTAUTH_SECRET: randomBytes(32).toString("hex"),
};
const group = new ProcessGroup();
const quiet = !process.env.VO_TEST_VERBOSE;
let connection: Connection;
let client: Client;

/** Only what each role needs, as a deployment would give it: no process sees another's secrets. */
const common = {
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  TEMPORAL_ADDRESS: temporalAddress,
  VO_TEMPORAL_CODEC_KEYS: secrets.VO_TEMPORAL_CODEC_KEYS,
};
const tsx = (file: string) => [process.execPath, ["--import", "tsx", path.join(ROOT, file)]] as const;

/** Resolves when the process has said it is polling its task queue (its first line once connected). */
function polling(m: Managed): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = "";
    m.child.stdout?.on("data", (d: Buffer) => {
      seen += d.toString();
      if (seen.includes("polling")) resolve();
    });
    m.child.once("exit", (code) => reject(new Error(`${m.name} exited (${code}) before polling`)));
  });
}

function orchestrator(replica: number, bundle: string): Managed {
  const [node, args] = tsx("workers/worker/src/main/orchestrator-worker.ts");
  // The workflow bundle made ahead of time, as an image build makes it.
  const env = {
    ...common,
    VO_WORKFLOW_BUNDLE: bundle,
    DATABASE_URL: appUrl,
    VO_DATA_KEYS: secrets.VO_DATA_KEYS,
    VO_BLIND_INDEX_KEY: secrets.VO_BLIND_INDEX_KEY,
    VO_LEDGER_SIGNING_KEY: secrets.VO_LEDGER_SIGNING_KEY,
  };
  return group.start(`orchestrator-${replica}`, node, [...args], { env, cwd: ROOT, quiet });
}

function departmentWorker(code: DepartmentCode, replica: number): Managed {
  const [node, args] = tsx("workers/worker/src/main/department-worker.ts");
  const urlName = departmentUrlEnvName(code);
  const env = {
    ...common,
    [urlName]: urls[urlName],
    [departmentKeyEnvName(code)]: defaultDepartmentKey(code),
    VO_DEPARTMENT_RATE_LIMIT: code === "health" ? String(HEALTH_RATE) : "50",
  };
  return group.start(`worker:${code}-${replica}`, node, [...args, code], { env, cwd: ROOT, quiet });
}

function web(replica: number): Managed {
  const port = WEB_PORTS[replica]!;
  const env = {
    ...common,
    ...urls,
    DATABASE_URL: appUrl,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    NEXTAUTH_SECRET: secrets.NEXTAUTH_SECRET,
    VO_LEDGER_SIGNING_KEY: secrets.VO_LEDGER_SIGNING_KEY,
    VO_DATA_KEYS: secrets.VO_DATA_KEYS,
    VO_BLIND_INDEX_KEY: secrets.VO_BLIND_INDEX_KEY,
    VO_LIMIT_SUBMISSIONS: "1000/60",
  };
  return group.start(`web-${replica}`, process.execPath, [nextBin(), "start", "-p", String(port), "-H", "127.0.0.1"], {
    env,
    cwd: path.join(ROOT, "web"),
    quiet,
  });
}

/** The migrations job as a deployment runs it; its lines. */
async function migrateJob(): Promise<string> {
  const [node, args] = tsx("prisma/src/migrate-job.ts");
  const { stdout } = await promisify(execFile)(node, [...args], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      VO_MIGRATION_DATABASE_URL: ownerUrl,
      DATABASE_URL: appUrl,
      TEMPORAL_ADDRESS: temporalAddress,
    },
    timeout: 120_000,
  });
  return stdout;
}

/** A citizen's session on one web replica (cookies are per host, so it serves the other replica too). */
async function signIn(base: string, email: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; "), origin: base },
    body: new URLSearchParams({ email, password: DEMO_PASSWORD, csrfToken, callbackUrl: "/", json: "true" }),
  });
  const cookies = [...jar, ...res.headers.getSetCookie().map((c) => c.split(";")[0])];
  if (!cookies.some((c) => c?.includes("session-token")))
    throw new Error(`sign-in as ${email} on ${base} failed (${res.status})`);
  return cookies.join("; ");
}

async function submit(base: string, cookie: string): Promise<string> {
  const applicationId = randomUUID();
  const consent = SERVICES[SERVICE].evidence.map((e) => e.recordType);
  const res = await fetch(`${base}/api/applications`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie, origin: base },
    body: JSON.stringify({ applicationId, serviceCode: SERVICE, consent, fields: { babyName: "王小宝" } }),
  });
  if (res.status !== 201) throw new Error(`submission on ${base}: ${res.status} ${await res.text()}`);
  return applicationId;
}

beforeAll(async () => {
  if (!server || !ownerUrl || !appUrl) throw new Error("DATABASE_URL is unset: run through `npm test`.");
  const cli = findTemporalCli();
  if (!cli) throw new Error("The Temporal CLI is needed: set TEMPORAL_CLI_PATH.");
  // An existing Temporal, as far as the entrypoints know: started here, without our search attributes.
  group.start(
    "temporal",
    cli,
    ["server", "start-dev", "--ip", "127.0.0.1", "--port", String(TEMPORAL_PORT), "--headless", "--log-level", "error"],
    { quiet },
  );
  const building = buildWebIfStale(quiet);
  await waitFor("Temporal dev server", async () => {
    connection = await Connection.connect({ address: temporalAddress, connectTimeout: "1 second" });
    return true;
  });
  client = new Client({
    connection,
    dataConverter: await codecDataConverter(parseCodecKeys(secrets.VO_TEMPORAL_CODEC_KEYS)),
  });

  // Migrations as a job: the first run does the work, a second finds nothing to do.
  const first = await migrateJob();
  expect(first).toContain(`application role ${appRole} created`);
  expect(first).toMatch(/search attributes added: .*VoStatus/);
  const second = await migrateJob();
  expect(second).toContain(`application role ${appRole} granted`);
  expect(second).toContain("search attributes present");

  // The demo citizens (the sandboxes' population holds their records).
  const owner = createPrisma(ownerUrl);
  try {
    await seedDemoAccounts(
      owner,
      secrets.NEXTAUTH_SECRET,
      createFieldCipher(parseDataKeys(secrets.VO_DATA_KEYS), parseBlindIndexKey(secrets.VO_BLIND_INDEX_KEY)),
    );
  } finally {
    await owner.$disconnect();
  }
  const [sandboxNode, sandboxArgs] = tsx("workers/sandboxes/src/main.ts");
  group.start("sandboxes", sandboxNode, [...sandboxArgs], {
    // The Health Commission answers slowly, so its fetches are in flight when a replica dies.
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      ...urls,
      VO_SANDBOX_DATABASE_URL: departmentStoresUrl(ownerUrl),
      VO_SANDBOX_CITIZENS: "1000",
      VO_SANDBOX_FAULTS: "health=latencyMs:1500",
    },
    cwd: ROOT,
    quiet,
  });
  await Promise.all(Object.values(urls).map((u) => waitFor(`sandbox ${u}`, () => httpOk(`${u}/health`), 180_000)));
  const [workflowBundle] = await Promise.all([bundleWorkflows(), building]);
  const workers: Managed[] = [];
  for (const replica of [0, 1]) {
    workers.push(orchestrator(replica, workflowBundle), departmentWorker("health", replica));
    web(replica);
  }
  for (const code of departments.filter((c) => c !== "health")) workers.push(departmentWorker(code, 0));
  // Every replica is at work before the load starts, the ones to be killed included.
  await Promise.all(workers.map(polling));
  await Promise.all(
    WEB_PORTS.map((p) => waitFor(`web on ${p}`, () => httpOk(`http://127.0.0.1:${p}/api/services`), 120_000)),
  );
}, 600_000);

afterAll(async () => {
  await connection?.close();
  await group.stop();
  if (ownerUrl) {
    await Promise.all([ownerUrl, departmentStoresUrl(ownerUrl)].map((u) => dropDatabase(u).catch(() => undefined)));
    await dropAppRole(ownerUrl, appRole).catch(() => undefined);
  }
}, 60_000);

describe("two replicas of each role", () => {
  it("lose one of each mid-load with SIGKILL; every case completes, each department record used once", async () => {
    const webs = WEB_PORTS.map((p) => `http://127.0.0.1:${p}`);
    const citizens = [DEMO_CITIZENS[0]!.email, DEMO_CITIZENS[1]!.email];
    const sessions = await Promise.all(citizens.map((email, i) => signIn(webs[i]!, email)));
    const handle = (id: string) => client.workflow.getHandle(applicationWorkflowId(id));
    // One open application per citizen at a time (as a citizen may hold), two citizens in parallel.
    // The first case of each goes in through its own web replica.
    const first = await Promise.all(sessions.map((cookie, i) => submit(webs[i]!, cookie)));
    // Mid-load: the Health Commission's fetches are in flight (it answers in 1.5 s).
    await new Promise((r) => setTimeout(r, 1000));
    const victims = ["web-0", "orchestrator-0", "worker:health-0"].map((name) =>
      group.children.find((c) => c.name === name)!,
    );
    for (const v of victims) process.kill(v.child.pid!, "SIGKILL");
    await Promise.all(
      victims.map((v) =>
        waitFor(`${v.name} gone`, async () => v.child.exitCode !== null || v.child.signalCode !== null, 10_000),
      ),
    );
    expect(await httpOk(`${webs[0]}/api/services`).catch(() => false)).toBe(false);
    // Then each citizen's cases one after another, through the surviving web replica.
    const chains = await Promise.all(
      sessions.map(async (cookie, i) => {
        const done = [{ id: first[i]!, outcome: await approveAll(handle(first[i]!)) }];
        for (let n = 1; n < CASES / 2; n++) {
          const id = await submit(webs[1]!, cookie);
          done.push({ id, outcome: await approveAll(handle(id)) });
        }
        return done;
      }),
    );
    const ids = chains.flat().map((c) => c.id);
    expect(ids).toHaveLength(CASES);
    expect(chains.flat().map((c) => c.outcome.status)).toEqual(ids.map(() => "COMPLETED"));

    const db = createPrisma(ownerUrl!);
    try {
      const rows = await db.application.findMany({ where: { id: { in: ids } }, select: { id: true, status: true } });
      expect(rows.map((r) => r.status).sort()).toEqual(ids.map(() => "COMPLETED"));
      for (const applicationId of ids) {
        // Each record a department sent is stored once and on the access ledger once, however
        // many times its fetch was retried on another replica.
        const records = await db.evidenceRecord.findMany({
          where: { applicationId },
          select: { recordType: true, departmentCode: true },
        });
        expect(records.length).toBeGreaterThan(0);
        const fetches = await db.accessEvent.findMany({
          where: { applicationId, department: { not: null } },
          select: { recordTypes: true, department: true },
        });
        expect(fetches.flatMap((f) => f.recordTypes).sort()).toEqual(records.map((r) => r.recordType).sort());
        const documents = await db.issuedDocument.count({ where: { applicationId } });
        expect(documents).toBe(SERVICES[SERVICE].outcomes.length);
      }
    } finally {
      await db.$disconnect();
    }
    // The survivors are still up: nothing brought the rest down with the killed replicas.
    for (const name of ["web-1", "orchestrator-1", "worker:health-1"])
      expect(group.children.find((c) => c.name === name)!.child.exitCode).toBeNull();
  }, 300_000);

  it("holds the Health Commission's request limit across its replicas", async () => {
    // Two replicas again (the one killed above is replaced), each allowed 20 requests in flight.
    await polling(departmentWorker("health", 2));
    const db = createPrisma(ownerUrl!);
    try {
      const mei = await db.user.findUniqueOrThrow({ where: { email: DEMO_CITIZENS[0]!.email } });
      const consent = SERVICES[SERVICE].evidence.map((e) => e.recordType);
      // Twelve cases at once, started as the web starts them, so twelve health fetches wait together.
      const ids = Array.from({ length: 12 }, () => randomUUID());
      await Promise.all(
        ids.map(async (applicationId) => {
          await db.application.create({
            data: { id: applicationId, serviceCode: SERVICE, citizenId: mei.id, consent },
          });
          await client.workflow.start("applicationWorkflow", {
            taskQueue: ORCHESTRATOR_TASK_QUEUE,
            workflowId: applicationWorkflowId(applicationId),
            args: [{ applicationId, serviceCode: SERVICE, subjectNationalId: DEMO_CITIZENS[0]!.nationalId, consent }],
          });
        }),
      );
      await waitFor(
        "every health record",
        async () =>
          (await db.evidenceRecord.count({ where: { applicationId: { in: ids }, departmentCode: "health" } })) ===
          ids.length,
        120_000,
      );
      const times = (
        await db.evidenceRecord.findMany({
          where: { applicationId: { in: ids }, departmentCode: "health" },
          select: { retrievedAt: true },
        })
      )
        .map((r) => r.retrievedAt.getTime())
        .sort((a, b) => a - b);
      const spreadSeconds = (times.at(-1)! - times[0]!) / 1000;
      // Unlimited, 40 slots would answer all twelve within about the sandbox's 1.5 s; a limit per
      // process would let the two replicas through at twice the rate (about 2 s). The task-queue
      // limit spaces them at HEALTH_RATE a second for both together: about (12 - burst) / 2 = 5 s.
      expect(spreadSeconds).toBeGreaterThanOrEqual(3.5);
      await Promise.all(ids.map((id) => approveAll(client.workflow.getHandle(applicationWorkflowId(id)))));
    } finally {
      await db.$disconnect();
    }
  }, 180_000);
});
