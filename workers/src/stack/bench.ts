// `npm run bench`: pushes N applications, a mix of every published service, through the
// whole case: records fetched from every department in parallel (each department at a
// fixed latency), harmonised and persisted, then every department step decided by the
// bench playing the officers, then the documents. Reports, per service and overall, the
// time to records ready (the automated part) against the slowest department it waits
// for, the officers' decision round trip, throughput and the stack's memory. By default it
// runs twice on fresh stacks, the same cases each time: first with the trust features off
// (no payload codec, no access-ledger writes), then as the system runs, and states their cost.
// Usage: npm run bench -- [applications=200] [concurrency=20] [services=all|<code>,<code>] [trust=both|on|off]
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client, Connection } from "@temporalio/client";
import { createPrisma, DEMO_CITIZENS, departmentStoresUrl, withDatabase } from "@visit-once/prisma";
import { appRoleName, dropAppRole } from "@visit-once/prisma/app-role";
import { dropDatabase } from "@visit-once/prisma/migrate";
import {
  type ApplicationWorkflowInput,
  applicationWorkflowId,
  ORCHESTRATOR_TASK_QUEUE,
  type DepartmentCode,
  type ServiceCode,
  SERVICES,
} from "@visit-once/workflows/contracts";
import { sandboxSettings, temporalCodecKeys } from "../env";
import { codecDataConverter } from "../temporal-connection";
import { approveAll } from "../testing/case-driver";
import { generatePopulation } from "../sandboxes/population";
import { descendantsMemoryMb } from "./rss";
import { departmentUrls } from "./department-urls";
import { type RunningStack, startStack } from "./stack";

const args = Object.fromEntries(
  process.argv.slice(2).map((a) => a.split("=") as [string, string]),
);
const N = Number(args.applications ?? 200);
const CONCURRENCY = Number(args.concurrency ?? 20);
/** Fixed latency of each department (the newborn service's four as in earlier runs). */
const LATENCY: Record<DepartmentCode, number> = {
  "public-security": 100,
  health: 300,
  "civil-affairs": 200,
  "medical-security": 150,
  "human-resources": 250,
  taxation: 120,
  "natural-resources": 180,
  "market-regulation": 90,
};
const SERVICE_CODES = (args.services && args.services !== "all" ? args.services.split(",") : Object.keys(SERVICES)) as ServiceCode[];
for (const code of SERVICE_CODES) if (!Object.hasOwn(SERVICES, code)) throw new Error(`No service ${code}; the services are ${Object.keys(SERVICES).join(", ")}`);
/** The slowest department a service's records wait for: the floor of its time to records ready. */
const slowestFor = (code: ServiceCode) => Math.max(...SERVICES[code].evidence.map((e) => LATENCY[e.department]));
const WARMUP = 10;
const TRUST_MODES = { both: ["off", "on"], on: ["on"], off: ["off"] } as const;
const trustArg = (args.trust ?? "both") as keyof typeof TRUST_MODES;
if (!Object.hasOwn(TRUST_MODES, trustArg)) throw new Error(`trust=${args.trust}: say both, on or off`);

// Ports apart from `npm start`'s and the tests', so the bench can run beside either.
Object.assign(process.env, departmentUrls(20000));
const citizens = Math.max(10_000, Math.ceil((N + WARMUP) * 1.2 * 2.4) + 10);
const populationOptions = sandboxSettings({
  VO_SANDBOX_CITIZENS: String(citizens),
}).population;

interface Summary {
  throughputPerS: number;
  recordsReadyP50Ms: number;
  recordsReadyP95Ms: number;
}

