import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import type { Actor } from "../access/policy";
import { type CaseActionRequest, caseActionSchema } from "@visit-once/workflows/contracts";
import { actOnCase, type ActOutcome } from "../cases/act-on-case";
import { log } from "../observability/log";

/** What a staff action form shows after sending: the answer, and the request id for the next try. */
export interface StaffActionState {
  ok: boolean;
  message: string;
  /** The request id for the next action: a fresh one once an answer came back. */
  nextRequestId: string;
}

/**
 * Sends a staff action (a decision, a resolution) through the one case-action path and words
 * the answer in the reader's language, for a form that stays on screen whatever happens.
 */
export async function sendCaseAction(
  actor: Actor | null,
  applicationId: string,
  requestId: string,
  body: CaseActionRequest,
  { revalidate, nextRequestId }: { revalidate: readonly string[]; nextRequestId: string },
): Promise<StaffActionState> {
  const [t, tc] = await Promise.all([getTranslations("staff.result"), getTranslations("staff.caseStatus")]);
  // Text the case cannot take is said precisely, in the reader's language, before anything is sent.
  const parsed = caseActionSchema.safeParse(body);
  const problem = parsed.error?.issues
    .map((i) => (i.code === "custom" ? (i.params as { problem?: string } | undefined)?.problem : undefined))
    .find(Boolean);
  if (problem) return { ok: false, message: t(`text.${problem}`), nextRequestId: requestId };
  let outcome: ActOutcome;
  try {
    outcome = await actOnCase(actor, applicationId, requestId, body);
  } catch (err) {
    // Temporal (or the database) did not answer. Whether the action arrived is unknown, so a
    // retry carries the same request id: it is one action at most.
    log().error({ caseId: applicationId, requestId, err }, "a staff action could not reach the case");
    return { ok: false, message: t("unavailable"), nextRequestId: requestId };
  }
  for (const path of revalidate) revalidatePath(path);
  if (outcome.ok) return { ok: true, message: t("done", { status: tc(outcome.status) }), nextRequestId };
  // Throttled: nothing was sent, so the same request id may go again once the wait is over.
  if (outcome.status === 429)
    return { ok: false, message: t("throttled", { seconds: outcome.retryAfterSeconds }), nextRequestId: requestId };
  if (outcome.status === 404) return { ok: false, message: t("gone"), nextRequestId };
  // The input's own wording (the schema's English) is for the API; the form says it plainly.
  if (outcome.status === 400) return { ok: false, message: t("invalidInput"), nextRequestId };
  return { ok: false, message: t("refused", { reason: outcome.message }), nextRequestId };
}
