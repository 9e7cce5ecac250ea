"use server";

import { randomUUID } from "node:crypto";
import { getTranslations } from "next-intl/server";
import { caseActionArgs, RECORD_TYPE_CODES, type RecordType } from "@visit-once/workflows/contracts";
import { currentUser } from "@/server/session";
import { sendCaseAction, type StaffActionState } from "@/server/staff/send-case-action";

export type DecideState = StaffActionState;

const DECISIONS = caseActionArgs.decide.shape.decision.options;

/** An office's decision on its step, through the one case-action path. */
export async function decideAction(_prev: DecideState | null, form: FormData): Promise<DecideState> {
  const [user, t] = await Promise.all([currentUser(), getTranslations("staff.result")]);
  const field = (name: string) => String(form.get(name) ?? "");
  const applicationId = field("applicationId");
  const stepKey = field("stepKey");
  const decision = DECISIONS.find((d) => d === field("decision"));
  const reason = field("reason").trim();
  const nextRequestId = randomUUID();
  if (!decision) return { ok: false, message: t("chooseDecision"), nextRequestId };
  if (decision !== "approve" && !reason) return { ok: false, message: t("reasonRequired"), nextRequestId };
  // A rejection names its rule and the records it relied on (the workflow checks they fit the step).
  const rule: "step" | number | undefined =
    field("rule") === "step" ? "step" : /^\d+$/.test(field("rule")) ? Number(field("rule")) : undefined;
  const records = form
    .getAll("records")
    .map(String)
    .filter((r): r is RecordType => (RECORD_TYPE_CODES as readonly string[]).includes(r));
  const basis = decision === "reject" && rule !== undefined ? { basis: { rule, records } } : {};
  return sendCaseAction(
    user,
    applicationId,
    field("requestId"),
    { action: "decide", stepKey, decision, reason, ...basis },
    {
      revalidate: ["/staff/tasks", `/staff/tasks/${applicationId}/${stepKey}`],
      nextRequestId,
    },
  );
}
