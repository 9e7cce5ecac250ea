import { getTranslations } from "next-intl/server";
import { DeadlineText } from "@/components/deadline-text";
import { displayCalendar } from "@/server/calendar/display-calendar";

/** A due date in Beijing with the working days left, marked when it has passed. */
export async function DueDate({ dueAt, now, done = false }: { dueAt: Date | null; now: Date; done?: boolean }) {
  const [t, calendar] = await Promise.all([getTranslations("staff.common"), displayCalendar()]);
  if (!dueAt) return <span className="text-slate-700">{t("none")}</span>;
  const overdue = !done && dueAt < now;
  return (
    <span className="whitespace-nowrap">
      <DeadlineText dueAt={dueAt} now={now} calendar={calendar} />
      {overdue && (
        <span
          className="ml-2 rounded bg-red-100 px-1.5 py-0.5 text-xs font-semibold text-red-900"
          data-testid="overdue-badge"
        >
          {t("overdue")}
        </span>
      )}
    </span>
  );
}
