import type { socialInsuranceRecordSchema } from "@visit-once/workflows/contracts";
import type { z } from "zod";
import { yyyymmddToIso } from "../dates";
import type { NativeContributionRow } from "./schema";

/** aae002 contribution month YYYYMM → the standard's YYYY-MM. */
export function yyyymmToIsoMonth(value: string): string {
  return `${value.slice(0, 4)}-${value.slice(4, 6)}`;
}

/** aac006 birth date YYYYMMDD → YYYY-MM-DD. */
export { yyyymmddToIso } from "../dates";

/**
 * Folds the month-by-month rows into one record: first and last month contributed, the
 * number of distinct months, and the employer (and person details) of the latest month.
 */
export function aggregateContributions(
  rows: readonly NativeContributionRow[],
): z.input<typeof socialInsuranceRecordSchema> {
  if (rows.length === 0) throw new Error("no contribution rows to aggregate");
  const sorted = [...rows].sort((a, b) => a.aae002.localeCompare(b.aae002));
  const first = sorted[0]!;
  const latest = sorted[sorted.length - 1]!;
  return {
    nationalId: latest.aac002,
    fullName: latest.aac003,
    birthDate: yyyymmddToIso(latest.aac006),
    employerName: latest.aab004.trim() || null,
    firstMonth: yyyymmToIsoMonth(first.aae002),
    lastMonth: yyyymmToIsoMonth(latest.aae002),
    contributionMonths: new Set(rows.map((r) => r.aae002)).size,
  };
}
