import type { AccessEventModel as AccessEvent, Db } from "@visit-once/prisma";
import { SERVICES } from "@visit-once/workflows/contracts";
import { z } from "zod";
import { db as defaultDb } from "../db";

export const SHARED_DATA_PAGE_SIZE = 50;

const SERVICE_CODES = Object.keys(SERVICES) as [string, ...string[]];
/** Months are China's calendar months: the offices work in China time. */
const CHINA_OFFSET_MS = 8 * 3600_000;

const filterSchema = z.object({
  service: z.enum(SERVICE_CODES).optional(),
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .optional(),
  before: z
    .string()
    .regex(/^\d{1,18}$/)
    .transform(BigInt)
    .optional(),
});
export type SharedDataFilters = z.infer<typeof filterSchema>;
export type SharedDataFilterName = keyof SharedDataFilters;
export type SharedDataQuery = { ok: true; filters: SharedDataFilters } | { ok: false; invalid: SharedDataFilterName };

const NAMES: readonly SharedDataFilterName[] = ["service", "month", "before"];

/** Reads the filters from search params: a single value each; an empty field is no filter. */
export function parseSharedDataFilters(params: Record<string, string | string[] | undefined>): SharedDataQuery {
  const one = (v: string | string[] | undefined) => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined);
  const parsed = filterSchema.safeParse(Object.fromEntries(NAMES.map((n) => [n, one(params[n])])));
  if (parsed.success) return { ok: true, filters: parsed.data };
  const field = parsed.error.issues[0]?.path[0];
  return { ok: false, invalid: NAMES.find((n) => n === field) ?? "before" };
}

/** A "YYYY-MM" month in China time as the UTC instants it starts and ends at. */
export function monthRange(month: string): { from: Date; to: Date } {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return { from: new Date(Date.UTC(y, m - 1, 1) - CHINA_OFFSET_MS), to: new Date(Date.UTC(y, m, 1) - CHINA_OFFSET_MS) };
}

/** The ledger's record of one office's records going out: department fetches of its records, nothing else. */
function where(office: string, filters: SharedDataFilters) {
  const range = filters.month ? monthRange(filters.month) : null;
  return {
    action: "department-fetch",
    department: office,
    ...(filters.service ? { serviceCode: filters.service } : {}),
    ...(range ? { at: { gte: range.from, lt: range.to } } : {}),
  };
}

/** The fields of an entry the office's page may show: no citizen (the case reference is enough), no free text. */
export type SharedRecord = Pick<AccessEvent, "seq" | "at" | "recordTypes" | "fields" | "serviceCode" | "applicationId">;

export interface SharedDataPage {
  entries: SharedRecord[];
  olderThan: bigint | null;
}

/** Which of `office`'s records went to which service and case, newest first, a page at a time. */
export async function listSharedData(
  office: string,
  filters: SharedDataFilters,
  db: Db = defaultDb(),
): Promise<SharedDataPage> {
  const entries = await db.accessEvent.findMany({
    where: { ...where(office, filters), ...(filters.before ? { seq: { lt: filters.before } } : {}) },
    orderBy: { seq: "desc" },
    take: SHARED_DATA_PAGE_SIZE + 1,
    select: { seq: true, at: true, recordTypes: true, fields: true, serviceCode: true, applicationId: true },
  });
  const more = entries.length > SHARED_DATA_PAGE_SIZE;
  const page = entries.slice(0, SHARED_DATA_PAGE_SIZE);
  return { entries: page, olderThan: more ? page[page.length - 1]!.seq : null };
}

export interface SharedCount {
  /** "YYYY-MM", China time. */
  month: string;
  /** The purpose is the service the records were fetched for. */
  serviceCode: string | null;
  count: number;
}

/** How many of `office`'s records went out, by month (newest first) and purpose, for the same filters. */
export async function countSharedData(
  office: string,
  filters: SharedDataFilters,
  db: Db = defaultDb(),
): Promise<SharedCount[]> {
  const service = filters.service ?? null;
  const month = filters.month ?? null;
  // "at" is stored as UTC without a zone; the month is China's.
  const rows = await db.$queryRaw<{ month: string; serviceCode: string | null; count: bigint }[]>`
    SELECT to_char(("at" AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month, "serviceCode", count(*) AS count
    FROM "AccessEvent"
    WHERE action = 'department-fetch' AND department = ${office}
      AND (${service}::text IS NULL OR "serviceCode" = ${service})
      AND (${month}::text IS NULL OR to_char(("at" AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') = ${month})
    GROUP BY 1, 2
    ORDER BY 1 DESC, 2`;
  return rows.map((r) => ({ month: r.month, serviceCode: r.serviceCode, count: Number(r.count) }));
}
