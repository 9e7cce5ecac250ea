import type { Db } from "@visit-once/prisma";
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

/** A citizen's own applications, newest first. */
export async function listApplications(citizenId: string, db: Db = defaultDb()): Promise<ApplicationSummary[]> {
  if (!isUuid(citizenId)) return [];
  const rows = await db.application.findMany({
    where: { citizenId },
    orderBy: { submittedAt: "desc" },
    take: 100,
    select: { id: true, serviceCode: true, status: true, submittedAt: true, completedAt: true },
  });
  return rows.map((r) => ({
    id: r.id,
    serviceCode: r.serviceCode,
    status: r.status,
    submittedAt: r.submittedAt.toISOString(),
    completedAt: r.completedAt?.toISOString() ?? null,
  }));
}
