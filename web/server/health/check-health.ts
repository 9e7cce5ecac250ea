import { DEPARTMENT_CODES, type DepartmentCode } from "@visit-once/workflows/contracts";
import { env } from "@/env";
import { db } from "../db";
import { temporal } from "../temporal";

export type Health = "ok" | "down";

export interface HealthReport {
  db: Health;
  temporal: Health;
  departments: Record<DepartmentCode, Health>;
}

const TIMEOUT_MS = 2000;

function withTimeout<T>(work: Promise<T>, ms = TIMEOUT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

async function probe(check: () => Promise<unknown>): Promise<Health> {
  try {
    await withTimeout(check());
    return "ok";
  } catch {
    return "down";
  }
}

async function checkDepartment(baseUrl: string): Promise<void> {
  const res = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(TIMEOUT_MS), cache: "no-store" });
  await res.body?.cancel();
  if (res.status !== 200) throw new Error(`status ${res.status}`);
}

export function isHealthy(report: HealthReport): boolean {
  return report.db === "ok" && report.temporal === "ok" && Object.values(report.departments).every((h) => h === "ok");
}

/** Checks the database, Temporal and each department system, in parallel, each within 2 s. */
export async function checkHealth(): Promise<HealthReport> {
  const { departmentUrls } = env();
  const [dbHealth, temporalHealth, ...departments] = await Promise.all([
    probe(() => db().$queryRaw`select 1`),
    probe(async () => {
      const client = await temporal();
      await client.connection.withDeadline(Date.now() + TIMEOUT_MS, () =>
        client.workflowService.getSystemInfo({}),
      );
    }),
    ...DEPARTMENT_CODES.map((code) => probe(() => checkDepartment(departmentUrls[code]))),
  ]);
  return {
    db: dbHealth!,
    temporal: temporalHealth!,
    departments: Object.fromEntries(DEPARTMENT_CODES.map((code, i) => [code, departments[i]!])) as Record<
      DepartmentCode,
      Health
    >,
  };
}
