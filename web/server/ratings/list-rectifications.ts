import type { Db } from "@visit-once/prisma";
import { db as defaultDb } from "../db";
import { isRectificationOverdue } from "./rectification-deadline";

export interface RectificationRow {
  id: string;
  applicationId: string;
  serviceCode: string;
  office: string;
  round: number;
  comment: string | null;
  ratedAt: string;
  dueAt: string;
  repliedAt: string | null;
  overdue: boolean;
}

/**
 * The rectification tasks of one office (its officers' queue), or of every office (`null`, for
 * administrators): unanswered first, soonest due first, then the answered ones, newest first.
 * The caller has authorised the list. No personal data: the case's reference and the rating's words.
 */
export async function listRectifications(
  office: string | null,
  db: Db = defaultDb(),
  nowMs: number = Date.now(),
  take = 100,
): Promise<RectificationRow[]> {
  const rows = await db.ratingRectification.findMany({
    where: office === null ? {} : { office },
    orderBy: [{ repliedAt: { sort: "desc", nulls: "first" } }, { dueAt: "asc" }],
    take,
    select: {
      id: true,
      applicationId: true,
      office: true,
      dueAt: true,
      repliedAt: true,
      application: { select: { serviceCode: true } },
      rating: { select: { round: true, comment: true, createdAt: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    applicationId: r.applicationId,
    serviceCode: r.application.serviceCode,
    office: r.office,
    round: r.rating.round,
    comment: r.rating.comment,
    ratedAt: r.rating.createdAt.toISOString(),
    dueAt: r.dueAt.toISOString(),
    repliedAt: r.repliedAt?.toISOString() ?? null,
    overdue: isRectificationOverdue(r, nowMs),
  }));
}

export interface RectificationDetail extends RectificationRow {
  reply: string | null;
  fixed: string | null;
  /** The case's earlier rounds, oldest first: what the citizen said before and what was answered. */
  history: {
    round: number;
    rating: "GOOD" | "BAD";
    comment: string | null;
    reply: string | null;
    fixed: string | null;
  }[];
}

/** One rectification with the case's rating history; null if there is none by that id. The caller authorises by its office. */
export async function findRectification(
  id: string,
  db: Db = defaultDb(),
  nowMs: number = Date.now(),
): Promise<RectificationDetail | null> {
  const r = await db.ratingRectification.findUnique({
    where: { id },
    select: {
      id: true,
      applicationId: true,
      office: true,
      dueAt: true,
      repliedAt: true,
      reply: true,
      fixed: true,
      application: {
        select: {
          serviceCode: true,
          ratings: {
            orderBy: { round: "asc" },
            select: {
              round: true,
              rating: true,
              comment: true,
              rectification: { select: { reply: true, fixed: true } },
            },
          },
        },
      },
      rating: { select: { round: true, comment: true, createdAt: true } },
    },
  });
  if (!r) return null;
  return {
    id: r.id,
    applicationId: r.applicationId,
    serviceCode: r.application.serviceCode,
    office: r.office,
    round: r.rating.round,
    comment: r.rating.comment,
    ratedAt: r.rating.createdAt.toISOString(),
    dueAt: r.dueAt.toISOString(),
    repliedAt: r.repliedAt?.toISOString() ?? null,
    overdue: isRectificationOverdue(r, nowMs),
    reply: r.reply,
    fixed: r.fixed,
    history: r.application.ratings
      .filter((h) => h.round < r.rating.round)
      .map((h) => ({
        round: h.round,
        rating: h.rating,
        comment: h.comment,
        reply: h.rectification?.reply ?? null,
        fixed: h.rectification?.fixed ?? null,
      })),
  };
}
