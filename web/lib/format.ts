// Dates read the same on the server and in the browser: fixed locale and time zone.
const formatter = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hour12: false,
});

export function formatTime(iso: string): string {
  return `${formatter.format(new Date(iso))} (Beijing time)`;
}
