"use server";

import { randomUUID } from "node:crypto";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { actOnCase } from "@/server/cases/act-on-case";
import { currentUser } from "@/server/session";
import { RESOLUTION_KINDS, resolutionBody } from "@/server/staff/resolutions";

export interface ActionState {
  ok: boolean;
  message: string;
  /** A fresh request id for the next action: the one just used is spent. */
  nextRequestId: string;
}

/** One resolution of an exception, sent to the case through the one case-action path. */
export async function resolveAction(_prev: ActionState | null, form: FormData): Promise<ActionState> {
  const [user, t, tc] = await Promise.all([currentUser(), getTranslations("staff.result"), getTranslations("staff.caseStatus")]);
  const field = (name: string) => String(form.get(name) ?? "");
  const exceptionId = field("exceptionId");
  const kind = RESOLUTION_KINDS.find((k) => k === field("kind"));
  const nextRequestId = randomUUID();
  if (!kind) return { ok: false, message: t("invalid"), nextRequestId };
  const outcome = await actOnCase(user, field("applicationId"), field("requestId"), resolutionBody(exceptionId, kind, { value: field("value"), text: field("text") }));
  revalidatePath("/staff/exceptions");
  revalidatePath(`/staff/exceptions/${exceptionId}`);
  if (outcome.ok) return { ok: true, message: t("done", { status: tc(outcome.status) }), nextRequestId };
  if (outcome.status === 404) return { ok: false, message: t("gone"), nextRequestId };
  return { ok: false, message: t("refused", { reason: outcome.message }), nextRequestId };
}
