import type { Db } from "@visit-once/prisma";
import type { ApplicationView, StepStatus } from "@/lib/steps";
import { isUuid } from "@/lib/validation";
import { db as defaultDb } from "../db";

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The application with its steps and records, only for its owner; null for everyone else. */
export async function getApplication(
  applicationId: string,
  citizenId: string,
  db: Db = defaultDb(),
): Promise<ApplicationView | null> {
  if (!isUuid(applicationId) || !isUuid(citizenId)) return null;
  const app = await db.application.findFirst({
    where: { id: applicationId, citizenId },
    include: { steps: { orderBy: { position: "asc" } }, records: { orderBy: { retrievedAt: "asc" } } },
  });
  if (!app) return null;
  return {
    id: app.id,
    serviceCode: app.serviceCode,
    status: app.status,
    submittedAt: app.submittedAt.toISOString(),
    completedAt: iso(app.completedAt),
    steps: app.steps.map((s) => ({
      key: s.key,
      position: s.position,
      departmentCode: s.departmentCode,
      status: s.status as StepStatus,
      detail: s.detail,
      startedAt: iso(s.startedAt),
      completedAt: iso(s.completedAt),
    })),
    records: app.records.map((r) => ({
      recordType: r.recordType,
      departmentCode: r.departmentCode,
      sourceRecordId: r.sourceRecordId,
      retrievedAt: r.retrievedAt.toISOString(),
      data: r.data,
    })),
  };
}
