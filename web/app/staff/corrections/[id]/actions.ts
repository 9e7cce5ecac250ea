"use server";

import { randomUUID } from "node:crypto";
import { getTranslations } from "next-intl/server";
import { currentUser } from "@/server/session";
import { sendCaseAction, type StaffActionState } from "@/server/staff/send-case-action";

export type CorrectState = StaffActionState;

/**
 * A department's answer to a correction task, through the one case-action path: the values the
 * officer changed (fields left as they were are not sent), or a refusal with its reason.
 */
export async function correctAction(_prev: CorrectState | null, form: FormData): Promise<CorrectState> {
  const [user, t] = await Promise.all([currentUser(), getTranslations("staff.correction.form")]);
  const field = (name: string) => String(form.get(name) ?? "");
  const applicationId = field("applicationId");
  const correctionId = field("correctionId");
  const nextRequestId = randomUUID();
  const revalidate = ["/staff/tasks", `/staff/corrections/${correctionId}`];
  if (field("kind") === "refuse") {
    const reason = field("reason").trim();
    if (!reason) return { ok: false, message: t("reasonRequired"), nextRequestId };
    return sendCaseAction(
      user,
      applicationId,
      field("requestId"),
      { action: "correct", correctionId, answer: { kind: "refuse", reason } },
      { revalidate, nextRequestId },
    );
  }
  const changed = form
    .getAll("field")
    .map(String)
    .map((name) => ({ field: name, value: field(`value:${name}`).trim(), was: field(`was:${name}`) }))
    .filter((f) => f.value !== "" && f.value !== f.was)
    .map(({ field: name, value }) => ({ field: name, value }));
  if (changed.length === 0) return { ok: false, message: t("nothingChanged"), nextRequestId };
  return sendCaseAction(
    user,
    applicationId,
    field("requestId"),
    { action: "correct", correctionId, answer: { kind: "correct", fields: changed, note: field("note").trim() } },
    { revalidate, nextRequestId },
  );
}
