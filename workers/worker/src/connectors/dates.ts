/**
 * Date conversions the department mappers share. Dates in the standard are calendar dates
 * in China (UTC+8), whatever offset or epoch the department's system uses.
 */

const CHINA_OFFSET_MS = 8 * 3600_000;

/** An ISO 8601 timestamp → the calendar date in China, whatever offset it carries; unchanged when it does not parse. */
export function isoTimestampToChinaDate(value: string): string {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return value;
  return epochMsToChinaDate(ms);
}

/** Epoch milliseconds → the calendar date in China. */
export function epochMsToChinaDate(ms: number): string {
  return new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** Epoch seconds → the calendar date in China. */
export function epochSecondsToChinaDate(seconds: number): string {
  return epochMsToChinaDate(seconds * 1000);
}

/** A compact date YYYYMMDD → YYYY-MM-DD. */
export function yyyymmddToIso(value: string): string {
  return `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}`;
}
