"use server";

import { randomUUID } from "node:crypto";
import { getTranslations } from "next-intl/server";
import { currentUser } from "@/server/session";
import { sendCaseAction, type StaffActionState } from "@/server/staff/send-case-action";

/** A reviewer overturns or upholds a refusal, through the one case-action path (the policy and the workflow refuse the one who refused). */
export async function reviewAction(_prev: StaffActionState | null, form: FormData): Promise<StaffActionState> {
  const [user, t] = await Promise.all([currentUser(), getTranslations("staff.review")]);
  const field = (name: string) => String(form.get(name) ?? "");
  const applicationId = field("applicationId");
  const reviewId = field("reviewId");
  const outcome = field("outcome") === "overturn" ? "overturn" : field("outcome") === "uphold" ? "uphold" : null;
  const reasons = field("reasons").trim();
  const nextRequestId = randomUUID();
  if (!outcome) return { ok: false, message: t("chooseOutcome"), nextRequestId };
  if (!reasons) return { ok: false, message: t("reasonsRequired"), nextRequestId };
  return sendCaseAction(
    user,
    applicationId,
    field("requestId"),
    { action: "review", reviewId, outcome, reasons },
    { revalidate: ["/staff/reviews", `/staff/reviews/${reviewId}`], nextRequestId },
  );
}
