import { fetchStepKey, findService, RECORD_TYPE_CODES, REVIEW_STEP_KEY } from "@visit-once/workflows/contracts";
import { type CitizenWords, recordName } from "@/lib/record-entries";
import { pick } from "../localised";

/** Every step a case of `serviceCode` writes, titled in the page's language: record fetches, the checks, the service's own steps. */
export function stepTitlesFor(
  serviceCode: string,
  locale: string,
  caseWords: (key: string, values?: Record<string, string>) => string,
  words: CitizenWords,
): Record<string, string> {
  const service = findService(serviceCode);
  return {
    ...Object.fromEntries(
      RECORD_TYPE_CODES.map((r) => [fetchStepKey(r), caseWords("steps.fetch", { record: recordName(words, r) })]),
    ),
    [REVIEW_STEP_KEY]: caseWords("steps.review"),
    ...Object.fromEntries(service?.steps.map((s) => [s.key, pick(locale, s.title)]) ?? []),
  };
}
