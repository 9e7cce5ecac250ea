// What the web and the workers read; the package seed runs only from migrate.ts.
export { readWorkingCalendar } from "./read-working-calendar";
