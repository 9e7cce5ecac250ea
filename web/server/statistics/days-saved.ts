import type { Db } from "@visit-once/prisma";
import { readWorkingCalendar } from "@visit-once/prisma/working-calendar";
import { findService, paperProcess } from "@visit-once/workflows/contracts";
import { cstDay, workingDaysLeft } from "@visit-once/workflows/working-days";
import type { StatisticsScope } from "./statistics-scope";

export interface DaysSaved {
  serviceCode: string;
  completed: number;
  /** The paper process's working days for one case (see contracts/paper-process.ts). */
  paperWorkingDays: number;
  paperVisits: number;
  /** Working days the cases took, on average (submission day not counted, completion day counted). */
  averageWorkingDays: number;
  /** Working days saved over all of them: paper days less the days taken, never below zero per case. */
  savedWorkingDays: number;
}

const DAY_MS = 86_400_000;

/**
 * Working days saved against the paper process, per service, for the cases completed in the
 * window. The database groups the cases by their submission and completion day (China time);
 * each pair's working days are counted once on the working calendar.
 */
export async function daysSaved(db: Db, { office, from, to }: StatisticsScope): Promise<DaysSaved[]> {
  const rows = await db.$queryRaw<{ service: string; submitted: Date; completed: Date; n: bigint }[]>`
    SELECT a."serviceCode" AS service, min(a."submittedAt") AS submitted, min(a."completedAt") AS completed, count(*) AS n
    FROM "Application" a
    WHERE a.status = 'COMPLETED' AND a."completedAt" >= ${from} AND a."completedAt" < ${to}
      AND (${office}::text IS NULL OR EXISTS (
        SELECT 1 FROM "ApplicationStep" s WHERE s."applicationId" = a.id AND s.kind = 'DEPARTMENT' AND s."departmentCode" = ${office}::text))
    GROUP BY a."serviceCode",
      (a."submittedAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Shanghai')::date,
      (a."completedAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Shanghai')::date`;
  if (rows.length === 0) return [];
  const first = Math.min(...rows.map((r) => r.submitted.getTime()));
  const last = Math.max(...rows.map((r) => r.completed.getTime()));
  const calendar = await readWorkingCalendar(db, { from: cstDay(first), to: cstDay(last + DAY_MS) });
  const byService = new Map<string, { completed: number; taken: number; saved: number }>();
  for (const r of rows) {
    const service = findService(r.service);
    if (!service) continue;
    const n = Number(r.n);
    const taken = workingDaysLeft(r.submitted.getTime(), r.completed.getTime(), calendar);
    const paper = paperProcess(service).workingDays;
    const sum = byService.get(r.service) ?? { completed: 0, taken: 0, saved: 0 };
    byService.set(r.service, {
      completed: sum.completed + n,
      taken: sum.taken + taken * n,
      saved: sum.saved + Math.max(0, paper - taken) * n,
    });
  }
  return [...byService.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([code, s]) => {
      const paper = paperProcess(findService(code)!);
      return {
        serviceCode: code,
        completed: s.completed,
        paperWorkingDays: paper.workingDays,
        paperVisits: paper.visits,
        averageWorkingDays: s.taken / s.completed,
        savedWorkingDays: s.saved,
      };
    });
}
