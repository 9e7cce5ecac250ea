import type { ServiceDefinition } from "./services";

type Text = { en: string; zh: string };

/** What the same "one thing" took on paper, before the reform: the baseline the days saved are counted against. */
export interface PaperProcess {
  workingDays: number;
  /** Counters the citizen went to: one per certificate she fetched, one per office that decided. */
  visits: number;
  source: Text;
}

/**
 * Published figures for a service's paper process, where an office has one (its 承诺时限 before
 * the reform). None is in PRODUCT.md or the seed yet, so every service uses the derivation below;
 * a published figure added here takes its place.
 */
const PUBLISHED: Partial<Record<string, PaperProcess>> = {};

const DERIVED_SOURCE: Text = {
  en: "Derived, not published: on paper each office decides in turn and takes its full time limit (the service definition's deadlines), and the citizen spends one working day and one visit fetching each certificate herself.",
  zh: "推算值（非公布数据）：纸质办理时各部门依次办理并用满其承诺时限（见事项定义中的时限），申请人自行开具每份证明需一个工作日、跑一次。",
};

/** The paper-process baseline of a service: its published figure, else derived from its own definition. */
export function paperProcess(service: ServiceDefinition): PaperProcess {
  const published = PUBLISHED[service.code];
  if (published) return published;
  const steps = service.steps.reduce((days, s) => days + s.deadlineWorkingDays, 0);
  const offices = new Set(service.steps.map((s) => s.office)).size;
  return {
    workingDays: steps + service.evidence.length,
    visits: offices + service.evidence.length,
    source: DERIVED_SOURCE,
  };
}
