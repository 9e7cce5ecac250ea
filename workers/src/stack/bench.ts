// `npm run bench`: pushes N applications through the automated part (fetch from every
// department in parallel, harmonise, persist) with each department at a fixed latency.
// Usage: npm run bench -- [applications=200] [concurrency=20]
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client, Connection } from "@temporalio/client";
import { createPrisma, withDatabase } from "@visit-once/prisma";
import { dropDatabase } from "@visit-once/prisma/migrate";
import {
  type ApplicationOutcome,
  type ApplicationWorkflowInput,
  applicationWorkflowId,
  DEPARTMENT_CODES,
  DEPARTMENTS,
  departmentUrlEnvName,
  ORCHESTRATOR_TASK_QUEUE,
  SERVICES,
} from "@visit-once/workflows/contracts";
import { sandboxSettings } from "../env";
import { generatePopulation } from "../sandboxes/population";
import { descendantsMemoryMb } from "./rss";
import { departmentStoresUrl, startStack } from "./stack";

const args = Object.fromEntries(
  process.argv.slice(2).map((a) => a.split("=") as [string, string]),
);
const N = Number(args.applications ?? 200);
const CONCURRENCY = Number(args.concurrency ?? 20);
/** Fixed latency of each department the benchmark's service reads from (others answer at once). */
const LATENCY: Record<string, number> = {
  "public-security": 100,
  health: 300,
  "civil-affairs": 200,
  "medical-security": 150,
};
const SLOWEST = Math.max(...Object.values(LATENCY));
const WARMUP = 10;

for (const code of DEPARTMENT_CODES)
  process.env[departmentUrlEnvName(code)] =
    `http://127.0.0.1:${DEPARTMENTS[code].sandboxPort + 20000}`;
const citizens = Math.max(10_000, Math.ceil((N + WARMUP) * 1.2 * 2.4) + 10);
const populationOptions = sandboxSettings({
  VO_SANDBOX_CITIZENS: String(citizens),
}).population;
const dataDir = mkdtempSync(path.join(os.tmpdir(), "visit-once-bench-"));
const databaseUrl = process.env.DATABASE_URL
  ? withDatabase(
      process.env.DATABASE_URL,
      `vo_bench_${Date.now().toString(36)}`,
    )
  : undefined;

let stack: Awaited<ReturnType<typeof startStack>>;
try {
  stack = await startStack({
    dataDir,
    databaseUrl,
    embeddedPostgresPort: 54349,
    temporalPort: 27233,
    temporalUiPort: 28233,
    withWeb: false,
    quiet: true,
    sandboxEnv: {
      VO_SANDBOX_CITIZENS: String(citizens),
      VO_SANDBOX_FAULTS: Object.entries(LATENCY)
        .map(([c, ms]) => `${c}=latencyMs:${ms}`)
        .join(";"),
    },
  });
} catch (e) {
  console.error(
    `The benchmark could not start the stack: ${(e as Error).message}`,
  );
  process.exit(1);
}

let peakRss = 0;
// The stack's processes are this process's children (servers, workers, sandboxes, an
// embedded database); the benchmark's own client is not part of the stack.
const sampler = setInterval(
  () => (peakRss = Math.max(peakRss, descendantsMemoryMb(process.pid))),
  1000,
);
const db = createPrisma(stack.databaseUrl);
const client = new Client({
  connection: await Connection.connect({ address: stack.temporalAddress }),
});

try {
  // Families with a planted discrepancy end in review, not in records-ready: leave them out.
  const population = generatePopulation(populationOptions);
  const spouseOf = new Map(
    population.marriages.flatMap(
      (m) =>
        [
          [m.husbandId, m.wifeId],
          [m.wifeId, m.husbandId],
        ] as [string, string][],
    ),
  );
  const clean = (id: string) =>
    [id, spouseOf.get(id)].every((p) => !p || !population.discrepancies.has(p));
  const applicants = population.applicants.slice(4).filter(clean);
  const citizen = await db.user.upsert({
    where: { email: "bench@visit-once.local" },
    create: {
      email: "bench@visit-once.local",
      name: "Bench",
      role: "CITIZEN",
      passwordHash: "!",
    },
    update: {},
  });

  const runOne = async (nationalId: string): Promise<number> => {
    const applicationId = randomUUID();
    await db.application.create({
      data: {
        id: applicationId,
        serviceCode: "newborn-registration",
        citizenId: citizen.id,
        consent: SERVICES["newborn-registration"].evidence.map(
          (e) => e.recordType,
        ),
      },
    });
    const submittedAt = Date.now();
    const input: ApplicationWorkflowInput = {
      applicationId,
      serviceCode: "newborn-registration",
      subjectNationalId: nationalId,
    };
    const handle = await client.workflow.start("applicationWorkflow", {
      taskQueue: ORCHESTRATOR_TASK_QUEUE,
      workflowId: applicationWorkflowId(applicationId),
      args: [input],
    });
    const outcome = (await handle.result()) as ApplicationOutcome;
    if (outcome.status !== "COMPLETED")
      throw new Error(
        `application ${applicationId} ended ${outcome.status}: ${outcome.reasons.join(" ")}`,
      );
    const app = await db.application.findUniqueOrThrow({
      where: { id: applicationId },
    });
    return app.recordsReadyAt!.getTime() - submittedAt;
  };

  const runAll = async (ids: string[]) => {
    const latencies: number[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.min(CONCURRENCY, ids.length) }, async () => {
        while (next < ids.length) latencies.push(await runOne(ids[next++]!));
      }),
    );
    return latencies;
  };

  await runAll(applicants.slice(0, WARMUP));
  const started = Date.now();
  const latencies = (await runAll(applicants.slice(WARMUP, WARMUP + N))).sort(
    (a, b) => a - b,
  );
  const seconds = (Date.now() - started) / 1000;
  const pct = (p: number) =>
    latencies[
      Math.min(
        latencies.length - 1,
        Math.ceil((p / 100) * latencies.length) - 1,
      )
    ]!;
  const p50 = pct(50);
  const p95 = pct(95);
  console.log(
    `department latency (ms): ${JSON.stringify(LATENCY)}; concurrency ${CONCURRENCY}; ${os.cpus().length} cores`,
  );
  console.log(
    `bench applications=${N} p50_ms=${p50} p95_ms=${p95} slowest_department_ms=${SLOWEST} ` +
      `overhead_p50=${(p50 / SLOWEST).toFixed(3)} overhead_p95=${(p95 / SLOWEST).toFixed(3)} ` +
      `throughput_per_s=${(N / seconds).toFixed(1)} peak_rss_mb=${Math.round(peakRss)}`,
  );
} finally {
  clearInterval(sampler);
  await db.$disconnect();
  await client.connection.close();
  await stack.stop();
  if (databaseUrl)
    await Promise.all(
      [databaseUrl, departmentStoresUrl(databaseUrl)].map((u) =>
        dropDatabase(u).catch(() => undefined),
      ),
    );
  rmSync(dataDir, { recursive: true, force: true });
}
