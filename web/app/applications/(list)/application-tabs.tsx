import Link from "next/link";
import { APPLICATION_TABS, type ApplicationTab } from "@/server/applications/list-applications";

/** The three tabs as links (GOV.UK tabs without script): the chosen one marked as the current page. */
export function ApplicationTabs({
  tab,
  counts,
  labels,
  navLabel,
}: {
  tab: ApplicationTab;
  counts: Record<ApplicationTab, number>;
  labels: Record<ApplicationTab, string>;
  navLabel: string;
}) {
  return (
    <nav aria-label={navLabel} data-testid="application-tabs">
      <ul className="flex flex-wrap gap-1 border-b border-slate-300">
        {APPLICATION_TABS.map((t) => {
          const current = t === tab;
          return (
            <li key={t}>
              <Link
                href={`/applications?tab=${t}`}
                aria-current={current ? "page" : undefined}
                data-testid={`tab-${t}`}
                className={`-mb-px inline-block rounded-t-md border px-4 py-2 ${current ? "border-slate-300 border-b-white bg-white font-semibold text-slate-900" : "border-transparent text-blue-800 underline underline-offset-4 hover:bg-slate-100"}`}
              >
                {labels[t]} <span className="text-sm">({counts[t]})</span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
