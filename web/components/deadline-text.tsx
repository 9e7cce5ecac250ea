import type { WorkingCalendar } from "@visit-once/workflows/contracts";
import { useLocale, useTranslations } from "next-intl";
import { formatDay, sameBeijingYear } from "@/lib/dates";
import { deadline } from "@/lib/deadline";

/**
 * A deadline as a date in Beijing with the working days left: "12月29日前（还剩5个工作日）" /
 * "by 29 December (5 working days left)". Never a time of day. Server and client pages alike.
 */
export function DeadlineText({
  dueAt,
  now,
  calendar,
}: {
  dueAt: Date | string;
  now: Date;
  calendar?: WorkingCalendar;
}) {
  const t = useTranslations("common.deadline");
  const locale = useLocale();
  const d = deadline(dueAt, now, calendar);
  const date = formatDay(dueAt, locale, { withYear: !sameBeijingYear(new Date(dueAt), now) });
  return (
    <time dateTime={d.day} data-testid="deadline">
      {d.passed ? t("passed", { date }) : t("by", { date, left: d.left })}
    </time>
  );
}
