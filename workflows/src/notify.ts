import { isCancellation, patched, proxyActivities, workflowInfo } from "@temporalio/workflow";
import type { OrchestratorActivities } from "./contracts/activities";
import {
  NOTIFY_MAX_ATTEMPTS,
  type NotificationKind,
  type NotificationParams,
  type NotificationRecipient,
} from "./contracts/notifications";

/**
 * Cases started before notifications told nobody; their histories replay without the
 * notify activity. Remove with the last such case.
 */
export const NOTIFY_PATCH = "notify-people";

/**
 * Reminders before a deadline (an office a working day before its step is due, the citizen two
 * days before her reply is): each is a timer more. Cases started before wait without them.
 */
export const DEADLINE_REMINDERS_PATCH = "deadline-reminders";

/**
 * A decision answers the office once its step is written, not once the citizen has been told:
 * the message is sent beside the case, which waits for it before it ends. Cases started before
 * answered after the message.
 */
export const ANSWER_BEFORE_NOTIFY_PATCH = "decision-answers-before-notify";

const DAY_MS = 86_400_000;
/** How long before its deadline an office, and a citizen, is reminded. */
export const STEP_DUE_SOON_MS = DAY_MS;
export const REPLY_DUE_SOON_MS = 2 * DAY_MS;

// Delivery retries are Temporal's: the activity marks each attempt on the message's row, and
// after the last one the message stays FAILED (shown on the row) while the case goes on.
const notifier = proxyActivities<OrchestratorActivities>({
  startToCloseTimeout: "30 seconds",
  retry: {
    initialInterval: "1 second",
    backoffCoefficient: 2,
    maximumInterval: "30 seconds",
    maximumAttempts: NOTIFY_MAX_ATTEMPTS,
  },
});

/**
 * Tells `to` about the event `e`: exactly one message per event, recipient and channel (the
 * event's id comes from the workflow's seeded randomness, so a replay keys it the same).
 */
export async function notify(
  applicationId: string,
  e: { id: string },
  kind: NotificationKind,
  params: NotificationParams,
  to: NotificationRecipient[],
): Promise<void> {
  if (!patched(NOTIFY_PATCH)) return;
  try {
    await notifier.notify({ applicationId, eventKey: `${workflowInfo().workflowId}/${e.id}`, kind, params, to });
  } catch (err) {
    // A message that could not be delivered never holds the case up; its row says FAILED.
    if (isCancellation(err)) throw err;
  }
}
