"use server";

import { randomUUID } from "node:crypto";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { actOnCase } from "@/server/cases/act-on-case";
import { currentUser } from "@/server/session";

export interface DecideState {
  ok: boolean;
  message: string;
  nextRequestId: string;
}

const DECISIONS = ["approve", "reject", "request-correction"] as const;

/** An office's decision on its step, through the one case-action path. */
export async function decideAction(_prev: DecideState | null, form: FormData): Promise<DecideState> {
  const [user, t, tc] = await Promise.all([currentUser(), getTranslations("staff.result"), getTranslations("staff.caseStatus")]);
  const field = (name: string) => String(form.get(name) ?? "");
  const applicationId = field("applicationId");
  const stepKey = field("stepKey");
  const decision = DECISIONS.find((d) => d === field("decision"));
  const reason = field("reason").trim();
  const nextRequestId = randomUUID();
  if (!decision) return { ok: false, message: t("chooseDecision"), nextRequestId };
  if (decision !== "approve" && !reason) return { ok: false, message: t("reasonRequired"), nextRequestId };
  const outcome = await actOnCase(user, applicationId, field("requestId"), { action: "decide", stepKey, decision, reason });
  revalidatePath("/staff/tasks");
  revalidatePath(`/staff/tasks/${applicationId}/${stepKey}`);
  if (outcome.ok) return { ok: true, message: t("done", { status: tc(outcome.status) }), nextRequestId };
  if (outcome.status === 404) return { ok: false, message: t("gone"), nextRequestId };
  return { ok: false, message: t("refused", { reason: outcome.message }), nextRequestId };
}
