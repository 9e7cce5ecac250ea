// `npm run bench`: one run, the same cases through three integrations against the same
// department sandboxes (each department at a fixed latency):
//   (a) the ideal — the service's department calls made with Promise.all from this plain Node
//       process, no orchestration (the physical limit);
//   (b) the naive — the same calls one after another;
//   (c) Visit Once — the case submitted and run by the stack, readiness read from PostgreSQL as
//       the pages read it, every department step approved by the bench playing the officers.
// (a), (b) and (c) arrive open loop, paced at `rate` new cases a second for `duration` seconds.
// Then the saturated throughput of whole cases (records, every department step approved,
// documents issued) for `duration` seconds, and the stack's peak memory (PSS).
// Usage: npm run bench -- [rate=10] [duration=60] [concurrency=40] [services=all|<code>,<code>] [trust=on|off|both] [departments=one|each]
// The open-case check instead: npm run bench -- open=1000 [hold=60] [rate=10] (cases left waiting on the offices, held, none
// failing; then 100 of them decided to the end, their decisions timed).
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { Client, Connection } from "@temporalio/client";
import pg from "pg";
import { createPrisma, DEMO_CITIZENS, departmentStoresUrl, withDatabase } from "@visit-once/prisma";
import { appRoleName, dropAppRole } from "@visit-once/prisma/app-role";
import { dropDatabase } from "@visit-once/prisma/migrate";
import {
  RECORD_NOT_FOUND,
  caseStartInput,
  caseStartOptions,
  type DepartmentCode,
  caseUpdates,
  type ServiceCode,
  SERVICES,
} from "@visit-once/workflows/contracts";
import { sandboxSettings } from "@visit-once/sandboxes/env";
import { generatePopulation } from "@visit-once/sandboxes/population";
import { CONNECTORS } from "@visit-once/workers/connectors";
import { departmentConnection, temporalCodecKeys } from "@visit-once/workers/env";
import { codecDataConverter } from "@visit-once/workers/temporal-connection";
import { descendantsCpuMs, descendantsMemoryMb, total } from "./rss";
import { departmentUrls } from "./department-urls";
import { type RunningStack, startStack } from "./stack";

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.split("=") as [string, string]));
const known = new Set(["rate", "duration", "concurrency", "services", "trust", "departments", "open", "hold"]);
for (const name of Object.keys(args))
  if (!known.has(name))
    throw new Error(`Unknown argument ${name}; the bench takes ${[...known].join(", ")} (name=value)`);
const number = (name: string, fallback: number) => {
  const v = Number(args[name] ?? fallback);
  if (!Number.isFinite(v) || v <= 0) throw new Error(`${name}=${args[name]}: a number above 0 is expected`);
  return v;
};
const RATE = number("rate", 10);
const DURATION_S = number("duration", 60);
/** The open-case check instead of the measurement: this many cases left waiting on the offices, then held `hold` seconds. */
const OPEN = Math.round(Number(args.open ?? 0));
const HOLD_S = number("hold", 60);
/** How many of the open cases the offices then decide to the end, spread over them. */
const OPEN_SAMPLE = 100;
/** Whole cases kept in flight during the throughput run. */
const CONCURRENCY = Math.round(number("concurrency", 40));
/** Fixed latency of each department. */
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
const SERVICE_CODES = (
  args.services && args.services !== "all" ? args.services.split(",") : Object.keys(SERVICES)
) as ServiceCode[];
for (const code of SERVICE_CODES)
  if (!Object.hasOwn(SERVICES, code))
    throw new Error(`No service ${code}; the services are ${Object.keys(SERVICES).join(", ")}`);
const WARMUP = 10;
const TRUST_MODES = { both: ["off", "on"], on: ["on"], off: ["off"] } as const;
/** The department workers as one process (the default) or one process per department, to compare. */
const DEPARTMENT_PROCESSES = (args.departments ?? "one") as "one" | "each";
if (!["one", "each"].includes(DEPARTMENT_PROCESSES))
  throw new Error(`departments=${args.departments}: say one or each`);
const trustArg = (args.trust ?? "on") as keyof typeof TRUST_MODES;
if (!Object.hasOwn(TRUST_MODES, trustArg)) throw new Error(`trust=${args.trust}: say on, off or both`);

