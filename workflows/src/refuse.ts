import { ApplicationFailure } from "@temporalio/workflow";
import type { RefusalCode } from "./contracts/case";
import type { RefusalParamsOf } from "./contracts/refusal-params";
import { TEXT_LIMITS, TEXT_PROBLEM_MESSAGES, type TextKind, textProblem } from "./contracts/text";

/** Refuses an action (from an update's validator): nothing has changed; the caller gets the code, its values and the English sentence. */
/** A refusal's values when it names any (its code's schema in contracts/refusal-params.ts); optional when it names none. */
type ParamsArg<C extends RefusalCode> =
  Record<string, never> extends RefusalParamsOf<C> ? [params?: RefusalParamsOf<C>] : [params: RefusalParamsOf<C>];

export function refuse<C extends RefusalCode>(code: C, message: string, ...[params]: ParamsArg<C>): never {
  throw ApplicationFailure.create({ type: code, message, details: [params ?? {}], nonRetryable: true });
}

/**
 * Refuses text a case could not store or should not carry (NUL, broken characters, too long):
 * the web checks the same rule first; this keeps the workflow safe from any other caller.
 */
export function checkText(value: unknown, kind: TextKind): void {
  if (typeof value !== "string")
    refuse("text-invalid", "A text field is missing or is not text.", { problem: "not-text" });
  const max = TEXT_LIMITS[kind];
  const problem = textProblem(value, max);
  if (problem) refuse("text-invalid", `A text field ${TEXT_PROBLEM_MESSAGES[problem](max)}.`, { problem, max });
}
