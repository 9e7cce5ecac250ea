import { REFUSAL_CODES, type RefusalCode, type RefusalParams } from "@visit-once/workflows/contracts";
import { officeLabel, recordLabel, stepLabel } from "../localised";

/** A translator over the `common.case` messages (next-intl's, or `createTranslator` in tests). */
export type CaseTranslator = (key: string, values?: Record<string, string | number>) => string;

export function isRefusalCode(value: unknown): value is RefusalCode {
  return typeof value === "string" && (REFUSAL_CODES as readonly string[]).includes(value);
}

/** A workflow's refusal in the reader's language, its values named as the pages name them. */
export function describeRefusal(
  t: CaseTranslator,
  locale: string,
  code: RefusalCode,
  params: RefusalParams,
  serviceCode: string,
): string {
  const word = (group: string, value: unknown) => (typeof value === "string" ? t(`${group}.${value}`) : "");
  const values: Record<string, string | number> = { ...params };
  if ("status" in params)
    values.status = word(
      code === "exception-not-open"
        ? "exceptionStatus"
        : code === "correction-not-open"
          ? "correctionStatus"
          : "caseStatus",
      params.status,
    );
  if ("action" in params) values.action = word("caseAction", params.action);
  if ("taskStatus" in params) values.taskStatus = word("taskStatus", params.taskStatus);
  if ("requestStatus" in params) values.requestStatus = word("requestStatus", params.requestStatus);
  if ("kind" in params) values.kind = word("exceptionKind", params.kind);
  if ("problem" in params)
    values.problem = word(code === "correction-invalid" ? "correctionProblem" : "textProblem", params.problem);
  if ("resolution" in params) values.resolution = word("resolution", params.resolution);
  if ("office" in params) values.office = officeLabel(locale, String(params.office));
  if ("recordType" in params) values.record = recordLabel(locale, String(params.recordType));
  if ("stepKey" in params) values.step = stepLabel(locale, serviceCode, String(params.stepKey));
  return t(`refusals.${code}`, values);
}
