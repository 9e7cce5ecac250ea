// `npm start`'s supervision, on the real launcher stack (the embedded PostgreSQL on its data, the
// Temporal dev server on its file, the sandboxes, a worker per department, the orchestrator
// worker, the web): each kind of child is killed with SIGKILL while a case is in flight, and the
// stack starts it again by itself, without a person; every case completes.
import { randomUUID } from "node:crypto";
import { execFileSync } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client, Connection } from "@temporalio/client";
import { createPrisma, DEMO_CITIZENS } from "@visit-once/prisma";
import {
  type ApplicationWorkflowInput,
  applicationWorkflowId,
  ORCHESTRATOR_TASK_QUEUE,
  SERVICES,
} from "@visit-once/workflows/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { temporalCodecKeys } from "@visit-once/workers/env";
import { codecDataConverter } from "@visit-once/workers/temporal-connection";
import { approveAll } from "./testing/case-driver";
import { departmentUrls } from "./department-urls";
import { httpOk, waitFor } from "./processes";
import { type RunningStack, startStack } from "./stack";
import { findTemporalCli } from "./temporal-server";

const dataDir = mkdtempSync(path.join(os.tmpdir(), "visit-once-supervision-"));
// As root, the embedded PostgreSQL runs as `postgres`, which must reach its data in here.
chmodSync(dataDir, 0o755);
const mei = DEMO_CITIZENS[0];
let stack: RunningStack;
let client: Client;
let connection: Connection;
let db: ReturnType<typeof createPrisma>;

beforeAll(async () => {
  // Ports apart from `npm start`'s, the e2e stack's, scale-out's and the bench's (the SMS gateway
  // sandbox's too: with another stack holding 4109 the sandboxes could not start), and below Linux's
  // ephemeral range (32768–60999): a port there can be the local end of any test's outgoing
  // connection when a sandbox started again binds it.
  Object.assign(process.env, departmentUrls(26000));
  process.env.VO_SMS_GATEWAY_URL = `http://127.0.0.1:${4109 + 26000}`;
  // Its own embedded PostgreSQL (not DATABASE_URL's server), so the test can kill it.
  stack = await startStack({
    dataDir,
    embeddedPostgresPort: 30432,
    temporalPort: 31233,
    temporalUiPort: 31333,
    webPort: 23000,
    persistTemporal: true,
    supervise: true,
    quiet: true,
    // The Health Commission answers slowly, so its fetch is in flight when a child is killed.
    sandboxEnv: { VO_SANDBOX_CITIZENS: "1000", VO_SANDBOX_FAULTS: "health=latencyMs:2000" },
  });
  db = createPrisma(stack.databaseUrl);
  connection = await Connection.connect({ address: stack.temporalAddress });
  client = new Client({
    connection,
    dataConverter: await codecDataConverter(temporalCodecKeys({ VO_TEMPORAL_CODEC_KEYS: stack.codecKeys })),
  });
}, 600_000);

afterAll(async () => {
  await db?.$disconnect();
  await connection?.close();
  await stack?.stop();
  // Nothing of the stack is left running: every child's process has exited.
  for (const c of stack?.group.children ?? [])
    expect(c.child.exitCode !== null || c.child.signalCode !== null, c.name).toBe(true);
  rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

async function startNewborn(): Promise<string> {
  const citizen = await db.user.findUniqueOrThrow({ where: { email: mei.email } });
  const applicationId = randomUUID();
  const consent = SERVICES["newborn-registration"].evidence.map((e) => e.recordType);
  await db.application.create({
    data: { id: applicationId, serviceCode: "newborn-registration", citizenId: citizen.id, consent },
  });
  const input: ApplicationWorkflowInput = {
    applicationId,
    serviceCode: "newborn-registration",
    subjectNationalId: mei.nationalId,
    consent,
  };
  await client.workflow.start("applicationWorkflow", {
    taskQueue: ORCHESTRATOR_TASK_QUEUE,
    workflowId: applicationWorkflowId(applicationId),
    args: [input],
  });
  return applicationId;
}

describe("npm start's supervision", () => {
  for (const name of ["worker:departments", "worker:orchestrator", "sandboxes", "web", "temporal", "postgres"]) {
    it(`starts ${name} again after it is killed mid-case, and the case completes`, async () => {
      const child = stack.group.children.find((c) => c.name === name)!;
      const restarts = child.restarts;
      const applicationId = await startNewborn();
      await new Promise((r) => setTimeout(r, 1000));
      process.kill(child.child.pid!, "SIGKILL");
      // The supervisor waits up to 30 s before a restart once a child has died often in ten minutes
      // (a unit run saw the sandboxes fail five times at start-up while scale-out's stack ran beside
      // this one), so the restart gets that wait plus 30 s to come up.
      await waitFor(
        `${name} started again`,
        async () => child.restarts === restarts + 1 && child.child.exitCode === null,
        60_000,
      );
      if (name === "web" || name === "postgres") {
        // The web answers again, and its database (after PostgreSQL's crash recovery) with it.
        await waitFor(
          "the web's health: database ok",
          async () => {
            const res = await fetch(`${stack.webUrl}/api/health`, { signal: AbortSignal.timeout(5000) });
            return ((await res.json()) as { db: string }).db === "ok";
          },
          60_000,
        );
        expect(await httpOk(`${stack.webUrl}/api/services`)).toBe(true);
      }
      if (name === "temporal") {
        await waitFor("Temporal dev server", async () => {
          execFileSync(findTemporalCli()!, ["operator", "cluster", "health", "--address", stack.temporalAddress], {
            stdio: "ignore",
            timeout: 5000,
          });
          return true;
        });
      }
      const outcome = await approveAll(client.workflow.getHandle(applicationWorkflowId(applicationId)));
      expect(outcome.status).toBe("COMPLETED");
      expect(await db.application.findUniqueOrThrow({ where: { id: applicationId } })).toMatchObject({
        status: "COMPLETED",
      });
    }, 180_000);
  }
});
