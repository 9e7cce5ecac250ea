import type { Db } from "@visit-once/prisma";
import type { ApplicationView, StepStatus } from "@/lib/steps";
import { isUuid } from "@/lib/validation";
import { masked } from "../at-rest/masked";
import { db as defaultDb } from "../db";

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The citizen's typed fields, kept with the consent as submitted. */
function fieldsOf(consent: unknown): Record<string, string | number> {
  const fields = typeof consent === "object" && consent !== null ? (consent as { fields?: unknown }).fields : undefined;
  if (typeof fields !== "object" || fields === null) return {};
  return Object.fromEntries(Object.entries(fields).filter((e): e is [string, string | number] => typeof e[1] === "string" || typeof e[1] === "number"));
}

/**
 * The application as its owner sees it (steps, records, requests, events, documents); null for
 * everyone else. Identity numbers and bank accounts masked, hers too: a page is shown on screens
 * others may see, and the full numbers are hers already.
 */
export async function getApplication(
  applicationId: string,
  citizenId: string,
  db: Db = defaultDb(),
): Promise<ApplicationView | null> {
  if (!isUuid(applicationId) || !isUuid(citizenId)) return null;
  const app = await db.application.findFirst({
    where: { id: applicationId, citizenId },
    include: {
      steps: { orderBy: { position: "asc" } },
      records: { orderBy: { retrievedAt: "asc" } },
      requests: { orderBy: { createdAt: "asc" } },
      events: { orderBy: { at: "desc" }, take: 100 },
      documents: { orderBy: { issuedAt: "asc" } },
      rating: { select: { rating: true } },
    },
  });
  if (!app) return null;
  return masked({
    id: app.id,
    serviceCode: app.serviceCode,
    status: app.status,
    submittedAt: app.submittedAt.toISOString(),
    completedAt: iso(app.completedAt),
    reasons: app.reasons,
    reasonsZh: app.reasonsZh,
    steps: app.steps.map((s) => ({
      key: s.key,
      position: s.position,
      kind: s.kind,
      departmentCode: s.departmentCode,
      status: s.status as StepStatus,
      detail: s.detail,
      startedAt: iso(s.startedAt),
      completedAt: iso(s.completedAt),
      dueAt: iso(s.dueAt),
    })),
    records: app.records.map((r) => ({
      recordType: r.recordType,
      departmentCode: r.departmentCode,
      sourceRecordId: r.sourceRecordId,
      retrievedAt: r.retrievedAt.toISOString(),
      data: r.data,
    })),
    requests: app.requests.map((q) => ({ id: q.id, question: q.question, dueAt: q.dueAt.toISOString(), status: q.status, reply: q.reply })),
    events: app.events.map((e) => ({ id: e.id, at: e.at.toISOString(), messageEn: e.messageEn, messageZh: e.messageZh })),
    documents: app.documents.map((d) => ({
      key: d.key,
      titleEn: d.titleEn,
      titleZh: d.titleZh,
      issuedBy: d.issuedBy,
      verificationCode: d.verificationCode,
      issuedAt: d.issuedAt.toISOString(),
      revokedAt: iso(d.revokedAt),
    })),
    rated: app.rating !== null,
    fields: fieldsOf(app.consent),
  });
}
