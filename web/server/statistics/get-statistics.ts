import type { Db } from "@visit-once/prisma";
import { db as defaultDb } from "../db";
import { applicationsByMonth, type MonthCount } from "./applications-by-month";
import { cleanCases, type CleanShare } from "./clean-cases";
import { type CycleTime, cycleTimes } from "./cycle-times";
import { dataFlows, type DataFlow } from "./data-flows";
import { type DaysSaved, daysSaved } from "./days-saved";
import type { StatisticsScope } from "./statistics-scope";
import { suppressSmall } from "./suppress";

type Shown<T> = T & { suppressed: boolean };

export interface Statistics {
  applications: Shown<MonthCount>[];
  cycleTimes: Shown<CycleTime>[];
  clean: Shown<CleanShare>[];
  daysSaved: Shown<DaysSaved>[];
  dataFlows: Shown<DataFlow>[];
}

/**
 * The reform's figures for a scope. `audience` "public": aggregates only, each cell of fewer than
 * five cases suppressed; "staff": in full (the caller has authorised the office's, or every office's, figures).
 */
export async function getStatistics(
  scope: StatisticsScope,
  audience: "public" | "staff",
  db: Db = defaultDb(),
): Promise<Statistics> {
  const [applications, cycles, clean, saved, flows] = await Promise.all([
    applicationsByMonth(db, scope),
    cycleTimes(db, scope),
    cleanCases(db, scope),
    daysSaved(db, scope),
    dataFlows(db, scope),
  ]);
  const shown = <T extends object>(rows: T[], count: (r: T) => number): Shown<T>[] =>
    rows.map((r) => (audience === "public" ? suppressSmall(r, count(r)) : { ...r, suppressed: false }));
  return {
    applications: shown(applications, (r) => r.applications),
    cycleTimes: shown(cycles, (r) => r.count),
    clean: shown(clean, (r) => r.completed),
    daysSaved: shown(saved, (r) => r.completed),
    dataFlows: shown(flows, (r) => r.cases),
  };
}
