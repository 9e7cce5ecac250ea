import { type Resolution, RESOLUTIONS_BY_KIND } from "@visit-once/workflows/contracts";
import type { ExceptionKindCode } from "./exception-filters";

export type ResolutionKind = Resolution["kind"];
export const RESOLUTION_KINDS = [
  "choose-value",
  "accept",
  "refetch",
  "ask-department",
  "ask-citizen",
  "escalate",
  "reject",
] as const satisfies readonly ResolutionKind[];

/** Which resolutions fit which kind of exception: the workflow's own table, which refuses anything else. */
export const FITTING_RESOLUTIONS: Readonly<Record<ExceptionKindCode, readonly ResolutionKind[]>> = RESOLUTIONS_BY_KIND;

/** The case action body for a resolution form's fields. */
export function resolutionBody(exceptionId: string, kind: ResolutionKind, fields: { value?: string; text?: string }) {
  const text = fields.text ?? "";
  const resolution = (() => {
    switch (kind) {
      case "choose-value":
        return { kind, value: fields.value ?? "", justification: text };
      case "accept":
        return { kind, justification: text };
      case "refetch":
        return { kind };
      case "ask-citizen":
        return { kind, question: text };
      case "escalate":
        return { kind, note: text };
      case "ask-department":
        // For a conflict, the value ruled wrong names the department's record to correct.
        return fields.value ? { kind, note: text, value: fields.value } : { kind, note: text };
      case "reject":
        return { kind, reason: text };
    }
  })();
  return { action: "resolve" as const, exceptionId, resolution };
}
