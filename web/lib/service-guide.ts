// A service's public guide (办事指南) as data, from its definition: who can apply, the records
// used and why, the time limit, what you get. Pure; the words live in citizen.guides.
import type { DepartmentStep, EligibilityRule, ServiceDefinition } from "@visit-once/workflows/contracts";

/** The working days the longest chain of department steps may take (steps with no chain between them run side by side). */
export function timeLimitWorkingDays(
  steps: readonly Pick<DepartmentStep, "key" | "after" | "deadlineWorkingDays">[],
): number {
  const byKey = new Map(steps.map((s) => [s.key, s]));
  const memo = new Map<string, number>();
  const finish = (key: string, seen: Set<string>): number => {
    const known = memo.get(key);
    if (known !== undefined) return known;
    const step = byKey.get(key);
    // A missing or cyclic predecessor adds nothing (service-definition.ts refuses both anyway).
    if (!step || seen.has(key)) return 0;
    const before = Math.max(0, ...step.after.map((a) => finish(a, new Set([...seen, key]))));
    const total = before + step.deadlineWorkingDays;
    memo.set(key, total);
    return total;
  };
  return Math.max(0, ...steps.map((s) => finish(s.key, new Set())));
}

/** A condition of eligibility as the guide states it: the rule's kind and its parameters. */
export type GuideCondition =
  | { kind: "min-age"; women: number; men: number }
  | { kind: "min-number"; recordType: string; field: string; min: number }
  | { kind: "equals"; recordType: string; field: string; value: string | boolean };

export function guideConditions(rules: readonly EligibilityRule[]): GuideCondition[] {
  return rules.map((r) => {
    switch (r.kind) {
      case "min-age":
        return { kind: "min-age", women: r.years.F, men: r.years.M };
      case "min-number":
        return { kind: "min-number", recordType: r.recordType, field: r.field, min: r.min };
      case "equals":
        return { kind: "equals", recordType: r.recordType, field: r.field, value: r.value };
    }
  });
}

export interface ServiceGuide {
  code: string;
  conditions: GuideCondition[];
  records: { recordType: string; department: string; purpose: { en: string; zh: string }; optional: boolean }[];
  timeLimitWorkingDays: number;
  outcomes: { key: string; title: { en: string; zh: string }; issuedBy: string }[];
  /** The offices that decide, in order of the steps. */
  steps: { key: string; title: { en: string; zh: string }; office: string; deadlineWorkingDays: number }[];
}

export function serviceGuide(service: ServiceDefinition): ServiceGuide {
  return {
    code: service.code,
    conditions: guideConditions(service.eligibility),
    records: service.evidence.map((e) => ({
      recordType: e.recordType,
      department: e.department,
      purpose: e.purpose,
      optional: Boolean(e.optional),
    })),
    timeLimitWorkingDays: timeLimitWorkingDays(service.steps),
    outcomes: service.outcomes.map((o) => ({ key: o.key, title: o.title, issuedBy: o.issuedBy })),
    steps: service.steps.map((s) => ({
      key: s.key,
      title: s.title,
      office: s.office,
      deadlineWorkingDays: s.deadlineWorkingDays,
    })),
  };
}
