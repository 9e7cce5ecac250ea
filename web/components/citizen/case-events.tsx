"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import type { EventView } from "@/lib/steps";

/** The case's history, newest first. */
export function CaseEvents({ events }: { events: EventView[] }) {
  const t = useTranslations("citizen.case");
  const format = useFormatter();
  const locale = useLocale();
  return (
    <section aria-labelledby="events-title">
      <h2 id="events-title" className="mb-3 text-lg font-semibold">
        {t("eventsTitle")}
      </h2>
      {events.length === 0 ? (
        <p className="text-slate-700">{t("noEvents")}</p>
      ) : (
        <ol className="space-y-2" data-testid="case-events">
          {events.map((e) => (
            <li key={e.id} className="flex flex-wrap gap-x-3 border-l-4 border-slate-300 pl-3">
              <time dateTime={e.at} className="text-sm text-slate-700">
                {format.dateTime(new Date(e.at), { dateStyle: "medium", timeStyle: "short" })}
              </time>
              <span>{locale === "en" ? e.messageEn : e.messageZh}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
