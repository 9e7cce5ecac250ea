import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { DueDate } from "@/components/staff/due-date";
import { LiveRefresh } from "@/components/staff/live-refresh";
import { StaffPager } from "@/components/staff/pager";
import { TableRegion, td, th } from "@/components/staff/table-region";
import { listTasks } from "@/server/staff/list-tasks";
import { officeLabel, serviceLabel, stepLabel } from "@/server/localised";
import { pageHref, parsePage, pastTheEnd } from "@/server/staff/pagination";
import { requireQueue } from "@/server/staff/staff-access";
import { parseTaskTab, TASK_TABS } from "@/server/staff/task-tabs";
import { CorrectionsQueue } from "./corrections-queue";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("staff.tasks"))("title") };
}

type Params = Record<string, string | string[] | undefined>;

export default async function TasksPage({ searchParams }: { searchParams: Promise<Params> }) {
  const user = await requireQueue("tasks");
  const office = user.departmentCode;
  // The policy grants the task queue only to officers with an office; a step is always someone's.
  if (!office) notFound();
  const params = await searchParams;
  const tab = parseTaskTab(params.tab);
  const page = parsePage(params.page);
  const now = new Date();
  const [t, tst, locale, format, { items, counts, total }] = await Promise.all([
    getTranslations("staff.tasks"),
    getTranslations("staff.stepStatus"),
    getLocale(),
    getFormatter(),
    listTasks(office, tab, page, now),
  ]);
  const tabParams = { tab: tab === "awaiting" ? undefined : tab };
  // A page past the end of a tab that has items (an old link, a hand-typed URL) goes to the last one.
  const last = pastTheEnd(page, total);
  if (last !== null) redirect(pageHref("/staff/tasks", tabParams, last));

  return (
    <section aria-labelledby="tasks-title" className="space-y-6">
      <LiveRefresh />
      <div>
        <h1 id="tasks-title" className="text-2xl font-semibold">
          {t("title")}
        </h1>
        <p className="text-slate-700" data-testid="office-name">
          {t("intro", { office: officeLabel(locale, office) })}
        </p>
      </div>

      <CorrectionsQueue office={office} />

      <nav aria-label={t("tabsLabel")}>
        <ul className="flex flex-wrap gap-2">
          {TASK_TABS.map((name) => (
            <li key={name}>
              <Link
                href={name === "awaiting" ? "/staff/tasks" : `/staff/tasks?tab=${name}`}
                aria-current={name === tab ? "page" : undefined}
                className={`inline-block rounded-full border px-4 py-1.5 text-sm font-medium ${
                  name === tab
                    ? "border-blue-800 bg-blue-800 text-white"
                    : "border-slate-300 bg-white text-blue-800 hover:bg-slate-100"
                }`}
                data-testid={`tab-${name}`}
              >
                {t(`tabs.${name}`)} <span data-testid={`tab-count-${name}`}>({counts[name]})</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      {items.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-4 text-slate-800" data-testid="tasks-empty">
          {t(`empty.${tab}`)}
        </p>
      ) : (
        <TableRegion captionId="tasks-caption">
          <table className="w-full min-w-[40rem] text-sm">
            <caption id="tasks-caption" className="px-3 py-2 text-left text-slate-700">
              {t("table.caption", { tab: t(`tabs.${tab}`), total })}
            </caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className={th}>
                  {t("table.step")}
                </th>
                <th scope="col" className={th}>
                  {t("table.service")}
                </th>
                <th scope="col" className={th}>
                  {t("table.submitted")}
                </th>
                <th scope="col" className={th}>
                  {t("table.due")}
                </th>
                <th scope="col" className={th}>
                  {t("table.status")}
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((s) => (
                <tr
                  key={`${s.applicationId}/${s.key}`}
                  className="border-t border-slate-200"
                  data-testid="task-row"
                  data-application-id={s.applicationId}
                  data-step={s.key}
                >
                  <td className={td}>
                    <Link
                      href={`/staff/tasks/${s.applicationId}/${encodeURIComponent(s.key)}`}
                      className="font-medium text-blue-800 underline"
                    >
                      {stepLabel(locale, s.application.serviceCode, s.key)}
                    </Link>
                    <span className="block break-all text-xs text-slate-700">{s.applicationId}</span>
                  </td>
                  <td className={td}>{serviceLabel(locale, s.application.serviceCode)}</td>
                  <td className={td}>
                    <time dateTime={s.application.submittedAt.toISOString()}>
                      {format.dateTime(s.application.submittedAt, { dateStyle: "medium", timeStyle: "short" })}
                    </time>
                  </td>
                  <td className={td}>
                    <DueDate dueAt={s.dueAt} now={now} done={s.status !== "AWAITING_DECISION"} />
                  </td>
                  <td className={td}>{tst(s.status)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      <StaffPager path="/staff/tasks" params={tabParams} page={page} total={total} />
    </section>
  );
}
