import type { SessionStage } from "@visit-once/prisma";

/** Where a session in `stage` goes next: the second-factor step it still owes, or its destination. */
export function nextStepPath(stage: SessionStage, callbackUrl: string): string {
  const back = `callbackUrl=${encodeURIComponent(callbackUrl)}`;
  if (stage === "SECOND_FACTOR") return `/signin/code?${back}`;
  if (stage === "ENROLMENT") return `/signin/enrol?${back}`;
  return callbackUrl;
}
