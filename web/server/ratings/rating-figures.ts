import type { Db } from "@visit-once/prisma";
import { STEP_OFFICES, type StepOffice } from "@visit-once/workflows/contracts";
import { db as defaultDb } from "../db";

export interface RatingFigures {
  office: StepOffice;
  /** Bad ratings about the office (every round). */
  bad: number;
  replied: number;
  /** Median time from the bad rating to the office's answer; null before the first answer. */
  medianReplySeconds: number | null;
  /** Unanswered past their due time, or answered after it. */
  overdue: number;
}

interface Row {
  office: string;
  bad: bigint;
  replied: bigint;
  median_seconds: number | null;
  overdue: bigint;
}

/** The board's ratings part: per office, its bad ratings, how fast it answered them and how many it answered late or not yet. */
export async function getRatingFigures(db: Db = defaultDb()): Promise<RatingFigures[]> {
  const rows = await db.$queryRaw<Row[]>`
    SELECT r.office,
      count(*) AS bad,
      count(*) FILTER (WHERE r."repliedAt" IS NOT NULL) AS replied,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM (r."repliedAt" - r."createdAt"))) FILTER (WHERE r."repliedAt" IS NOT NULL) AS median_seconds,
      count(*) FILTER (WHERE (r."repliedAt" IS NULL AND r."dueAt" < now()) OR r."repliedAt" > r."dueAt") AS overdue
    FROM "RatingRectification" r
    GROUP BY r.office`;
  const byOffice = new Map(rows.map((r) => [r.office, r]));
  return STEP_OFFICES.map((office) => {
    const r = byOffice.get(office);
    return {
      office,
      bad: Number(r?.bad ?? 0),
      replied: Number(r?.replied ?? 0),
      medianReplySeconds: r?.median_seconds == null ? null : Number(r.median_seconds),
      overdue: Number(r?.overdue ?? 0),
    };
  });
}
