import { citizenCasesWhere } from "./case-access";
import type { Db, Prisma } from "@visit-once/prisma";
import { currentStep } from "@/lib/case-summary";
import { FINAL_STATUSES } from "@visit-once/workflows/contracts";
import { pageCount } from "@/lib/pagination";
import type { ApplicationStatus, StepView } from "@/lib/steps";
import { isUuid } from "@/lib/validation";
import { db as defaultDb } from "../db";

/** My applications' tabs (办理中 / 待补正 / 已办结): open with nothing asked of her, open with a question for her, closed. */
export const APPLICATION_TABS = ["in-progress", "action-needed", "finished"] as const;
export type ApplicationTab = (typeof APPLICATION_TABS)[number];

export function parseTab(raw: unknown): ApplicationTab {
  return APPLICATION_TABS.find((t) => t === raw) ?? "in-progress";
}

export interface ApplicationSummary {
  id: string;
  serviceCode: string;
  status: ApplicationStatus;
  submittedAt: string;
  completedAt: string | null;
  /** The step the case waits on (its key, for the page to name), if any. */
  currentStepKey: string | null;
  /** When the citizen must answer by (action needed), else when the current step is due. */
  dueAt: string | null;
}

export interface ApplicationPage {
  items: ApplicationSummary[];
  total: number;
  page: number;
  pageCount: number;
  tab: ApplicationTab;
  /** How many applications each tab holds. */
  counts: Record<ApplicationTab, number>;
}

const APPLICATIONS_PAGE_SIZE = 10;
const FINAL = [...FINAL_STATUSES];
const OPEN_QUESTION = { some: { status: "OPEN" as const } };

function tabWhere(citizenId: string, tab: ApplicationTab): Prisma.ApplicationWhereInput {
  // Hers, and those someone applied for on her behalf (case-access.ts).
  const mine = citizenCasesWhere(citizenId);
  if (tab === "finished") return { ...mine, status: { in: FINAL } };
  if (tab === "action-needed") return { ...mine, status: { notIn: FINAL }, requests: OPEN_QUESTION };
  return { ...mine, status: { notIn: FINAL }, requests: { none: { status: "OPEN" } } };
}

/** One page of one tab of a citizen's own applications, newest first, with each tab's count. */
export async function listApplications(
  citizenId: string,
  page = 1,
  tab: ApplicationTab = "in-progress",
  pageSize = APPLICATIONS_PAGE_SIZE,
  db: Db = defaultDb(),
): Promise<ApplicationPage> {
  const counts = { "in-progress": 0, "action-needed": 0, finished: 0 };
  if (!isUuid(citizenId)) return { items: [], total: 0, page: 1, pageCount: 1, tab, counts };
  const [inProgress, actionNeeded, finished] = await Promise.all(
    APPLICATION_TABS.map((t) => db.application.count({ where: tabWhere(citizenId, t) })),
  );
  Object.assign(counts, { "in-progress": inProgress, "action-needed": actionNeeded, finished });
  const total = counts[tab];
  const pages = pageCount(total, pageSize);
  const current = Math.min(Math.max(1, page), pages);
  const rows = await db.application.findMany({
    where: tabWhere(citizenId, tab),
    orderBy: [{ submittedAt: "desc" }, { id: "asc" }],
    skip: (current - 1) * pageSize,
    take: pageSize,
    select: {
      id: true,
      serviceCode: true,
      status: true,
      submittedAt: true,
      completedAt: true,
      steps: { select: { key: true, position: true, status: true, dueAt: true } },
      requests: { where: { status: "OPEN" }, select: { dueAt: true }, orderBy: { dueAt: "asc" }, take: 1 },
    },
  });
  return {
    items: rows.map((r) => {
      const final = FINAL.includes(r.status);
      const step = final
        ? null
        : currentStep(r.steps.map((s) => ({ ...s, dueAt: s.dueAt?.toISOString() ?? null }) as StepView));
      return {
        id: r.id,
        serviceCode: r.serviceCode,
        status: r.status,
        submittedAt: r.submittedAt.toISOString(),
        completedAt: r.completedAt?.toISOString() ?? null,
        currentStepKey: step?.key ?? null,
        dueAt: final ? null : (r.requests[0]?.dueAt.toISOString() ?? step?.dueAt ?? null),
      };
    }),
    total,
    page: current,
    pageCount: pages,
    tab,
    counts,
  };
}