// Ports apart from `npm start`'s and the tests', so the bench can run beside either (and beside
// another engineer's bench with another VO_TEST_PORT_OFFSET).
const PORT_OFFSET = Number(process.env.VO_TEST_PORT_OFFSET ?? 0);
Object.assign(process.env, departmentUrls(20000 + PORT_OFFSET));
// The SMS gateway's sandbox too (another stack on the machine holds 4109 otherwise, and the sandboxes could not start).
process.env.VO_SMS_GATEWAY_URL = `http://127.0.0.1:${4109 + 20000 + PORT_OFFSET}`;
const LATENCY_CASES = Math.ceil(RATE * DURATION_S);
const citizens = Math.max(10_000, Math.ceil((LATENCY_CASES * 2 + CONCURRENCY * 20 + OPEN + WARMUP) * 2.4) + 10);
const populationOptions = sandboxSettings({ VO_SANDBOX_CITIZENS: String(citizens) }).population;

/** The p-th percentile of the values measured (a case that did not finish is NaN and left out). */
const pct = (values: number[], p: number) => {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};
const ratio = (a: number, b: number) => (b > 0 ? a / b : NaN);
/** Why a case did not finish, with its id taken out so that alike failures count together. */
const reasonOf = (e: unknown) => (e as Error).message.replace(/[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}/g, "<case>");
/** Milliseconds as printed: whole, or "-" when nothing was measured. */
const ms = (n: number) => (Number.isFinite(n) ? String(Math.round(n)) : "-");
/** A split by process as `label=value …`, largest first, leaving out what rounds below 1. */
const splitLine = (byProcess: Map<string, number>) =>
  [...byProcess]
    .filter(([, v]) => v >= 1)
    .sort((a, b) => b[1] - a[1])
    .map(([label, v]) => `${label}=${Math.round(v)}`)
    .join(" ");
const loadAverage = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");

type Job = [ServiceCode, string];

interface Summary {
  line: string;
  throughputPerS: number;
  recordsReadyP50Ms: number;
  recordsReadyP95Ms: number;
}

/** The department calls of one case, as a plain integration would make them. */
async function departmentCalls([service, nationalId]: Job, parallel: boolean): Promise<number> {
  const calls = SERVICES[service].evidence.map((e) => () => {
    const fetcher = CONNECTORS[e.department][e.recordType];
    if (!fetcher) throw new Error(`No connector for ${e.department}/${e.recordType}`);
    // "Holds no such record" is the department's answer (a business not yet registered), as the case takes it.
    return fetcher(departmentConnection(e.department), nationalId).catch((err: unknown) => {
      if ((err as { type?: string }).type !== RECORD_NOT_FOUND) throw err;
    });
  });
  const started = performance.now();
  if (parallel) await Promise.all(calls.map((c) => c()));
  else for (const c of calls) await c();
  return performance.now() - started;
}

/** Starts `run` for each job at `rate` a second (open loop: arrivals do not wait for earlier ones). */
async function paced<T>(jobs: Job[], rate: number, run: (job: Job) => Promise<T>): Promise<T[]> {
  const started = performance.now();
  const all: Promise<T>[] = [];
  for (const [i, job] of jobs.entries()) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await delay(wait);
    all.push(run(job));
  }
  return Promise.all(all);
}

interface CaseRow {
  status: string;
  /** recordsReadyAt in ms since the epoch (read as UTC, as Prisma stores it). */
  recordsReadyMs: number | null;
  awaiting: { key: string; office: string }[];
  documents: number;
}

/**
 * Where the bench's open cases stand, read from PostgreSQL as the pages read it (one query for
 * every case in flight, every 20 ms), never by querying the workflows.
 */
