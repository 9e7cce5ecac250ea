import { z } from "zod";
import type { RefusalCode } from "./case";
import { CASE_ACTION_NAMES } from "./case-actions";
import { CASE_STATUSES } from "./case-status";

// What each refusal names, as a zod schema per code: the workflow's `refuse()` is typed by it,
// and the web reads a refusal's details through it before saying it in the reader's language
// (a refusal whose details do not fit is said without them).

const none = z.object({});
const caseStatus = z.enum(CASE_STATUSES);
const code = z.string().min(1);
const count = z.number().int().nonnegative();

export const REFUSAL_PARAMS = {
  "case-not-taking": z.object({ status: caseStatus, action: z.enum(CASE_ACTION_NAMES) }),
  "no-such-exception": none,
  "exception-not-open": z.object({
    status: z.enum(["OPEN", "WAITING_CITIZEN", "REFETCHING", "AT_DEPARTMENT", "RESOLVED"]),
  }),
  "resolution-does-not-fit": z.object({ kind: code, resolution: code }),
  "value-not-held": none,
  "nothing-to-refetch": none,
  "refetches-used-up": z.object({ max: count }),
  "justification-required": none,
  "no-such-step": z.object({ stepKey: code }),
  "wrong-office": z.object({ stepKey: code, office: code }),
  "step-not-awaiting": z.object({ stepKey: code, taskStatus: code }),
  "reason-required": none,
  "corrections-used-up": z.object({ stepKey: code, max: count }),
  "no-such-request": none,
  "request-not-open": z.object({ requestStatus: z.enum(["OPEN", "ANSWERED", "EXPIRED"]) }),
  "reply-empty": none,
  "no-record-to-dispute": z.object({ recordType: code }),
  "explanation-required": none,
  "basis-does-not-fit": none,
  "no-such-review": none,
  "review-not-offered": z.object({ reviewStatus: z.enum(["OFFERED", "REQUESTED", "OVERTURNED", "UPHELD", "LAPSED"]) }),
  "review-not-requested": z.object({
    reviewStatus: z.enum(["OFFERED", "REQUESTED", "OVERTURNED", "UPHELD", "LAPSED"]),
  }),
  "grounds-required": none,
  "review-reasons-required": none,
  "same-reviewer": none,
  "wrong-reviewer": none,
  "record-required": z.object({ recordType: code }),
  "no-record-to-withdraw": z.object({ recordType: code }),
  "text-invalid": z.object({
    problem: z.enum(["not-text", "control-character", "unpaired-surrogate", "too-long"]),
    max: count.optional(),
  }),
  "no-such-correction": none,
  "correction-not-open": z.object({ status: z.enum(["OPEN", "CORRECTED", "REFUSED", "OVERDUE", "ANSWERING"]) }),
  "correction-invalid": z.object({
    problem: z.enum(["no-fields", "unknown-field", "bad-value", "repeated-field"]),
    field: code.optional(),
  }),
  "not-correctable": z.object({ recordType: code }),
} as const satisfies Record<RefusalCode, z.ZodType>;

export type RefusalParamsOf<C extends RefusalCode> = z.infer<(typeof REFUSAL_PARAMS)[C]>;

/** A refusal's details read through its code's schema; null when they do not fit. */
export function readRefusalParams<C extends RefusalCode>(code: C, details: unknown): RefusalParamsOf<C> | null {
  const parsed = REFUSAL_PARAMS[code].safeParse(details ?? {});
  return parsed.success ? (parsed.data as RefusalParamsOf<C>) : null;
}
