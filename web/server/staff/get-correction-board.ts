import "server-only";
import type { Db } from "@visit-once/prisma";
import { DEPARTMENT_CODES, type DepartmentCode } from "@visit-once/workflows/contracts";
import { db as defaultDb } from "../db";

export interface CorrectionFigures {
  department: DepartmentCode;
  asked: number;
  corrected: number;
  refused: number;
  open: number;
  /** Median time from the request to the correction; null before the first. */
  medianSeconds: number | null;
}

interface Row {
  department: string;
  asked: bigint;
  corrected: bigint;
  refused: bigint;
  open: bigint;
  median_seconds: number | null;
}

/**
 * Corrections at the source per department (the reform's incentive: how readily each
 * department puts its own records right, and how fast), in one grouped query.
 */
export async function getCorrectionBoard(db: Db = defaultDb()): Promise<CorrectionFigures[]> {
  const rows = await db.$queryRaw<Row[]>`
    SELECT c."departmentCode" AS department,
      count(*) AS asked,
      count(*) FILTER (WHERE c.status = 'CORRECTED') AS corrected,
      count(*) FILTER (WHERE c.status = 'REFUSED') AS refused,
      count(*) FILTER (WHERE c.status = 'OPEN') AS open,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM (c."closedAt" - c."openedAt")))
        FILTER (WHERE c.status = 'CORRECTED' AND c."closedAt" IS NOT NULL) AS median_seconds
    FROM "Correction" c
    GROUP BY c."departmentCode"`;
  return correctionFigures(rows);
}

/** Every department in a fixed order, with its row's figures or zeros. */
export function correctionFigures(rows: readonly Row[]): CorrectionFigures[] {
  const byDepartment = new Map(rows.map((r) => [r.department, r]));
  return DEPARTMENT_CODES.map((department) => {
    const r = byDepartment.get(department);
    return {
      department,
      asked: Number(r?.asked ?? 0),
      corrected: Number(r?.corrected ?? 0),
      refused: Number(r?.refused ?? 0),
      open: Number(r?.open ?? 0),
      medianSeconds: r?.median_seconds == null ? null : Number(r.median_seconds),
    };
  });
}
