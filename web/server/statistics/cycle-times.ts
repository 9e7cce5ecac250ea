import type { Db } from "@visit-once/prisma";
import type { StatisticsScope } from "./statistics-scope";

export interface CycleTime {
  serviceCode: string;
  /** The department step's key; null for the whole case, submission to completion. */
  stepKey: string | null;
  office: string | null;
  count: number;
  medianSeconds: number;
  p90Seconds: number;
}

interface Row {
  service: string;
  step: string | null;
  office: string | null;
  n: bigint;
  median: number;
  p90: number;
}

/**
 * How long cases took end to end (submitted to completed), and each department step (offered to
 * decided), per service: count, median and 90th percentile, for those finished in the window.
 * An office's own figures: its steps, and the cases they were part of.
 */
export async function cycleTimes(db: Db, { office, from, to }: StatisticsScope): Promise<CycleTime[]> {
  const rows = await db.$queryRaw<Row[]>`
    SELECT a."serviceCode" AS service, NULL::text AS step, NULL::text AS office, count(*) AS n,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM (a."completedAt" - a."submittedAt")))::float8 AS median,
      percentile_cont(0.9) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM (a."completedAt" - a."submittedAt")))::float8 AS p90
    FROM "Application" a
    WHERE a.status = 'COMPLETED' AND a."completedAt" >= ${from} AND a."completedAt" < ${to}
      AND (${office}::text IS NULL OR EXISTS (
        SELECT 1 FROM "ApplicationStep" s WHERE s."applicationId" = a.id AND s.kind = 'DEPARTMENT' AND s."departmentCode" = ${office}::text))
    GROUP BY a."serviceCode"
    UNION ALL
    SELECT a."serviceCode", s.key, s."departmentCode", count(*),
      percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM (s."completedAt" - s."startedAt")))::float8,
      percentile_cont(0.9) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM (s."completedAt" - s."startedAt")))::float8
    FROM "ApplicationStep" s JOIN "Application" a ON a.id = s."applicationId"
    WHERE s.kind = 'DEPARTMENT' AND s.status IN ('DONE', 'REJECTED') AND s."startedAt" IS NOT NULL
      AND s."completedAt" >= ${from} AND s."completedAt" < ${to}
      AND (${office}::text IS NULL OR s."departmentCode" = ${office}::text)
    GROUP BY a."serviceCode", s.key, s."departmentCode"
    ORDER BY 1, 2 NULLS FIRST`;
  return rows.map((r) => ({
    serviceCode: r.service,
    stepKey: r.step,
    office: r.office,
    count: Number(r.n),
    medianSeconds: Number(r.median),
    p90Seconds: Number(r.p90),
  }));
}
