import type { Db, Prisma } from "@visit-once/prisma";
import { NOTIFICATION_KINDS, type NotificationKind, type NotificationParams } from "@visit-once/workflows/contracts";
import { authorise } from "../access/authorise";
import type { Actor } from "../access/policy";
import { db as defaultDb } from "../db";

// The in-app inbox: a person's own messages and, for an officer, their office's. Messages are
// kinds with references; the page words them in the reader's language.

export interface InboxMessage {
  id: string;
  kind: NotificationKind;
  params: NotificationParams;
  applicationId: string;
  serviceCode: string;
  /** Where the reader acts on it: her case, the office's task, or the caseworker's exception. */
  href: string;
  createdAt: Date;
  read: boolean;
  /** "office" when it is the office's, shared by its officers. */
  to: "me" | "office";
}

/** What a person's inbox holds: their own messages, and an officer's office's. */
function inboxScope(actor: Actor): Prisma.NotificationWhereInput {
  const own: Prisma.NotificationWhereInput[] = [{ userId: actor.id }];
  if (actor.role === "OFFICER" && actor.departmentCode) own.push({ officeCode: actor.departmentCode });
  return { channel: "IN_APP", OR: own };
}

export async function countUnread(actor: Actor, db: Db = defaultDb()): Promise<number> {
  return db.notification.count({ where: { ...inboxScope(actor), readAt: null } });
}

/** The newest messages first (at most `take`). */
export async function listInbox(actor: Actor, take = 50, db: Db = defaultDb()): Promise<InboxMessage[]> {
  const decision = await authorise(
    actor,
    "list",
    { kind: "notification", userId: actor.id, office: actor.departmentCode },
    `inbox:${actor.id}`,
    db,
  );
  if (!decision.allowed) return [];
  const rows = await db.notification.findMany({
    where: inboxScope(actor),
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take,
    include: { application: { select: { serviceCode: true } } },
  });
  // A caseworker's answer leads to the exception she asked about.
  const requestIds = rows.flatMap((r) =>
    r.kind === "information-provided" && !paramsOf(r.params).stepKey && paramsOf(r.params).requestId
      ? [paramsOf(r.params).requestId!]
      : [],
  );
  const requests = requestIds.length
    ? await db.informationRequest.findMany({
        where: { id: { in: requestIds } },
        select: { id: true, exceptionId: true },
      })
    : [];
  const exceptionOf = new Map(requests.map((r) => [r.id, r.exceptionId]));
  return rows.flatMap((r) => {
    if (!(NOTIFICATION_KINDS as readonly string[]).includes(r.kind)) return [];
    const params = paramsOf(r.params);
    const exceptionId = params.requestId ? exceptionOf.get(params.requestId) : undefined;
    const href = messageHref(actor, r.kind, r.applicationId, params.stepKey, exceptionId);
    return [
      {
        id: r.id,
        kind: r.kind as NotificationKind,
        params,
        applicationId: r.applicationId,
        serviceCode: r.application.serviceCode,
        href,
        createdAt: r.createdAt,
        read: r.readAt !== null,
        to: r.userId === actor.id ? "me" : "office",
      },
    ];
  });
}

/** Where the reader acts on a message: her case, the office's task, the caseworker's exception, or a staff overview. */
function messageHref(
  actor: Actor,
  kind: string,
  applicationId: string,
  stepKey: string | undefined,
  exceptionId: string | null | undefined,
): string {
  if (actor.role === "CITIZEN") return `/applications/${applicationId}`;
  // An escalation is for the supervising office, which does not hold the step: its board shows the backlog.
  if (kind === "step-escalated") return "/staff/board";
  if (kind === "rating-bad") return "/staff/ratings";
  if (stepKey && actor.role === "OFFICER") return `/staff/tasks/${applicationId}/${encodeURIComponent(stepKey)}`;
  return exceptionId ? `/staff/exceptions/${exceptionId}` : "/staff";
}

function paramsOf(value: Prisma.JsonValue): NotificationParams {
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter(([, v]) => typeof v === "string")) as NotificationParams;
}

export type MarkReadResult = "marked" | "not-found";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Marks one message read (`id`), or every message of the inbox ("all"). A message that is not
 * the reader's is "not-found", like one that does not exist; the refusal is audited.
 */
export async function markRead(
  actor: Actor | null,
  id: unknown,
  requestId: string,
  db: Db = defaultDb(),
): Promise<MarkReadResult> {
  if (!actor) return "not-found";
  if (id === "all") {
    const decision = await authorise(
      actor,
      "mark-read",
      { kind: "notification", userId: actor.id, office: actor.departmentCode },
      `inbox:${actor.id}/all`,
      db,
      { requestId },
    );
    if (!decision.allowed) return "not-found";
    await db.notification.updateMany({ where: { ...inboxScope(actor), readAt: null }, data: { readAt: new Date() } });
    return "marked";
  }
  if (typeof id !== "string" || !UUID.test(id)) return "not-found";
  const row = await db.notification.findUnique({
    where: { id },
    select: { userId: true, officeCode: true, channel: true },
  });
  if (!row || row.channel !== "IN_APP") return "not-found";
  const decision = await authorise(
    actor,
    "mark-read",
    { kind: "notification", userId: row.userId, office: row.officeCode },
    `notification:${id}`,
    db,
    { requestId },
  );
  if (!decision.allowed) return "not-found";
  await db.notification.updateMany({ where: { id, readAt: null }, data: { readAt: new Date() } });
  return "marked";
}
