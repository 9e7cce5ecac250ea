import type { Locale } from "./locales";

// One catalogue per area and language (messages/<locale>/<area>.json), merged by area:
// `common` for the frame, `citizen` for the portal, `staff` for the dashboard and workbench, `words` for what the workflow records as data (contracts/case-words.ts),
// `notifications` for the inbox, the message settings and the development mailbox; `statistics` for the reform's figures;
// `mandates` for acting for someone else (代办).
const AREAS = ["common", "citizen", "staff", "words", "notifications", "statistics", "mandates"] as const;

export async function loadMessages(locale: Locale): Promise<Record<string, unknown>> {
  const entries = await Promise.all(
    AREAS.map(async (area) => [area, (await import(`../messages/${locale}/${area}.json`)).default] as const),
  );
  return Object.fromEntries(entries);
}
