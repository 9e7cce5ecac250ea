import { createRequire } from "node:module";

export interface CalendarDayRow {
  day: string;
  kind: "HOLIDAY" | "WORKDAY";
  nameEn: string;
  nameZh: string;
}

/** The package's table: day → "English name,中文名,number of days". */
interface ChineseDaysTable {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

function rows(table: Record<string, string>, kind: CalendarDayRow["kind"]): CalendarDayRow[] {
  return Object.entries(table).map(([day, value]) => {
    const [nameEn = "", nameZh = ""] = value.split(",");
    return { day, kind, nameEn, nameZh };
  });
}

/**
 * The State Council's holiday arrangements as the `chinese-days` package publishes them:
 * every public holiday and every make-up working weekend (调休) of the years it knows.
 */
export function packageCalendarDays(): CalendarDayRow[] {
  const table = createRequire(import.meta.url)("chinese-days/dist/chinese-days.json") as ChineseDaysTable;
  return [...rows(table.holidays, "HOLIDAY"), ...rows(table.workdays, "WORKDAY")].sort((a, b) =>
    a.day.localeCompare(b.day),
  );
}
