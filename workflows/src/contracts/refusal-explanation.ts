import { DEPARTMENTS, type DepartmentCode } from "./departments";
import type { EvidenceRecord, RecordType } from "./records";
import { RECORD_TITLES } from "./record-titles";
import type { DepartmentStep, EligibilityRule, ServiceDefinition } from "./services";
import type { RefusalExplanation, RefusalFact, RefusalRecord, RefusalRule } from "./refusal-explanation-schema";

// A case's refusal explained: built from the rule, the facts and the records, and said in both
// languages. Its shape, as zod schemas, is in refusal-explanation-schema.ts.

export type { RefusalExplanation, RefusalFact, RefusalRecord, RefusalRule };

/** The records a rule reads, with the department the service fetches each from. */
function recordsOf(service: ServiceDefinition, types: readonly string[]): RefusalRecord[] {
  return service.evidence
    .filter((e) => types.includes(e.recordType))
    .map((e) => ({ recordType: e.recordType, department: e.department }));
}

/** The fields an eligibility rule reads. */
export function ruleFields(rule: EligibilityRule): { recordType: RecordType; field: string }[] {
  if (rule.kind === "min-age")
    return [
      { recordType: "identity", field: "birthDate" },
      { recordType: "identity", field: "sex" },
    ];
  return [{ recordType: rule.recordType, field: rule.field }];
}

/** An unmet eligibility rule of the service, with the values it read (null: the record or field was not there). */
export function explainEligibility(
  service: ServiceDefinition,
  rule: EligibilityRule,
  records: readonly EvidenceRecord[],
): RefusalExplanation {
  const fields = ruleFields(rule);
  const facts = fields.map(({ recordType, field }) => {
    const value = records.find((r) => r.recordType === recordType)?.data[field];
    return {
      recordType,
      field,
      value: typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? value : null,
    };
  });
  return {
    by: "rule",
    rule: { kind: "eligibility", index: service.eligibility.indexOf(rule), message: rule.message },
    facts,
    statement: "",
    records: recordsOf(
      service,
      fields.map((f) => f.recordType),
    ),
  };
}

/** What an officer chose when refusing a step: the rule ("step", or an eligibility rule's index) and the records relied on. */
export interface RefusalBasis {
  rule: "step" | number;
  records: RecordType[];
}

/** An officer's refusal of a step: the rule chosen, the facts the officer wrote, the records ticked (those the step sees by default). */
export function explainStepRefusal(
  service: ServiceDefinition,
  step: DepartmentStep,
  statement: string,
  basis?: RefusalBasis,
): RefusalExplanation {
  const rule = basis && typeof basis.rule === "number" ? service.eligibility[basis.rule] : undefined;
  const seen = Object.keys(step.sees.records) as RecordType[];
  return {
    by: "officer",
    office: step.office,
    rule: rule
      ? { kind: "eligibility", index: basis!.rule as number, message: rule.message }
      : { kind: "step-condition", stepKey: step.key, title: step.title },
    facts: [],
    statement,
    records: recordsOf(service, basis?.records.length ? basis.records : seen),
  };
}

/** A caseworker's rejection of an exception: what it was about, and the records it concerned. */
export function explainCaseworkRefusal(
  service: ServiceDefinition,
  exception: { kind: string; recordType?: RecordType; conflict?: { values: readonly { recordType: string }[] } },
  statement: string,
): RefusalExplanation {
  const types = exception.recordType
    ? [exception.recordType]
    : (exception.conflict?.values.map((v) => v.recordType) ?? []);
  return {
    by: "caseworker",
    rule: { kind: "casework", exception: exception.kind },
    facts: [],
    statement,
    records: recordsOf(service, types),
  };
}

/** Whether a basis an officer chose fits the service and the step (the rule exists; the records are the step's). */
export function basisProblem(service: ServiceDefinition, step: DepartmentStep, basis: RefusalBasis): string | null {
  if (typeof basis.rule === "number" && !service.eligibility[basis.rule]) return "The service has no such rule.";
  const seen = Object.keys(step.sees.records);
  const other = basis.records.find((r) => !seen.includes(r));
  return other ? `This step does not rely on the ${other} record.` : null;
}

const CASEWORK_WORDS: Record<string, { en: string; zh: string }> = {
  CONFLICT: { en: "the departments' records disagree", zh: "各部门记录不一致" },
  MISSING_RECORD: { en: "a record the service needs is missing", zh: "缺少办理所需的记录" },
  UNUSABLE_RECORD: { en: "a record cannot be used", zh: "记录无法使用" },
  DEPARTMENT_UNAVAILABLE: { en: "a department could not provide its record", zh: "部门未能提供记录" },
  CITIZEN_DISPUTE: { en: "a record the applicant disputed", zh: "申请人提出异议的记录" },
  NO_CONSENT: { en: "a record the applicant did not agree to share", zh: "申请人未授权共享的记录" },
  OVERDUE_STEP: { en: "a department step left undecided", zh: "部门逾期未办理" },
  UNSTORABLE_DATA: { en: "data that could not be stored", zh: "无法保存的数据" },
};

const show = (v: RefusalFact["value"]) => (v === null ? "—" : String(v));

/** The explanation in plain words, in both languages: the rule, the facts, the records and their sources. */
export function refusalText(x: RefusalExplanation): { en: string; zh: string } {
  const rule =
    x.rule.kind === "eligibility"
      ? { en: `the rule "${x.rule.message.en}"`, zh: `“${x.rule.message.zh}”的规定` }
      : x.rule.kind === "step-condition"
        ? { en: `the conditions of ${x.rule.title.en}`, zh: `${x.rule.title.zh}的办理条件` }
        : {
            en: `the caseworkers' check (${(CASEWORK_WORDS[x.rule.exception] ?? { en: x.rule.exception }).en})`,
            zh: `人工核查（${(CASEWORK_WORDS[x.rule.exception] ?? { zh: x.rule.exception }).zh}）`,
          };
  const title = (t: string) => RECORD_TITLES[t as RecordType] ?? { en: t, zh: t };
  const source = (d: string) => DEPARTMENTS[d as DepartmentCode]?.name ?? { en: d, zh: d };
  const facts = x.facts.map((f) => ({
    en: `${title(f.recordType).en} ${f.field}: ${show(f.value)}`,
    zh: `${title(f.recordType).zh}${f.field}：${show(f.value)}`,
  }));
  const records = x.records.map((r) => ({
    en: `${title(r.recordType).en} (${source(r.department).en})`,
    zh: `${title(r.recordType).zh}（${source(r.department).zh}）`,
  }));
  const en = [
    `Refused under ${rule.en}.`,
    facts.length ? `Facts: ${facts.map((f) => f.en).join("; ")}.` : "",
    x.statement ? `Finding: ${x.statement}` : "",
    records.length ? `Records relied on: ${records.map((r) => r.en).join(", ")}.` : "No record was relied on.",
  ];
  const zh = [
    `依据${rule.zh}不予办理。`,
    facts.length ? `事实：${facts.map((f) => f.zh).join("；")}。` : "",
    x.statement ? `认定：${x.statement}` : "",
    records.length ? `所依据的记录：${records.map((r) => r.zh).join("、")}。` : "未依据任何记录。",
  ];
  return { en: en.filter(Boolean).join(" "), zh: zh.filter(Boolean).join("") };
}
