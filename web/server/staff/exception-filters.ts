import type { Prisma } from "@visit-once/prisma";
import { type ExceptionKind, isStepOffice, SERVICES } from "@visit-once/workflows/contracts";
import { firstParam, type SearchParam } from "@/lib/pagination";
import { parsePage } from "./pagination";

export const EXCEPTION_KINDS = [
  "CONFLICT",
  "MISSING_RECORD",
  "UNUSABLE_RECORD",
  "DEPARTMENT_UNAVAILABLE",
  "OVERDUE_STEP",
  "CITIZEN_DISPUTE",
  "NO_CONSENT",
  "UNSTORABLE_DATA",
] as const satisfies readonly ExceptionKind[];
export type ExceptionKindCode = (typeof EXCEPTION_KINDS)[number];

export interface ExceptionFilters {
  kind?: ExceptionKindCode;
  service?: string;
  department?: string;
  overdue: boolean;
  /** Open (anything not resolved, the default) or resolved. */
  state: "open" | "resolved";
  page: number;
}

type Params = Record<string, SearchParam>;

/** The queue's filters from the URL; anything unknown is ignored rather than trusted. */
export function parseExceptionFilters(params: Params): ExceptionFilters {
  const kind = firstParam(params.kind);
  const service = firstParam(params.service);
  const department = firstParam(params.department);
  return {
    kind: EXCEPTION_KINDS.find((k) => k === kind),
    service: service && Object.hasOwn(SERVICES, service) ? service : undefined,
    department: department && isStepOffice(department) ? department : undefined,
    overdue: firstParam(params.overdue) === "1",
    state: firstParam(params.state) === "resolved" ? "resolved" : "open",
    page: parsePage(params.page),
  };
}

/** The filters as URL parameters (for links that keep them). */
export function filterParams(f: ExceptionFilters): Record<string, string | undefined> {
  return {
    kind: f.kind,
    service: f.service,
    department: f.department,
    overdue: f.overdue ? "1" : undefined,
    state: f.state === "resolved" ? "resolved" : undefined,
  };
}

/**
 * The database filter. A conflict names no single department: it matches a department
 * when one of its values comes from that department.
 */
export function exceptionWhere(f: ExceptionFilters, now: Date): Prisma.CaseExceptionWhereInput {
  const and: Prisma.CaseExceptionWhereInput[] = [
    f.state === "resolved" ? { status: "RESOLVED" } : { status: { not: "RESOLVED" } },
  ];
  if (f.kind) and.push({ kind: f.kind });
  if (f.service) and.push({ application: { serviceCode: f.service } });
  if (f.department) {
    and.push({
      OR: [
        { departmentCode: f.department },
        { conflict: { path: ["values"], array_contains: [{ department: f.department }] } },
      ],
    });
  }
  if (f.overdue) and.push({ dueAt: { lt: now } });
  return { AND: and };
}
