// Every date a person reads is a day in Beijing (Asia/Shanghai), whatever the server's or the
// browser's zone: one place that says so, for the pages and for documents (the certificate).
import { cstDay } from "@visit-once/workflows/working-days";

export const DISPLAY_TIME_ZONE = "Asia/Shanghai";

const intlLocale = (locale: string) => (locale.startsWith("zh") ? "zh-CN" : "en-GB");

/** A point in time as its day in Beijing: "2026年12月29日" / "29 December 2026" (without the year when `withYear` is false). */
export function formatDay(
  at: Date | string | number,
  locale: string,
  { withYear = true }: { withYear?: boolean } = {},
): string {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    timeZone: DISPLAY_TIME_ZONE,
    day: "numeric",
    month: "long",
    ...(withYear ? { year: "numeric" } : {}),
  }).format(new Date(at));
}

/** A civil date (YYYY-MM-DD, already a Beijing day) as a point in time: noon in Beijing, the same date in every zone a formatter could think in. */
export function civilNoon(day: string): Date {
  return new Date(`${day}T12:00:00+08:00`);
}

/** A civil date (YYYY-MM-DD, already a Beijing day) with its weekday: "10月1日 星期四" / "Thursday 1 October". */
export function formatCivilDay(day: string, locale: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    timeZone: DISPLAY_TIME_ZONE,
    weekday: "long",
    day: "numeric",
    month: "long",
  }).format(civilNoon(day));
}

/** A civil date's weekday: "星期六" / "Saturday". */
export function formatWeekday(day: string, locale: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { timeZone: DISPLAY_TIME_ZONE, weekday: "long" }).format(
    civilNoon(day),
  );
}

/** A point in time with its Beijing time of day, for what happened (a history line), never for a deadline. */
export function formatDayTime(at: Date | string | number, locale: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    timeZone: DISPLAY_TIME_ZONE,
    dateStyle: "medium",
    timeStyle: "short",
  }).format(new Date(at));
}

/** The Beijing day of a point in time, YYYY-MM-DD (what a deadline is due on). */
export const beijingDay = (at: Date | string | number): string => cstDay(new Date(at).getTime());

/** Whether two points in time fall in the same Beijing year (then a deadline's year goes unsaid). */
export const sameBeijingYear = (a: Date | number, b: Date | number): boolean =>
  beijingDay(a).slice(0, 4) === beijingDay(b).slice(0, 4);
