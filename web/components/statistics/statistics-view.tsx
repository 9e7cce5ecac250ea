import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { findService, paperProcess } from "@visit-once/workflows/contracts";
import { td } from "@/components/staff/table-region";
import { durationParts, officeLabel, pick, serviceLabel, stepLabel } from "@/server/localised";
import type { Statistics } from "@/server/statistics/get-statistics";
import type { BarDatum } from "./bar-chart";
import { StatisticsSection } from "./statistics-section";

/** Sums of the shown rows by a key, in first-seen order (suppressed rows add nothing). */
function totals<T extends { suppressed: boolean }>(
  rows: T[],
  key: (r: T) => string,
  value: (r: T) => number,
): [string, number][] {
  const sums = new Map<string, number>();
  for (const r of rows) if (!r.suppressed) sums.set(key(r), (sums.get(key(r)) ?? 0) + value(r));
  return [...sums.entries()];
}

/** The reform's five figures, each a chart with its table. `suppressed` cells say "fewer than 5". */
export async function StatisticsView({ stats }: { stats: Statistics }) {
  const [t, locale, format] = await Promise.all([getTranslations("statistics"), getLocale(), getFormatter()]);
  const n = (v: number) => format.number(v);
  const few = t("fewerThan", { n: 5 });
  const cell = (suppressed: boolean, v: string) => (suppressed ? <span className="text-slate-700">{few}</span> : v);
  const days = (seconds: number) => {
    const p = durationParts(seconds);
    return t(`duration.${p.unit}`, p);
  };
  const percent = (v: number) => format.number(v, { style: "percent", maximumFractionDigits: 0 });
  const bar = (label: string, value: number, shown: string): BarDatum => ({ label, value, shown });

  const ends = stats.cycleTimes.filter((c) => c.stepKey === null);
  const steps = stats.cycleTimes.filter((c) => c.stepKey !== null);
  const month = (m: string) => format.dateTime(new Date(`${m}-15T00:00:00Z`), { year: "numeric", month: "short" });

  return (
    <div className="space-y-10">
      <StatisticsSection
        id="applications"
        title={t("applications.title")}
        intro={t("applications.intro")}
        caption={t("applications.caption")}
        empty={stats.applications.length === 0 ? t("empty") : null}
        bars={totals(
          stats.applications,
          (r) => r.month,
          (r) => r.applications,
        ).map(([m, v]) => bar(month(m), v, n(v)))}
        columns={[t("month"), t("service"), t("applications.count")]}
      >
        <tbody>
          {stats.applications.map((r) => (
            <tr key={`${r.month}-${r.serviceCode}`} className="border-t border-slate-200">
              <th scope="row" className={`${td} text-left font-medium`}>
                {month(r.month)}
              </th>
              <td className={td}>{serviceLabel(locale, r.serviceCode)}</td>
              <td className={td} data-testid={`applications-${r.month}-${r.serviceCode}`}>
                {cell(r.suppressed, n(r.applications))}
              </td>
            </tr>
          ))}
        </tbody>
      </StatisticsSection>

      <StatisticsSection
        id="cycle-times"
        title={t("cycleTimes.title")}
        intro={t("cycleTimes.intro")}
        caption={t("cycleTimes.caption")}
        empty={stats.cycleTimes.length === 0 ? t("empty") : null}
        bars={ends
          .filter((r) => !r.suppressed)
          .map((r) => bar(serviceLabel(locale, r.serviceCode), r.medianSeconds / 86_400, days(r.medianSeconds)))}
        columns={[
          t("service"),
          t("cycleTimes.what"),
          t("cycleTimes.count"),
          t("cycleTimes.median"),
          t("cycleTimes.p90"),
        ]}
      >
        <tbody>
          {[...ends, ...steps].map((r) => (
            <tr
              key={`${r.serviceCode}-${r.stepKey ?? ""}`}
              className="border-t border-slate-200"
              data-testid={`cycle-${r.serviceCode}-${r.stepKey ?? "case"}`}
            >
              <th scope="row" className={`${td} text-left font-medium`}>
                {serviceLabel(locale, r.serviceCode)}
              </th>
              <td className={td}>
                {r.stepKey === null
                  ? t("cycleTimes.wholeCase")
                  : t("cycleTimes.step", {
                      step: stepLabel(locale, r.serviceCode, r.stepKey),
                      office: officeLabel(locale, r.office),
                    })}
              </td>
              <td className={td}>{cell(r.suppressed, n(r.count))}</td>
              <td className={td}>{cell(r.suppressed, days(r.medianSeconds))}</td>
              <td className={td}>{cell(r.suppressed, days(r.p90Seconds))}</td>
            </tr>
          ))}
        </tbody>
      </StatisticsSection>

      <StatisticsSection
        id="clean"
        title={t("clean.title")}
        intro={t("clean.intro")}
        caption={t("clean.caption")}
        empty={stats.clean.length === 0 ? t("empty") : null}
        bars={stats.clean
          .filter((r) => !r.suppressed)
          .map((r) =>
            bar(serviceLabel(locale, r.serviceCode), (100 * r.clean) / r.completed, percent(r.clean / r.completed)),
          )}
        columns={[t("service"), t("clean.completed"), t("clean.clean"), t("clean.share")]}
      >
        <tbody>
          {stats.clean.map((r) => (
            <tr key={r.serviceCode} className="border-t border-slate-200" data-testid={`clean-${r.serviceCode}`}>
              <th scope="row" className={`${td} text-left font-medium`}>
                {serviceLabel(locale, r.serviceCode)}
              </th>
              <td className={td}>{cell(r.suppressed, n(r.completed))}</td>
              <td className={td}>{cell(r.suppressed, n(r.clean))}</td>
              <td className={td}>{cell(r.suppressed, percent(r.completed ? r.clean / r.completed : 0))}</td>
            </tr>
          ))}
        </tbody>
      </StatisticsSection>

      <StatisticsSection
        id="days-saved"
        title={t("daysSaved.title")}
        intro={t("daysSaved.intro")}
        caption={t("daysSaved.caption")}
        empty={stats.daysSaved.length === 0 ? t("empty") : null}
        bars={stats.daysSaved
          .filter((r) => !r.suppressed)
          .map((r) =>
            bar(serviceLabel(locale, r.serviceCode), r.savedWorkingDays, t("workingDays", { n: r.savedWorkingDays })),
          )}
        columns={[
          t("service"),
          t("daysSaved.completed"),
          t("daysSaved.paper"),
          t("daysSaved.taken"),
          t("daysSaved.saved"),
        ]}
      >
        <tbody>
          {stats.daysSaved.map((r) => (
            <tr key={r.serviceCode} className="border-t border-slate-200" data-testid={`saved-${r.serviceCode}`}>
              <th scope="row" className={`${td} text-left font-medium`}>
                {serviceLabel(locale, r.serviceCode)}
              </th>
              <td className={td}>{cell(r.suppressed, n(r.completed))}</td>
              <td className={td}>{t("daysSaved.paperValue", { days: r.paperWorkingDays, visits: r.paperVisits })}</td>
              <td className={td}>
                {cell(
                  r.suppressed,
                  t("workingDays", { n: format.number(r.averageWorkingDays, { maximumFractionDigits: 1 }) }),
                )}
              </td>
              <td className={td}>{cell(r.suppressed, t("workingDays", { n: r.savedWorkingDays }))}</td>
            </tr>
          ))}
        </tbody>
      </StatisticsSection>
      {stats.daysSaved.length > 0 && (
        <PaperSources
          codes={stats.daysSaved.map((r) => r.serviceCode)}
          locale={locale}
          title={t("daysSaved.sources")}
        />
      )}

      <StatisticsSection
        id="data-flows"
        title={t("dataFlows.title")}
        intro={t("dataFlows.intro")}
        caption={t("dataFlows.caption")}
        empty={stats.dataFlows.length === 0 ? t("empty") : null}
        bars={totals(
          stats.dataFlows,
          (r) => r.department,
          (r) => r.records,
        ).map(([d, v]) => bar(officeLabel(locale, d), v, n(v)))}
        columns={[
          t("dataFlows.department"),
          t("service"),
          t("dataFlows.records"),
          t("dataFlows.cases"),
          t("dataFlows.certificates"),
        ]}
      >
        <tbody>
          {stats.dataFlows.map((r) => (
            <tr
              key={`${r.department}-${r.serviceCode}`}
              className="border-t border-slate-200"
              data-testid={`flow-${r.department}-${r.serviceCode}`}
            >
              <th scope="row" className={`${td} text-left font-medium`}>
                {officeLabel(locale, r.department)}
              </th>
              <td className={td}>{serviceLabel(locale, r.serviceCode)}</td>
              <td className={td}>{cell(r.suppressed, n(r.records))}</td>
              <td className={td}>{cell(r.suppressed, n(r.cases))}</td>
              <td className={td}>{cell(r.suppressed, n(r.fromCertificates))}</td>
            </tr>
          ))}
        </tbody>
      </StatisticsSection>
    </div>
  );
}

/** Where each paper-process baseline comes from (published, or derived from the service definition). */
function PaperSources({ codes, locale, title }: { codes: string[]; locale: string; title: string }) {
  const sources = [...new Set(codes)].flatMap((code) => {
    const service = findService(code);
    return service ? [{ code, source: pick(locale, paperProcess(service).source) }] : [];
  });
  const distinct = [...new Set(sources.map((s) => s.source))];
  return (
    <div className="text-sm text-slate-700" data-testid="paper-sources">
      <p className="font-medium">{title}</p>
      {distinct.map((s) => (
        <p key={s}>{s}</p>
      ))}
    </div>
  );
}
