import { randomUUID } from "node:crypto";
import type { CaseEventWords } from "@visit-once/workflows/contracts";
import type { ActingSubject } from "./acting-for";

/** The case's first history line when someone applies for someone else: "X for Y", and why she may. */
export function appliedForEvent(
  applicationId: string,
  actorId: string,
  representative: string,
  acting: Pick<ActingSubject, "basis" | "subjectName">,
) {
  const words: CaseEventWords = {
    kind: "applied-for",
    basis: acting.basis,
    representative,
    subject: acting.subjectName,
  };
  const minor = acting.basis === "minor-child";
  return {
    id: randomUUID(),
    applicationId,
    kind: "applied-for",
    actorId,
    messageEn: minor
      ? `${representative} applied for ${acting.subjectName}, as the parent of a child under 18.`
      : `${representative} applied for ${acting.subjectName}, under the mandate ${acting.subjectName} granted.`,
    messageZh: minor
      ? `${representative}为${acting.subjectName}代办申请（未成年子女）。`
      : `${representative}受${acting.subjectName}委托代办申请。`,
    words,
  };
}
