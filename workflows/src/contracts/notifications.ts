// Notifications: what the case workflow tells people, as a kind with parameters. The words
// are chosen where the message is read or sent, in the reader's language.

export const NOTIFICATION_KINDS = [
  "information-requested",
  "information-provided",
  "step-approved",
  "step-rejected",
  "case-completed",
  "case-rejected",
  "step-reminder",
  "step-escalated",
  "step-due-soon",
  "reply-due-soon",
  "case-refused",
  "review-requested",
  "review-overturned",
  "review-upheld",
  "preview-ready",
  // Written by the web, not the workflow: a citizen's bad rating, to the office it is about (差评整改).
  "rating-bad",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** References only (step key, office code, request id, due day): never personal data, never sentences. */
export type NotificationParams = Partial<Record<"stepKey" | "office" | "requestId" | "dueDay", string>>;

/** Whom a notification is for: the case's citizen, a member of staff, an office, or the office that supervises one. */
export type NotificationRecipient =
  { citizen: true } | { userId: string } | { office: string } | { supervisorOf: string };

export interface NotifyInput {
  applicationId: string;
  /** The workflow id and the event's id: one message per event, recipient and channel, however often this runs. */
  eventKey: string;
  kind: NotificationKind;
  params: NotificationParams;
  to: NotificationRecipient[];
}

/** Delivery attempts per message (Temporal's retry policy for the notify activity; the activity marks the last one FAILED). */
export const NOTIFY_MAX_ATTEMPTS = 5;
