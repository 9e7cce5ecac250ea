// `npm start`'s supervision, on the real launcher stack (sandboxes, a worker per department, the
// orchestrator worker, the Temporal dev server on its file): each kind of child is killed with
// SIGKILL while a case is in flight, and the stack starts it again by itself; every case completes.
import { randomUUID } from "node:crypto";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client, Connection } from "@temporalio/client";
import { createPrisma, DEMO_CITIZENS, departmentStoresUrl, withDatabase } from "@visit-once/prisma";
import { appRoleName, dropAppRole } from "@visit-once/prisma/app-role";
import { dropDatabase } from "@visit-once/prisma/migrate";
import { type ApplicationWorkflowInput, applicationWorkflowId, ORCHESTRATOR_TASK_QUEUE, SERVICES } from "@visit-once/workflows/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { temporalCodecKeys } from "../env";
import { codecDataConverter } from "../temporal-connection";
import { approveAll } from "../testing/case-driver";
import { departmentUrls } from "./department-urls";
import { waitFor } from "./processes";
import { type RunningStack, startStack } from "./stack";
import { findTemporalCli } from "./temporal-server";

const server = process.env.DATABASE_URL;
const databaseUrl = server && withDatabase(server, `vo_supervision_${randomUUID().slice(0, 8)}`);
const dataDir = mkdtempSync(path.join(os.tmpdir(), "visit-once-supervision-"));
const mei = DEMO_CITIZENS[0];
let stack: RunningStack;
let client: Client;
let connection: Connection;
let db: ReturnType<typeof createPrisma>;

beforeAll(async () => {
  if (!databaseUrl) throw new Error("DATABASE_URL is unset: run through `npm test`.");
  // Ports apart from `npm start`'s, the e2e stack's and the bench's.
  Object.assign(process.env, departmentUrls(30000));
  stack = await startStack({
    dataDir,
    databaseUrl,
    temporalPort: 37233,
    temporalUiPort: 38233,
    withWeb: false,
    persistTemporal: true,
    supervise: true,
    quiet: true,
    // The Health Commission answers slowly, so its fetch is in flight when a child is killed.
    sandboxEnv: { VO_SANDBOX_CITIZENS: "1000", VO_SANDBOX_FAULTS: "health=latencyMs:2000" },
  });
  db = createPrisma(stack.databaseUrl);
  connection = await Connection.connect({ address: stack.temporalAddress });
  client = new Client({ connection, dataConverter: await codecDataConverter(temporalCodecKeys({ VO_TEMPORAL_CODEC_KEYS: stack.codecKeys })) });
}, 240_000);

afterAll(async () => {
  await db?.$disconnect();
  await connection?.close();
  await stack?.stop();
  if (databaseUrl) await Promise.all([databaseUrl, departmentStoresUrl(databaseUrl)].map((u) => dropDatabase(u).catch(() => undefined)));
  // The stack made an application role for this database; roles outlive databases.
  if (databaseUrl) await dropAppRole(databaseUrl, appRoleName(databaseUrl)).catch(() => undefined);
  rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

async function startNewborn(): Promise<string> {
  const citizen = await db.user.findUniqueOrThrow({ where: { email: mei.email } });
  const applicationId = randomUUID();
  const consent = SERVICES["newborn-registration"].evidence.map((e) => e.recordType);
  await db.application.create({ data: { id: applicationId, serviceCode: "newborn-registration", citizenId: citizen.id, consent } });
  const input: ApplicationWorkflowInput = { applicationId, serviceCode: "newborn-registration", subjectNationalId: mei.nationalId, consent };
  await client.workflow.start("applicationWorkflow", { taskQueue: ORCHESTRATOR_TASK_QUEUE, workflowId: applicationWorkflowId(applicationId), args: [input] });
  return applicationId;
}

describe("npm start's supervision", () => {
  for (const name of ["worker:health", "worker:orchestrator", "sandboxes", "temporal"]) {
    it(`starts ${name} again after it is killed mid-case, and the case completes`, async () => {
      const child = stack.group.children.find((c) => c.name === name)!;
      const restarts = child.restarts;
      const applicationId = await startNewborn();
      await new Promise((r) => setTimeout(r, 1000));
      process.kill(child.child.pid!, "SIGKILL");
      await waitFor(`${name} started again`, async () => child.restarts === restarts + 1 && child.child.exitCode === null, 30_000);
      if (name === "temporal") {
        await waitFor("Temporal dev server", async () => {
          execFileSync(findTemporalCli()!, ["operator", "cluster", "health", "--address", stack.temporalAddress], { stdio: "ignore", timeout: 5000 });
          return true;
        });
      }
      const outcome = await approveAll(client.workflow.getHandle(applicationWorkflowId(applicationId)));
      expect(outcome.status).toBe("COMPLETED");
      expect(await db.application.findUniqueOrThrow({ where: { id: applicationId } })).toMatchObject({ status: "COMPLETED" });
    }, 180_000);
  }
});