class CaseWatcher {
  private waiting = new Map<
    string,
    { resolve: (row: CaseRow) => void; reject: (e: Error) => void; ready: (row: CaseRow) => boolean }[]
  >();
  private stopped = false;
  private loop: Promise<void>;
  constructor(private pool: pg.Pool) {
    this.loop = this.run();
  }
  until(id: string, ready: (row: CaseRow) => boolean): Promise<CaseRow> {
    return new Promise((resolve, reject) =>
      this.waiting.set(id, [...(this.waiting.get(id) ?? []), { resolve, reject, ready }]),
    );
  }
  private async run() {
    while (!this.stopped) {
      const ids = [...this.waiting.keys()];
      if (ids.length > 0) {
        const { rows } = await this.pool.query<CaseRow & { id: string; documents: string }>(
          `SELECT a.id, a.status, (EXTRACT(EPOCH FROM a."recordsReadyAt" AT TIME ZONE 'UTC') * 1000)::float8 AS "recordsReadyMs",
             COALESCE((SELECT json_agg(json_build_object('key', s.key, 'office', s."departmentCode")) FROM "ApplicationStep" s
                        WHERE s."applicationId" = a.id AND s.kind = 'DEPARTMENT' AND s.status = 'AWAITING_DECISION'), '[]') AS awaiting,
             (SELECT count(*) FROM "IssuedDocument" d WHERE d."applicationId" = a.id) AS documents
           FROM "Application" a WHERE a.id = ANY($1::uuid[])`,
          [ids],
        );
        for (const row of rows) {
          const r = { ...row, documents: Number(row.documents) };
          const waiters = this.waiting.get(row.id) ?? [];
          const left = waiters.filter((w) => {
            if (w.ready(r)) w.resolve(r);
            else if (["REJECTED", "CANCELLED", "FAILED", "AWAITING_CASEWORKER"].includes(r.status)) {
              w.reject(new Error(`case ${row.id} is ${r.status}`));
            } else return true;
            return false;
          });
          if (left.length) this.waiting.set(row.id, left);
          else this.waiting.delete(row.id);
        }
      }
      await delay(20);
    }
  }
  async stop() {
    this.stopped = true;
    await this.loop;
  }
}

