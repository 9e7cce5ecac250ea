// Eligibility: a service's declarative rules over the harmonised records. Pure and
// deterministic; `today` comes from the workflow's clock.
import type { EvidenceRecord } from "./contracts/records";
import type { EligibilityRule } from "./contracts/services";

/** Whole years from an ISO birth date to an ISO day. */
export function ageOn(birthDate: string, today: string): number {
  const [by, bm, bd] = birthDate.split("-").map(Number) as [number, number, number];
  const [ty, tm, td] = today.split("-").map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

/** The records as the caseworkers settled them: a birth date chosen in a resolved conflict counts for the age rules. */
export function withChosenValues(
  records: EvidenceRecord[],
  settled: readonly { conflict?: { field: string }; status: string; chosenValue?: string }[],
): EvidenceRecord[] {
  const birthDate = settled.find(
    (x) => x.conflict?.field === "birthDate" && x.status === "RESOLVED" && x.chosenValue,
  )?.chosenValue;
  if (!birthDate) return records;
  return records.map((r) => (r.recordType === "identity" ? { ...r, data: { ...r.data, birthDate } } : r));
}

/** The messages of the rules the records do not satisfy (a rule on a missing record fails). */
export function unmetRules(
  rules: readonly EligibilityRule[],
  records: EvidenceRecord[],
  today: string,
): EligibilityRule[] {
  const data = (type: string) => records.find((r) => r.recordType === type)?.data;
  return rules.filter((rule) => {
    switch (rule.kind) {
      case "min-age": {
        const identity = data("identity");
        const sex = identity?.sex === "F" ? "F" : "M";
        return typeof identity?.birthDate !== "string" || ageOn(identity.birthDate, today) < rule.years[sex];
      }
      case "min-number": {
        const value = data(rule.recordType)?.[rule.field];
        return typeof value !== "number" || value < rule.min;
      }
      case "equals":
        return data(rule.recordType)?.[rule.field] !== rule.value;
    }
  });
}
