import type { Db } from "@visit-once/prisma";
import type { StatisticsScope } from "./statistics-scope";

export interface MonthCount {
  serviceCode: string;
  /** YYYY-MM, China time. */
  month: string;
  applications: number;
}

/** Applications submitted per service and month (China time), oldest month first. */
export async function applicationsByMonth(db: Db, { office, from, to }: StatisticsScope): Promise<MonthCount[]> {
  const rows = await db.$queryRaw<{ service: string; month: string; n: bigint }[]>`
    SELECT a."serviceCode" AS service, to_char(a."submittedAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month, count(*) AS n
    FROM "Application" a
    WHERE a."submittedAt" >= ${from} AND a."submittedAt" < ${to}
      AND (${office}::text IS NULL OR EXISTS (
        SELECT 1 FROM "ApplicationStep" s WHERE s."applicationId" = a.id AND s.kind = 'DEPARTMENT' AND s."departmentCode" = ${office}::text))
    GROUP BY 1, 2
    ORDER BY 2, 1`;
  return rows.map((r) => ({ serviceCode: r.service, month: r.month, applications: Number(r.n) }));
}