/** One fresh stack (Temporal on its database file, as `npm start` runs it), then the phases. */
async function measure(trust: "on" | "off"): Promise<Summary> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "visit-once-bench-"));
  const databaseUrl = process.env.DATABASE_URL
    ? withDatabase(process.env.DATABASE_URL, `vo_bench_${trust}_${Date.now().toString(36)}`)
    : undefined;

  let stack: RunningStack;
  try {
    stack = await startStack({
      dataDir,
      databaseUrl,
      embeddedPostgresPort: 54349 + PORT_OFFSET,
      temporalPort: 27233 + PORT_OFFSET,
      temporalUiPort: 28233 + PORT_OFFSET,
      persistTemporal: true,
      departmentProcesses: DEPARTMENT_PROCESSES,
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
    console.error(`The benchmark could not start the stack: ${(e as Error).message}`);
    process.exit(1);
  }
  // Ctrl-C, a closed terminal or a timeout: the stack goes with the run (it used to be left
  // running, holding the bench's ports and its embedded database). A terminal's Ctrl-C reaches
  // every process of the group, tsx's too, which passes it on: the second one changes nothing.
  let stopping = false;
  const interrupted = (signal: NodeJS.Signals, code: number) => () => {
    if (stopping) return;
    stopping = true;
    // The calls in flight fail as their servers stop: expected now, not a crash that leaves the rest running.
    process.on("unhandledRejection", () => undefined);
    process.on("uncaughtException", () => undefined);
    console.error(`\n${signal}: stopping the benchmark's stack…`);
    void stack
      .stop()
      .catch(() => undefined)
      .finally(() => {
        rmSync(dataDir, { recursive: true, force: true });
        process.exit(code);
      });
  };
  const handlers = (
    [
      ["SIGINT", 130],
      ["SIGTERM", 143],
      ["SIGHUP", 129],
    ] as const
  ).map(([signal, code]) => [signal, interrupted(signal, code)] as const);
  for (const [signal, handler] of handlers) process.on(signal, handler);

  let peakPss = 0;
  // How the peak divides between the stack's processes, sampled at the same moment.
  let peakPssByProcess = new Map<string, number>();
  // The stack's processes are this process's children (servers, workers, sandboxes, an
  // embedded database); the benchmark's own client is not part of the stack.
  const sampler = setInterval(() => {
    const byProcess = descendantsMemoryMb(process.pid);
    const sum = total(byProcess);
    if (sum > peakPss) [peakPss, peakPssByProcess] = [sum, byProcess];
  }, 1000);
  const db = createPrisma(stack.databaseUrl);
  const pool = new pg.Pool({ connectionString: stack.databaseUrl, max: 4 });
  const watcher = new CaseWatcher(pool);
  // The bench's client seals and opens payloads like every process of the stack (not in the trust-off run).
  const client = new Client({
    connection: await Connection.connect({ address: stack.temporalAddress }),
    dataConverter:
      trust === "off" ? {} : await codecDataConverter(temporalCodecKeys({ VO_TEMPORAL_CODEC_KEYS: stack.codecKeys })),
  });

  try {
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
    // Families with a planted discrepancy go to a caseworker, whom the bench does not play: leave them out.
    const clean = (id: string) => [id, spouseOf.get(id)].every((p) => !p || !population.discrepancies.has(p));
    const taxClear = new Set(population.taxes.filter((t) => t.outstandingYuan === 0).map((t) => t.nationalId));
    const property = new Map(population.properties.flatMap((p) => p.ownerIds.map((o) => [o, p] as const)));
    const months = new Map(population.employments.map((e) => [e.nationalId, e.contributionMonths]));
    const schoolParents = new Set(
      population.births.filter((b) => b.childNationalId).flatMap((b) => [b.motherId, b.fatherId]),
    );
    const demo = new Set<string>(DEMO_CITIZENS.map((c) => c.nationalId));
    const retiree = DEMO_CITIZENS.find((c) => c.email === "wu@demo.visit-once.local");
    if (!retiree) throw new Error("The demo retiree (wu@demo.visit-once.local) is not among the demo citizens.");
    const adults = [...new Set(population.marriages.flatMap((m) => [m.wifeId, m.husbandId]))].filter(
      (id) => !demo.has(id) && clean(id),
    );
    // Who can complete each service (the population has no one of retirement age but the demo retiree).
    const CANDIDATES: Record<ServiceCode, string[]> = {
      "newborn-registration": population.applicants.filter((id) => !demo.has(id) && clean(id)),
      "business-startup": adults.filter((id) => taxClear.has(id)),
      "property-transfer": adults.filter((id) => taxClear.has(id) && property.get(id)?.encumbered === false),
      "school-enrolment": adults.filter(
        (id) => schoolParents.has(id) && property.has(id) && (months.get(id) ?? 0) >= 12,
      ),
      retirement: [retiree.nationalId],
      // The bench applies as the case's subject; a parent's proof of the relation is the web's.
      "child-medical-insurance": population.births.flatMap((b) =>
        b.childNationalId && clean(b.motherId) ? [b.childNationalId] : [],
      ),
    };
    const citizen = await db.user.upsert({
      where: { email: "bench@visit-once.local" },
      create: { email: "bench@visit-once.local", name: "Bench", role: "CITIZEN", passwordHash: "!" },
      update: {},
    });

    /** Services in turn, each from its own candidates (reused round-robin when a service has few). */
    let planned = 0;
    const plan = (count: number): Job[] => {
      const offset = planned;
      planned += count;
      return Array.from({ length: count }, (_, k) => {
        const service = SERVICE_CODES[(offset + k) % SERVICE_CODES.length]!;
        const pool = CANDIDATES[service];
        if (pool.length === 0) throw new Error(`The population has no one who can complete ${service}.`);
        return [service, pool[Math.floor((offset + k) / SERVICE_CODES.length) % pool.length]!];
      });
    };

    /** A case submitted as the submission does it: the row first, then the case's workflow started at once. */
    const submitCase = async ([service, nationalId]: Job) => {
      const applicationId = randomUUID();
      const consent = SERVICES[service].evidence.map((e) => e.recordType);
      const submittedAt = Date.now();
      await db.application.create({
        data: { id: applicationId, serviceCode: service, citizenId: citizen.id, consent },
      });
      const options = caseStartOptions(
        caseStartInput({ applicationId, serviceCode: service, subjectNationalId: nationalId, consent }),
      );
      return { applicationId, submittedAt, handle: await client.workflow.start("applicationWorkflow", options) };
    };

    /**
     * The citizen at the preview (every case since issue 13): she confirms the records retrieved
     * for her, as the case page's button does. Her pause is not the system's: untimed.
     */
    const confirmPreview = async (handle: Awaited<ReturnType<typeof submitCase>>["handle"]) => {
      const requestId = randomUUID();
      await handle.executeUpdate(caseUpdates.confirm, {
        updateId: requestId,
        args: [{ requestId, actorId: citizen.id }],
      });
    };

    const decisionsMs: number[] = [];
    /** A submitted case driven on: confirmed at the preview, every step decided, until its documents are issued. */
    const driveCase = async ({ applicationId, submittedAt, handle }: Awaited<ReturnType<typeof submitCase>>) => {
      let recordsReadyMs: number | undefined;
      const decided = new Set<string>();
      let confirmed = false;
      for (;;) {
        const row = await watcher.until(
          applicationId,
          (r) =>
            r.status === "COMPLETED" ||
            (r.status === "AWAITING_CONFIRMATION" && !confirmed) ||
            r.awaiting.some((s) => !decided.has(s.key)),
        );
        if (row.recordsReadyMs !== null && recordsReadyMs === undefined)
          recordsReadyMs = row.recordsReadyMs - submittedAt;
        if (row.status === "AWAITING_CONFIRMATION" && !confirmed) {
          confirmed = true;
          await confirmPreview(handle);
          continue;
        }
        if (row.status === "COMPLETED") {
          if (row.documents === 0) throw new Error(`case ${applicationId} completed without a document`);
          return { recordsReadyMs: recordsReadyMs ?? NaN, completedAt: performance.now() };
        }
        // The officers, as the web sends a decision: the step looked up in PostgreSQL, then the
        // update with the request id as its update id; its round trip timed.
        for (const step of row.awaiting.filter((s) => !decided.has(s.key))) {
          decided.add(step.key);
          const requestId = randomUUID();
          const started = performance.now();
          await pool.query(
            `SELECT kind, "departmentCode", status, "startedAt" FROM "ApplicationStep" WHERE "applicationId" = $1 AND key = $2`,
            [applicationId, step.key],
          );
          await handle.executeUpdate(caseUpdates.decide, {
            updateId: requestId,
            args: [
              {
                requestId,
                actorId: "bench-officer",
                stepKey: step.key,
                office: step.office as never,
                decision: "approve",
                reason: "",
              },
            ],
          });
          decisionsMs.push(performance.now() - started);
        }
      }
    };
    /** One whole case through Visit Once: submitted, records ready, every step decided, documents issued. */
    const runCase = async (job: Job): Promise<{ recordsReadyMs: number; completedAt: number }> =>
      driveCase(await submitCase(job));

    if (OPEN > 0) return await holdOpenCases(OPEN);

    /**
     * `count` cases submitted at the bench's rate and left waiting on the offices (nobody decides),
     * held `hold` seconds: every one must still be waiting, no workflow failed, no step failed.
     * Then the offices come back to a sample spread over them (the oldest first, long out of the
     * orchestrator's cache when it holds fewer than `count`): each decided to the end, its decisions timed.
     */
    async function holdOpenCases(count: number): Promise<Summary> {
      const started = performance.now();
      // A case that does not reach the offices is counted by its reason (and fails the check); the
      // others go on: one such case used to end the run as an unhandled rejection.
      const unreached = new Map<string, number>();
      const reached = await paced(plan(count), RATE, async (job) => {
        try {
          const submitted = await submitCase(job);
          await watcher.until(submitted.applicationId, (r) => r.status === "AWAITING_CONFIRMATION");
          await confirmPreview(submitted.handle);
          await watcher.until(submitted.applicationId, (r) => r.awaiting.length > 0);
          return submitted;
        } catch (e) {
          const reason = reasonOf(e);
          unreached.set(reason, (unreached.get(reason) ?? 0) + 1);
          return null;
        }
      });
      for (const [reason, n] of unreached) console.log(`open: ${n} case(s) did not reach the offices: ${reason}`);
      const cases = reached.filter((c) => c !== null);
      const ids = cases.map((c) => c.applicationId);
      const reachedS = (performance.now() - started) / 1000;
      console.log(
        `open: ${count} cases waiting on the offices after ${reachedS.toFixed(0)} s (load average ${loadAverage()}); holding ${HOLD_S} s`,
      );
      await delay(HOLD_S * 1000);
      const held = descendantsMemoryMb(process.pid);
      console.log(
        `open: PSS MB by process at the end of the hold (${Math.round(total(held))} in all): ${splitLine(held)}`,
      );
      console.log(`open: peak PSS MB by process: ${splitLine(peakPssByProcess)}`);
      const { rows: statuses } = await pool.query<{ status: string; n: string }>(
        `SELECT status, count(*) AS n FROM "Application" WHERE id = ANY($1::uuid[]) GROUP BY status`,
        [ids],
      );
      const { rows: failedSteps } = await pool.query<{ n: string }>(
        `SELECT count(*) AS n FROM "ApplicationStep" WHERE "applicationId" = ANY($1::uuid[]) AND status = 'FAILED'`,
        [ids],
      );
      const { rows: exceptions } = await pool.query<{ n: string }>(
        `SELECT count(*) AS n FROM "CaseException" WHERE "applicationId" = ANY($1::uuid[])`,
        [ids],
      );
      const running = (
        await client.workflow.count(`WorkflowType = "applicationWorkflow" AND ExecutionStatus = "Running"`)
      ).count;
      const failed = (
        await client.workflow.count(
          `ExecutionStatus = "Failed" OR ExecutionStatus = "Terminated" OR ExecutionStatus = "TimedOut"`,
        )
      ).count;
      const waiting = Number(statuses.find((r) => r.status === "IN_DEPARTMENTS")?.n ?? 0);
      const sample = cases
        .filter((_, i) => i % Math.max(1, Math.floor(count / OPEN_SAMPLE)) === 0)
        .slice(0, OPEN_SAMPLE);
      let finished = 0;
      const queue = [...sample];
      await Promise.all(
        Array.from({ length: Math.min(10, queue.length) }, async () => {
          for (let c = queue.shift(); c; c = queue.shift()) {
            // A sampled case that does not finish is logged with its reason and fails the check; the others go on.
            try {
              await driveCase(c);
              finished++;
            } catch (e) {
              console.log(`open: a sampled case did not finish: ${reasonOf(e)}`);
            }
          }
        }),
      );
      const ok =
        unreached.size === 0 &&
        waiting === count &&
        failed === 0 &&
        Number(failedSteps[0]!.n) === 0 &&
        Number(exceptions[0]!.n) === 0 &&
        finished === sample.length;
      const line =
        `open cases=${count} waiting=${waiting} statuses=${statuses.map((r) => `${r.status}:${r.n}`).join(",")} running_workflows=${running} failed_workflows=${failed} ` +
        `failed_steps=${failedSteps[0]!.n} exceptions=${exceptions[0]!.n} hold_s=${HOLD_S} peak_pss_mb=${Math.round(peakPss)} ` +
        `then_finished=${finished}/${sample.length} then_decision_p50_ms=${ms(pct(decisionsMs, 50))} then_decision_p95_ms=${ms(pct(decisionsMs, 95))} ${ok ? "ok" : "NOT OK"}`;
      if (!ok) process.exitCode = 1;
      return { line, throughputPerS: NaN, recordsReadyP50Ms: NaN, recordsReadyP95Ms: NaN };
    }

    /**
     * A timed case that did not finish (rejected, sent to a caseworker, or failed under overload)
     * is counted by its reason, and the run goes on: one such case used to end the whole run
     * while the others' calls were still under way ("Channel has been shut down").
     */
    const failures = new Map<string, number>();
    const measuredCase = async (job: Job) => {
      try {
        return await runCase(job);
      } catch (e) {
        const reason = reasonOf(e);
        failures.set(reason, (failures.get(reason) ?? 0) + 1);
        return { recordsReadyMs: NaN, completedAt: Infinity };
      }
    };

    // Warm-up: every path compiled and connected before anything is timed.
    const warm = plan(WARMUP);
    await Promise.all(warm.map(runCase));
    await Promise.all(warm.map((j) => departmentCalls(j, true)));
    decisionsMs.length = 0;

    // 1. The same cases through (a), (b) and (c), each open loop at the same rate.
    const jobs = plan(LATENCY_CASES);
    const loadBefore = loadAverage();
    const ideal = await paced(jobs, RATE, (j) => departmentCalls(j, true));
    const naive = await paced(jobs, RATE, (j) => departmentCalls(j, false));
    const cpuBefore = descendantsCpuMs(process.pid);
    const vo = (await paced(jobs, RATE, measuredCase)).map((r) => r.recordsReadyMs);
    // The stack's CPU per whole case (every process it started, the sandboxes' share included), and by process.
    const cpuAfter = descendantsCpuMs(process.pid);
    const cpuPerCase = [...cpuAfter].map(
      ([label, ms]) => [label, (ms - (cpuBefore.get(label) ?? 0)) / jobs.length] as const,
    );
    const cpuMsPerCase = cpuPerCase.reduce((sum, [, ms]) => sum + ms, 0);
    const decisions = [...decisionsMs];

    // 2. Saturated: whole cases kept `CONCURRENCY` in flight for the duration.
    const pssBeforeThroughput = peakPss;
    const started = performance.now();
    const until = started + DURATION_S * 1000;
    let completed = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (performance.now() < until) {
          const r = await measuredCase(plan(1)[0]!);
          if (r.completedAt <= until) completed++;
        }
      }),
    );
    const throughputPerS = completed / DURATION_S;
    const loadAfter = loadAverage();

    console.log(
      `trust=${trust}: department latency (ms) ${JSON.stringify(LATENCY)}; rate ${RATE}/s for ${DURATION_S} s (${LATENCY_CASES} cases each way); ` +
        `throughput with ${CONCURRENCY} in flight; department workers: ${DEPARTMENT_PROCESSES === "one" ? "one process" : "a process each"}; ${os.cpus().length} cores; load average ${loadBefore} before, ${loadAfter} after`,
    );
    const fmt = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : "-");
    console.log(
      "| service | cases | ideal p50/p95 ms | naive p50/p95 ms | Visit Once p50/p95 ms | c/a p50 | c/a p95 | c/b p50 |",
    );
    console.log("|---|---|---|---|---|---|---|---|");
    const row = (label: string, idx: number[]) => {
      const a = idx.map((i) => ideal[i]!);
      const b = idx.map((i) => naive[i]!);
      const c = idx.map((i) => vo[i]!);
      console.log(
        `| ${label} | ${idx.length} | ${ms(pct(a, 50))}/${ms(pct(a, 95))} | ${ms(pct(b, 50))}/${ms(pct(b, 95))} | ${ms(pct(c, 50))}/${ms(pct(c, 95))} | ` +
          `${fmt(ratio(pct(c, 50), pct(a, 50)))} | ${fmt(ratio(pct(c, 95), pct(a, 95)))} | ${fmt(ratio(pct(c, 50), pct(b, 50)))} |`,
      );
    };
    for (const service of SERVICE_CODES)
      row(
        service,
        jobs.flatMap(([s], i) => (s === service ? [i] : [])),
      );
    row(
      "all",
      jobs.map((_, i) => i),
    );
    const summary: Summary = {
      throughputPerS,
      recordsReadyP50Ms: pct(vo, 50),
      recordsReadyP95Ms: pct(vo, 95),
      line:
        `bench rate=${RATE} records_ready_p50_ratio=${fmt(ratio(pct(vo, 50), pct(ideal, 50)))} records_ready_p95_ratio=${fmt(ratio(pct(vo, 95), pct(ideal, 95)))} ` +
        `vs_sequential_p50=${fmt(ratio(pct(vo, 50), pct(naive, 50)))} decision_p50_ms=${ms(pct(decisions, 50))} decision_p95_ms=${ms(pct(decisions, 95))} ` +
        `throughput_per_s=${throughputPerS.toFixed(1)} peak_pss_mb=${Math.round(Math.max(peakPss, pssBeforeThroughput))}`,
    };
    console.log(
      `trust=${trust}: decisions=${decisions.length} stack_cpu_ms_per_case=${Math.round(cpuMsPerCase)} throughput_cases=${completed} in ${DURATION_S} s ` +
        `unfinished_cases=${[...failures.values()].reduce((a, b) => a + b, 0)}`,
    );
    console.log(`trust=${trust}: stack CPU ms per case by process: ` + splitLine(new Map(cpuPerCase)));
    console.log(`trust=${trust}: peak PSS MB by process: ${splitLine(peakPssByProcess)}`);
    for (const [reason, n] of failures) console.log(`trust=${trust}: ${n} case(s) did not finish: ${reason}`);
    return summary;
  } finally {
    for (const [signal, handler] of handlers) process.off(signal, handler);
    clearInterval(sampler);
    await watcher.stop();
    await pool.end();
    await db.$disconnect();
    await client.connection.close();
    await stack.stop();
    if (databaseUrl)
      await Promise.all(
        [databaseUrl, departmentStoresUrl(databaseUrl)].map((u) => dropDatabase(u).catch(() => undefined)),
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
// The last line: the run's figures (the trust-on run's when both ran).
console.log((on ?? off)!.line);
