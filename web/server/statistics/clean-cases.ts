import type { Db } from "@visit-once/prisma";
import type { StatisticsScope } from "./statistics-scope";

export interface CleanShare {
  serviceCode: string;
  completed: number;
  /** Completed with nothing more asked of the citizen: no information request, and no record she had to bring. */
  clean: number;
}

/**
 * Of the cases completed in the window, per service, those finished with no extra upload and no
 * visit: the citizen was never asked a question or for a document (no information request), and
 * no record was missing, unusable or disputed (each would have her bring a paper to a counter).
 */
export async function cleanCases(db: Db, { office, from, to }: StatisticsScope): Promise<CleanShare[]> {
  const rows = await db.$queryRaw<{ service: string; completed: bigint; clean: bigint }[]>`
    SELECT a."serviceCode" AS service, count(*) AS completed,
      count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM "InformationRequest" q WHERE q."applicationId" = a.id)
        AND NOT EXISTS (SELECT 1 FROM "CaseException" x WHERE x."applicationId" = a.id AND x.kind IN ('MISSING_RECORD', 'UNUSABLE_RECORD', 'CITIZEN_DISPUTE'))) AS clean
    FROM "Application" a
    WHERE a.status = 'COMPLETED' AND a."completedAt" >= ${from} AND a."completedAt" < ${to}
      AND (${office}::text IS NULL OR EXISTS (
        SELECT 1 FROM "ApplicationStep" s WHERE s."applicationId" = a.id AND s.kind = 'DEPARTMENT' AND s."departmentCode" = ${office}::text))
    GROUP BY 1
    ORDER BY 1`;
  return rows.map((r) => ({ serviceCode: r.service, completed: Number(r.completed), clean: Number(r.clean) }));
}
