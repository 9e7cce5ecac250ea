import type { Db } from "@visit-once/prisma";
import { STEP_OFFICES, type StepOffice } from "@visit-once/workflows/contracts";
import { db as defaultDb } from "../db";

export interface OfficeFigures {
  office: StepOffice;
  decided: number;
  onTime: number;
  /** Share of decided steps decided by their due date; null before the first decision. */
  onTimeRate: number | null;
  medianHandlingSeconds: number | null;
  backlog: number;
  overdue: number;
}

interface Row {
  office: string;
  decided: bigint;
  on_time: bigint;
  median_seconds: number | null;
  backlog: bigint;
  overdue: bigint;
}

/** How each office handles its department steps, in one grouped query; offices without steps show zeros. */
export async function getBoard(db: Db = defaultDb()): Promise<OfficeFigures[]> {
  const rows = await db.$queryRaw<Row[]>`
    SELECT s."departmentCode" AS office,
      count(*) FILTER (WHERE s.status IN ('DONE', 'REJECTED') AND s."completedAt" IS NOT NULL) AS decided,
      count(*) FILTER (WHERE s.status IN ('DONE', 'REJECTED') AND s."completedAt" IS NOT NULL AND s."completedAt" <= s."dueAt") AS on_time,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM (s."completedAt" - s."startedAt")))
        FILTER (WHERE s.status IN ('DONE', 'REJECTED') AND s."completedAt" IS NOT NULL AND s."startedAt" IS NOT NULL) AS median_seconds,
      count(*) FILTER (WHERE s.status = 'AWAITING_DECISION') AS backlog,
      count(*) FILTER (WHERE s.status = 'AWAITING_DECISION' AND s."dueAt" < now()) AS overdue
    FROM "ApplicationStep" s
    WHERE s.kind = 'DEPARTMENT' AND s."departmentCode" IS NOT NULL
    GROUP BY s."departmentCode"`;
  return boardFigures(rows);
}

/** Every office in a fixed order, with its row's figures or zeros. */
export function boardFigures(rows: readonly Row[]): OfficeFigures[] {
  const byOffice = new Map(rows.map((r) => [r.office, r]));
  return STEP_OFFICES.map((office) => {
    const r = byOffice.get(office);
    const decided = Number(r?.decided ?? 0);
    const onTime = Number(r?.on_time ?? 0);
    return {
      office,
      decided,
      onTime,
      onTimeRate: decided > 0 ? onTime / decided : null,
      medianHandlingSeconds: r?.median_seconds == null ? null : Number(r.median_seconds),
      backlog: Number(r?.backlog ?? 0),
      overdue: Number(r?.overdue ?? 0),
    };
  });
}
