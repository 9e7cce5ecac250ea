import pg from "pg";
import { poolConfig } from "../database-url";
import { packageCalendarDays } from "./package-days";

/**
 * Writes the package's holidays and working weekends into "WorkingCalendarDay". Idempotent,
 * run after every `migrate deploy`, so a newer package brings its new years in; a day an
 * admin set (source ADMIN) is left as the admin set it.
 */
export async function seedWorkingCalendar(databaseUrl: string): Promise<number> {
  const days = packageCalendarDays();
  const client = new pg.Client(poolConfig(databaseUrl));
  await client.connect();
  try {
    const result = await client.query(
      `INSERT INTO "WorkingCalendarDay" ("day", "kind", "nameEn", "nameZh", "source", "updatedAt")
       SELECT d.day, d.kind::"CalendarDayKind", d.en, d.zh, 'PACKAGE', now()
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS d(day, kind, en, zh)
       ON CONFLICT ("day") DO UPDATE SET "kind" = EXCLUDED."kind", "nameEn" = EXCLUDED."nameEn", "nameZh" = EXCLUDED."nameZh", "updatedAt" = now()
       WHERE "WorkingCalendarDay"."source" = 'PACKAGE'
         AND ("WorkingCalendarDay"."kind", "WorkingCalendarDay"."nameEn", "WorkingCalendarDay"."nameZh") IS DISTINCT FROM (EXCLUDED."kind", EXCLUDED."nameEn", EXCLUDED."nameZh")`,
      [days.map((d) => d.day), days.map((d) => d.kind), days.map((d) => d.nameEn), days.map((d) => d.nameZh)],
    );
    return result.rowCount ?? 0;
  } finally {
    await client.end();
  }
}
