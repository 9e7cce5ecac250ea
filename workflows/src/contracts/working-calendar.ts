/**
 * The days from `from` to `to` (YYYY-MM-DD, China's civil dates) that break the
 * Monday-to-Friday rule: public holidays, and weekend days that are working days (调休).
 * Outside the range, and for cases started before the calendar, weekdays are working days.
 */
export interface WorkingCalendar {
  from: string;
  to: string;
  holidays: string[];
  workdays: string[];
}
