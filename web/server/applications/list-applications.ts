import type { Db } from "@visit-once/prisma";
import { pageCount } from "@/lib/pagination";
import type { ApplicationStatus } from "@/lib/steps";
import { isUuid } from "@/lib/validation";
import { db as defaultDb } from "../db";

export interface ApplicationSummary {
  id: string;
  serviceCode: string;
  status: ApplicationStatus;
  submittedAt: string;
  completedAt: string | null;
}

export interface ApplicationPage {
  items: ApplicationSummary[];
  total: number;
  page: number;
  pageCount: number;
}

const APPLICATIONS_PAGE_SIZE = 10;

/** One page of a citizen's own applications, newest first. */
export async function listApplications(
  citizenId: string,
  page = 1,
  pageSize = APPLICATIONS_PAGE_SIZE,
  db: Db = defaultDb(),
): Promise<ApplicationPage> {
  if (!isUuid(citizenId)) return { items: [], total: 0, page: 1, pageCount: 1 };
  const where = { citizenId };
  const total = await db.application.count({ where });
  const pages = pageCount(total, pageSize);
  const current = Math.min(Math.max(1, page), pages);
  const rows = await db.application.findMany({
    where,
    orderBy: [{ submittedAt: "desc" }, { id: "asc" }],
    skip: (current - 1) * pageSize,
    take: pageSize,
    select: { id: true, serviceCode: true, status: true, submittedAt: true, completedAt: true },
  });
  return {
    items: rows.map((r) => ({
      id: r.id,
      serviceCode: r.serviceCode,
      status: r.status,
      submittedAt: r.submittedAt.toISOString(),
      completedAt: r.completedAt?.toISOString() ?? null,
    })),
    total,
    page: current,
    pageCount: pages,
  };
}
