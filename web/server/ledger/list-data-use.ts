import { type AccessEventModel as AccessEvent, type Db, personSubjectId } from "@visit-once/prisma";
import { SERVICES, STEP_OFFICES } from "@visit-once/workflows/contracts";
import { z } from "zod";
import { citizenCasesWhere } from "../applications/case-access";
import { db as defaultDb } from "../db";

export const DATA_USE_PAGE_SIZE = 20;

const SERVICE_CODES = Object.keys(SERVICES) as [string, ...string[]];

/** The citizen's filters as they come from the address bar: each one checked, none trusted. */
const filterSchema = z.object({
  department: z.enum(STEP_OFFICES as [string, ...string[]]).optional(),
  service: z.enum(SERVICE_CODES).optional(),
  case: z.uuid().optional(),
  before: z
    .string()
    .regex(/^\d{1,18}$/)
    .transform(BigInt)
    .optional(),
});
export type DataUseFilters = z.infer<typeof filterSchema>;
export type DataUseFilterName = keyof DataUseFilters;
export type DataUseQuery = { ok: true; filters: DataUseFilters } | { ok: false; invalid: DataUseFilterName };

const NAMES: readonly DataUseFilterName[] = ["department", "service", "case", "before"];

/** Reads the filters from search params: a single value each; an empty field is no filter. */
export function parseDataUseFilters(params: Record<string, string | string[] | undefined>): DataUseQuery {
  const one = (v: string | string[] | undefined) => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined);
  const parsed = filterSchema.safeParse(Object.fromEntries(NAMES.map((n) => [n, one(params[n])])));
  if (parsed.success) return { ok: true, filters: parsed.data };
  const field = parsed.error.issues[0]?.path[0];
  return { ok: false, invalid: NAMES.find((n) => n === field) ?? "before" };
}

/** "X for Y" on a case someone applied for on another's behalf (代办), by case id. */
export type ActingByCase = Record<string, { basis: string; representativeName: string; subjectName: string }>;

export interface DataUsePage {
  entries: AccessEvent[];
  /** The represented cases among the entries: who applied for whom. */
  acting?: ActingByCase;
  /** The seq to continue from (older entries), when there are more. */
  olderThan: bigint | null;
}

/**
 * The ledger entries about one citizen, newest first, a page at a time: every use of her data
 * (she is the subject), what she did herself (she is the actor) and administrators' searches of
 * the ledger by one of her cases. By department: the office
 * whose records were used, or the office of the member of staff who used them.
 */
export async function listDataUse(
  citizenId: string,
  filters: DataUseFilters,
  db: Db = defaultDb(),
): Promise<DataUsePage> {
  // An administrator's ledger search by one of her cases showed that case's entries: hers too, though it names no subject.
  const cases = (await db.application.findMany({ where: { citizenId }, select: { id: true } })).map((a) => a.id);
  // Acting for someone else: what was used for the cases she applied for on their behalf (while she still reaches them),
  // and what was used about her before she had an account (a child's, named by her identity number's blind index).
  const represented = (
    await db.application.findMany({
      where: { ...citizenCasesWhere(citizenId), citizenId, actingBasis: { not: null } },
      select: { id: true },
    })
  ).map((a) => a.id);
  const me = await db.user.findUnique({ where: { id: citizenId }, select: { nationalIdIndex: true } });
  const entries = await db.accessEvent.findMany({
    where: {
      AND: [
        {
          OR: [
            { subjectId: citizenId },
            { actorId: citizenId },
            ...(cases.length > 0 ? [{ action: "admin-search", applicationId: { in: cases } }] : []),
            ...(represented.length > 0 ? [{ applicationId: { in: represented } }] : []),
            ...(me?.nationalIdIndex ? [{ subjectId: personSubjectId(me.nationalIdIndex) }] : []),
          ],
        },
        filters.department ? { OR: [{ department: filters.department }, { actorOffice: filters.department }] } : {},
        filters.service ? { serviceCode: filters.service } : {},
        filters.case ? { applicationId: filters.case } : {},
        filters.before ? { seq: { lt: filters.before } } : {},
      ],
    },
    orderBy: { seq: "desc" },
    take: DATA_USE_PAGE_SIZE + 1,
  });
  const more = entries.length > DATA_USE_PAGE_SIZE;
  const page = entries.slice(0, DATA_USE_PAGE_SIZE);
  const caseIds = [...new Set(page.map((e) => e.applicationId).filter((id): id is string => id !== null))];
  const actingRows = caseIds.length
    ? await db.application.findMany({
        where: { id: { in: caseIds }, actingBasis: { not: null } },
        select: { id: true, actingBasis: true, subjectName: true, citizen: { select: { name: true } } },
      })
    : [];
  const acting: ActingByCase = Object.fromEntries(
    actingRows.map((a) => [
      a.id,
      { basis: a.actingBasis!, representativeName: a.citizen.name, subjectName: a.subjectName ?? "" },
    ]),
  );
  return { entries: page, olderThan: more ? page[page.length - 1]!.seq : null, acting };
}

/** The service of one of the citizen's own cases, or null when the case is not hers (or does not exist: the same answer). */
export async function ownCaseService(
  citizenId: string,
  applicationId: string,
  db: Db = defaultDb(),
): Promise<string | null> {
  const app = await db.application.findFirst({
    where: { id: applicationId, ...citizenCasesWhere(citizenId) },
    select: { serviceCode: true },
  });
  return app?.serviceCode ?? null;
}