/** One fresh stack, warmed up, then N whole cases; prints its lines and returns the overall figures. */
async function measure(trust: "on" | "off"): Promise<Summary> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "visit-once-bench-"));
  const databaseUrl = process.env.DATABASE_URL
    ? withDatabase(
        process.env.DATABASE_URL,
        `vo_bench_${trust}_${Date.now().toString(36)}`,
      )
    : undefined;

  let stack: RunningStack;
  try {
    stack = await startStack({
      dataDir,
      databaseUrl,
      embeddedPostgresPort: 54349,
      temporalPort: 27233,
      temporalUiPort: 28233,
      withWeb: false,
      quiet: true,
      processEnv: trust === "off" ? { VO_BENCH_TRUST: "off" } : {},
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
  // The bench's client seals and opens payloads like every process of the stack (not in the trust-off run).
  const client = new Client({
    connection: await Connection.connect({ address: stack.temporalAddress }),
    dataConverter: trust === "off" ? {} : await codecDataConverter(temporalCodecKeys({ VO_TEMPORAL_CODEC_KEYS: stack.codecKeys })),
  });

  try {
    const population = generatePopulation(populationOptions);
    const spouseOf = new Map(population.marriages.flatMap((m) => [[m.husbandId, m.wifeId], [m.wifeId, m.husbandId]] as [string, string][]));
    // Families with a planted discrepancy go to a caseworker, whom the bench does not play: leave them out.
    const clean = (id: string) => [id, spouseOf.get(id)].every((p) => !p || !population.discrepancies.has(p));
    const taxClear = new Set(population.taxes.filter((t) => t.outstandingYuan === 0).map((t) => t.nationalId));
    const property = new Map(population.properties.flatMap((p) => p.ownerIds.map((o) => [o, p] as const)));
    const months = new Map(population.employments.map((e) => [e.nationalId, e.contributionMonths]));
    const schoolParents = new Set(population.births.filter((b) => b.childNationalId).flatMap((b) => [b.motherId, b.fatherId]));
    const demo = new Set<string>(DEMO_CITIZENS.map((c) => c.nationalId));
    const retiree = DEMO_CITIZENS.find((c) => c.email === "wu@demo.visit-once.local");
    if (!retiree) throw new Error("The demo retiree (wu@demo.visit-once.local) is not among the demo citizens.");
    const adults = [...new Set(population.marriages.flatMap((m) => [m.wifeId, m.husbandId]))].filter((id) => !demo.has(id) && clean(id));
    // Who can complete each service (the population has no one of retirement age but the demo retiree).
    const CANDIDATES: Record<ServiceCode, string[]> = {
      "newborn-registration": population.applicants.filter((id) => !demo.has(id) && clean(id)),
      "business-startup": adults.filter((id) => taxClear.has(id)),
      "property-transfer": adults.filter((id) => taxClear.has(id) && property.get(id)?.encumbered === false),
      "school-enrolment": adults.filter((id) => schoolParents.has(id) && property.has(id) && (months.get(id) ?? 0) >= 12),
      retirement: [retiree.nationalId],
    };
    const citizen = await db.user.upsert({
      where: { email: "bench@visit-once.local" },
      create: { email: "bench@visit-once.local", name: "Bench", role: "CITIZEN", passwordHash: "!" },
      update: {},
    });

    interface Run {
      service: ServiceCode;
      recordsReadyMs: number;
      decisionsMs: number[];
    }

    const runOne = async ([service, nationalId]: [ServiceCode, string]): Promise<Run> => {
      const applicationId = randomUUID();
      const consent = SERVICES[service].evidence.map((e) => e.recordType);
      await db.application.create({ data: { id: applicationId, serviceCode: service, citizenId: citizen.id, consent } });
      const submittedAt = Date.now();
      const input: ApplicationWorkflowInput = { applicationId, serviceCode: service, subjectNationalId: nationalId, consent };
      const handle = await client.workflow.start("applicationWorkflow", { taskQueue: ORCHESTRATOR_TASK_QUEUE, workflowId: applicationWorkflowId(applicationId), args: [input] });
      const decisionsMs: number[] = [];
      // The officers: each step approved as soon as it is offered, each decision's round trip timed.
      const outcome = await approveAll(handle, { officerId: "bench-officer", onDecision: (ms) => decisionsMs.push(ms), pollMs: 50 });
      if (outcome.status !== "COMPLETED") throw new Error(`application ${applicationId} (${service}) ended ${outcome.status}: ${outcome.reasons.join(" ")}`);
      const app = await db.application.findUniqueOrThrow({ where: { id: applicationId } });
      return { service, recordsReadyMs: app.recordsReadyAt!.getTime() - submittedAt, decisionsMs };
    };

    /** Services in turn, each from its own candidates (reused round-robin when a service has few). */
    const plan = (count: number, offset: number): [ServiceCode, string][] =>
      Array.from({ length: count }, (_, k) => {
        const service = SERVICE_CODES[k % SERVICE_CODES.length]!;
        const pool = CANDIDATES[service];
        if (pool.length === 0) throw new Error(`The population has no one who can complete ${service}.`);
        return [service, pool[(offset + Math.floor(k / SERVICE_CODES.length)) % pool.length]!];
      });

    const runAll = async (jobs: [ServiceCode, string][]) => {
      const runs: Run[] = [];
      let next = 0;
      await Promise.all(
        Array.from({ length: Math.min(CONCURRENCY, jobs.length) }, async () => {
          while (next < jobs.length) runs.push(await runOne(jobs[next++]!));
        }),
      );
      return runs;
    };

    await runAll(plan(WARMUP, 0));
    const started = Date.now();
    const runs = await runAll(plan(N, WARMUP));
    const seconds = (Date.now() - started) / 1000;
    const pct = (values: number[], p: number) => {
      const sorted = [...values].sort((a, b) => a - b);
      return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
    };
    const line = (label: string, rs: Run[]) => {
      const ready = rs.map((r) => r.recordsReadyMs);
      const overhead = rs.map((r) => r.recordsReadyMs / slowestFor(r.service));
      const decisions = rs.flatMap((r) => r.decisionsMs);
      return (
        `${label} applications=${rs.length} records_ready_p50_ms=${pct(ready, 50)} records_ready_p95_ms=${pct(ready, 95)} ` +
        `overhead_p50=${pct(overhead, 50).toFixed(3)} overhead_p95=${pct(overhead, 95).toFixed(3)} ` +
        `decisions=${decisions.length} decision_p50_ms=${pct(decisions, 50)} decision_p95_ms=${pct(decisions, 95)}`
      );
    };
    console.log(`trust=${trust}: department latency (ms): ${JSON.stringify(LATENCY)}; concurrency ${CONCURRENCY}; ${os.cpus().length} cores`);
    for (const service of SERVICE_CODES) {
      console.log(`${line(`service=${service} trust=${trust}`, runs.filter((r) => r.service === service))} slowest_department_ms=${slowestFor(service)}`);
    }
    const summary: Summary = {
      throughputPerS: N / seconds,
      recordsReadyP50Ms: pct(runs.map((r) => r.recordsReadyMs), 50),
      recordsReadyP95Ms: pct(runs.map((r) => r.recordsReadyMs), 95),
    };
    console.log(`${line(`bench trust=${trust}`, runs)} completed=${runs.length} throughput_per_s=${summary.throughputPerS.toFixed(1)} peak_rss_mb=${Math.round(peakRss)}`);
    return summary;
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
    // The stack made an application role for the bench's database; roles outlive databases.
    if (databaseUrl) await dropAppRole(databaseUrl, appRoleName(databaseUrl)).catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const summaries: Partial<Record<"on" | "off", Summary>> = {};
for (const trust of TRUST_MODES[trustArg]) summaries[trust] = await measure(trust);
const { on, off } = summaries;
if (on && off) {
  const change = (a: number, b: number) => `${(((a - b) / b) * 100).toFixed(1)}%`;
  console.log(
    `trust_cost throughput_per_s=${on.throughputPerS.toFixed(1)}/${off.throughputPerS.toFixed(1)} (${change(on.throughputPerS, off.throughputPerS)}) ` +
      `records_ready_p50_ms=${on.recordsReadyP50Ms}/${off.recordsReadyP50Ms} (${change(on.recordsReadyP50Ms, off.recordsReadyP50Ms)}) ` +
      `records_ready_p95_ms=${on.recordsReadyP95Ms}/${off.recordsReadyP95Ms} (${change(on.recordsReadyP95Ms, off.recordsReadyP95Ms)}) [codec and ledger on/off]`,
  );
}
