"use server";

import { randomUUID } from "node:crypto";
import { getTranslations } from "next-intl/server";
import { chosenValue } from "@/server/at-rest/chosen-value";
import { currentUser } from "@/server/session";
import { RESOLUTION_KINDS, resolutionBody } from "@/server/staff/resolutions";
import { sendCaseAction, type StaffActionState } from "@/server/staff/send-case-action";

export type ActionState = StaffActionState;

/** One resolution of an exception, sent to the case through the one case-action path. */
export async function resolveAction(_prev: ActionState | null, form: FormData): Promise<ActionState> {
  const [user, t] = await Promise.all([currentUser(), getTranslations("staff.result")]);
  const field = (name: string) => String(form.get(name) ?? "");
  const exceptionId = field("exceptionId");
  const kind = RESOLUTION_KINDS.find((k) => k === field("kind"));
  const nextRequestId = randomUUID();
  if (!kind) return { ok: false, message: t("invalid"), nextRequestId };
  return sendCaseAction(
    user,
    field("applicationId"),
    field("requestId"),
    resolutionBody(exceptionId, kind, { value: await chosenValue(exceptionId, field("value")), text: field("text") }),
    {
      revalidate: ["/staff/exceptions", `/staff/exceptions/${exceptionId}`],
      nextRequestId,
    },
  );
}
