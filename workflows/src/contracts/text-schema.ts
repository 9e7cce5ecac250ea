import { z } from "zod";
import { cleanText, TEXT_LIMITS, TEXT_PROBLEM_MESSAGES, type TextKind, textProblem } from "./text";

/**
 * The zod form of the text rule, for every schema in web and workers: refuses NUL and other
 * control characters and unpaired surrogates, caps the length for its kind, and yields the
 * cleaned (NFC, trimmed) text.
 */
export function safeText(kind: TextKind) {
  const max = TEXT_LIMITS[kind];
  return z
    .string()
    .superRefine((value, ctx) => {
      const problem = textProblem(value, max);
      if (problem)
        ctx.addIssue({ code: "custom", message: TEXT_PROBLEM_MESSAGES[problem](max), params: { problem, max } });
    })
    .transform(cleanText);
}

/** A key the system chose (a step key): lower-case words with hyphens, bounded. */
export const keySchema = z
  .string()
  .max(80, "is not a known key")
  .regex(/^[a-z][a-z0-9-]*$/, "is not a known key");
