import type { ReactNode } from "react";
import { TableRegion, th } from "@/components/staff/table-region";
import { BarChart, type BarDatum } from "./bar-chart";

/** One figure of the statistics page: its heading, what it counts, a chart, and the same figures as a table (what screen readers read). */
export function StatisticsSection({
  id,
  title,
  intro,
  bars,
  empty,
  caption,
  columns,
  children,
}: {
  id: string;
  title: string;
  intro: string;
  bars: BarDatum[];
  /** Shown instead of the chart and table when there is nothing to show. */
  empty: string | null;
  caption: string;
  /** The table's column headings, in order. */
  columns: string[];
  /** The table's body. */
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-title`} className="space-y-3" data-testid={`statistics-${id}`}>
      <h2 id={`${id}-title`} className="text-xl font-semibold">
        {title}
      </h2>
      <p className="max-w-3xl text-slate-700">{intro}</p>
      {empty ? (
        <p className="rounded-lg border border-slate-200 bg-white p-4" data-testid={`statistics-${id}-empty`}>
          {empty}
        </p>
      ) : (
        <>
          {bars.length > 0 && (
            <figure className="rounded-lg border border-slate-200 bg-white p-3">
              <BarChart bars={bars} testId={`chart-${id}`} />
            </figure>
          )}
          <TableRegion captionId={`${id}-caption`}>
            <table className="w-full min-w-[36rem] text-sm" data-testid={`table-${id}`}>
              <caption id={`${id}-caption`} className="px-3 py-2 text-left text-slate-700">
                {caption}
              </caption>
              <thead className="bg-slate-100">
                <tr>
                  {columns.map((label, i) => (
                    <th key={i} scope="col" className={th}>
                      {label}
                    </th>
                  ))}
                </tr>
              </thead>
              {children}
            </table>
          </TableRegion>
        </>
      )}
    </section>
  );
}
