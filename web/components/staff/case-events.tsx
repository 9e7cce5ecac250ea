import { getFormatter, getLocale } from "next-intl/server";
import { pick } from "@/server/localised";

export interface CaseEventItem {
  id: string;
  at: Date;
  messageEn: string;
  messageZh: string;
}

/** The case's history, in the page's language. */
export async function CaseEvents({ events, emptyText }: { events: readonly CaseEventItem[]; emptyText: string }) {
  const [locale, format] = await Promise.all([getLocale(), getFormatter()]);
  if (events.length === 0) return <p className="text-slate-700">{emptyText}</p>;
  return (
    <ol className="space-y-2 border-l-2 border-slate-300 pl-4">
      {events.map((e) => (
        <li key={e.id} className="text-sm">
          <time dateTime={e.at.toISOString()} className="block text-slate-700">
            {format.dateTime(e.at, { dateStyle: "medium", timeStyle: "medium" })}
          </time>
          <span>{pick(locale, { en: e.messageEn, zh: e.messageZh })}</span>
        </li>
      ))}
    </ol>
  );
}
