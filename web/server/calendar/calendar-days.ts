import type { Db, Prisma } from "@visit-once/prisma";
import { authoriseMutation } from "../access/authorise";
import type { Actor } from "../access/policy";
import { db as defaultDb } from "../db";
import {
  type CalendarFieldErrors,
  calendarDayInputSchema,
  calendarDaySchema,
  calendarFieldErrors,
} from "./calendar-day-input";

export interface CalendarYear {
  year: number;
  /** Whether the package (the State Council's arrangement) covers this year: then its days are read only. */
  fromPackage: boolean;
  days: { day: string; kind: "HOLIDAY" | "WORKDAY"; nameEn: string; nameZh: string; source: "PACKAGE" | "ADMIN" }[];
}

/** The calendar's days of one year, in date order. Read by the admin page (its layout checks the queue). */
export async function listCalendarYear(year: number, db: Db = defaultDb()): Promise<CalendarYear> {
  const days = await db.workingCalendarDay.findMany({
    where: { day: { startsWith: `${year}-` } },
    orderBy: { day: "asc" },
    select: { day: true, kind: true, nameEn: true, nameZh: true, source: true },
  });
  return { year, fromPackage: days.some((d) => d.source === "PACKAGE"), days };
}

const packageCovers = async (tx: Prisma.TransactionClient, day: string) =>
  (await tx.workingCalendarDay.count({ where: { day: { startsWith: day.slice(0, 5) }, source: "PACKAGE" } })) > 0;

export type CalendarDayResult =
  { ok: true; outcome: "done" | "unchanged" } | { ok: false; errors: CalendarFieldErrors };

/**
 * An administrator adds a day, or changes one, in a year the package does not know yet (the
 * package's years are the State Council's arrangement, read only). Audited; the same again
 * changes nothing. Cases read the calendar when they set their first deadline.
 */
export async function saveCalendarDay(
  actor: Actor | null,
  raw: Record<string, unknown>,
  requestId: string,
  db: Db = defaultDb(),
): Promise<CalendarDayResult> {
  const parsed = calendarDayInputSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: calendarFieldErrors(parsed.error) };
  const input = parsed.data;
  const decision = await authoriseMutation(
    actor,
    "change",
    { kind: "calendar-day", day: input.day },
    `calendar-day:${input.day}`,
    requestId,
    async (tx) => {
      if (await packageCovers(tx, input.day)) return { outcome: "package-year" };
      const existing = await tx.workingCalendarDay.findUnique({ where: { day: input.day } });
      if (
        existing &&
        existing.kind === input.kind &&
        existing.nameEn === input.nameEn &&
        existing.nameZh === input.nameZh
      )
        return { outcome: "unchanged" };
      const data = { kind: input.kind, nameEn: input.nameEn, nameZh: input.nameZh, source: "ADMIN" as const };
      await tx.workingCalendarDay.upsert({
        where: { day: input.day },
        create: { day: input.day, ...data },
        update: data,
      });
      return { outcome: "done" };
    },
    db,
  );
  if (!decision.allowed) return { ok: false, errors: { form: "not-found" } };
  const { outcome } = decision.result;
  if (outcome === "done" || outcome === "unchanged") return { ok: true, outcome };
  return { ok: false, errors: { day: "package-year" } };
}

export type RemoveCalendarDayResult = { ok: true } | { ok: false; error: "package-year" | "not-found" };

/** Removes a day an administrator set: that date follows the weekday rule again. Audited. */
export async function removeCalendarDay(
  actor: Actor | null,
  rawDay: unknown,
  requestId: string,
  db: Db = defaultDb(),
): Promise<RemoveCalendarDayResult> {
  const parsed = calendarDaySchema.safeParse(rawDay);
  if (!parsed.success) return { ok: false, error: "not-found" };
  const day = parsed.data;
  const decision = await authoriseMutation(
    actor,
    "delete",
    { kind: "calendar-day", day },
    `calendar-day:${day}`,
    requestId,
    async (tx) => {
      if (await packageCovers(tx, day)) return { outcome: "package-year" };
      const removed = await tx.workingCalendarDay.deleteMany({ where: { day, source: "ADMIN" } });
      return { outcome: removed.count === 1 ? "done" : "not-found" };
    },
    db,
  );
  if (!decision.allowed) return { ok: false, error: "not-found" };
  const { outcome } = decision.result;
  return outcome === "done"
    ? { ok: true }
    : { ok: false, error: outcome === "package-year" ? "package-year" : "not-found" };
}
