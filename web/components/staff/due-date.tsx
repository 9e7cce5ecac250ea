import { getFormatter, getTranslations } from "next-intl/server";

/** A due date, marked when it has passed. */
export async function DueDate({ dueAt, now, done = false }: { dueAt: Date | null; now: Date; done?: boolean }) {
  const [t, format] = await Promise.all([getTranslations("staff.common"), getFormatter()]);
  if (!dueAt) return <span className="text-slate-700">{t("none")}</span>;
  const overdue = !done && dueAt < now;
  return (
    <span className="whitespace-nowrap">
      <time dateTime={dueAt.toISOString()}>{format.dateTime(dueAt, { dateStyle: "medium", timeStyle: "short" })}</time>
      {overdue && (
        <span className="ml-2 rounded bg-red-100 px-1.5 py-0.5 text-xs font-semibold text-red-900" data-testid="overdue-badge">
          {t("overdue")}
        </span>
      )}
    </span>
  );
}
