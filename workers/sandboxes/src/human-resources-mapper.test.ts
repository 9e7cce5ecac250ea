import fc from "fast-check";
import { socialInsuranceRecordSchema } from "@visit-once/workflows/contracts";
import { describe, expect, it } from "vitest";
import { contributedMonths } from "./human-resources";
import {
  aggregateContributions,
  yyyymmddToIso,
  yyyymmToIsoMonth,
} from "@visit-once/workers/connectors/human-resources/mapper";
import type { NativeContributionRow } from "@visit-once/workers/connectors/human-resources/schema";

const row = (aae002: string, aab004 = "杭州某某科技有限公司"): NativeContributionRow => ({
  aac002: "330102199203150021",
  aac003: "王美",
  aac006: "19920315",
  aab004,
  aae002,
  aae180: "8000.00",
});

const month = fc.record({ year: fc.integer({ min: 1990, max: 2030 }), month: fc.integer({ min: 1, max: 12 }) });
const yyyymm = (m: { year: number; month: number }) => `${m.year}${String(m.month).padStart(2, "0")}`;

describe("human-resources: social insurance field codes to the data standard", () => {
  it("reads aae002 months and aac006 dates", () => {
    expect(yyyymmToIsoMonth("202610")).toBe("2026-10");
    expect(yyyymmddToIso("19920315")).toBe("1992-03-15");
    fc.assert(fc.property(month, (m) => /^\d{4}-(0[1-9]|1[0-2])$/.test(yyyymmToIsoMonth(yyyymm(m)))));
  });

  it("folds the monthly rows: first, last, distinct months, employer of the latest month", () => {
    const record = aggregateContributions([
      row("202001", "旧公司"),
      row("201912", "旧公司"),
      row("202003", "新公司"),
      row("202003", "新公司"),
    ]);
    expect(record).toEqual({
      nationalId: "330102199203150021",
      fullName: "王美",
      birthDate: "1992-03-15",
      employerName: "新公司",
      firstMonth: "2019-12",
      lastMonth: "2020-03",
      contributionMonths: 3,
    });
    expect(socialInsuranceRecordSchema.safeParse(record).success).toBe(true);
    expect(aggregateContributions([row("202001", "  ")]).employerName).toBeNull();
    expect(() => aggregateContributions([])).toThrow();
  });

  it("aggregates to the same record whatever the order of the rows", () => {
    fc.assert(
      fc.property(
        fc
          .uniqueArray(month.map(yyyymm), { minLength: 1, maxLength: 40 })
          .chain((months) =>
            fc.tuple(
              fc.constant(months),
              fc.shuffledSubarray(months, { minLength: months.length, maxLength: months.length }),
            ),
          ),
        ([months, shuffled]) => {
          const sorted = [...months].sort();
          const record = aggregateContributions(shuffled.map((m) => row(m)));
          expect(record).toEqual(aggregateContributions(months.map((m) => row(m))));
          expect(record.contributionMonths).toBe(months.length);
          expect(record.firstMonth).toBe(yyyymmToIsoMonth(sorted[0]!));
          expect(record.lastMonth).toBe(yyyymmToIsoMonth(sorted[sorted.length - 1]!));
        },
      ),
    );
  });

  it("the sandbox contributes as many months as the population says, keeping the first and last", () => {
    fc.assert(
      fc.property(month, fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 12 }), (first, extra, gaps) => {
        const firstIndex = first.year * 12 + first.month - 1;
        const lastIndex = firstIndex + extra;
        const e = {
          firstMonth: `${first.year}-${String(first.month).padStart(2, "0")}`,
          lastMonth: `${Math.floor(lastIndex / 12)}-${String((lastIndex % 12) + 1).padStart(2, "0")}`,
          contributionMonths: Math.max(1, extra + 1 - gaps),
        };
        const months = contributedMonths(e);
        expect(months).toHaveLength(e.contributionMonths);
        expect(new Set(months).size).toBe(months.length);
        expect([...months].sort()).toEqual(months);
        expect(months[months.length - 1]).toBe(e.lastMonth.replace("-", ""));
        const gapMonths = extra + 1 - e.contributionMonths;
        if (gapMonths === 0 || gapMonths <= extra - 1) expect(months[0]).toBe(e.firstMonth.replace("-", ""));
      }),
    );
  });
});
