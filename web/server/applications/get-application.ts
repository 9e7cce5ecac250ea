import { citizenCasesWhere } from "./case-access";
import type { Db } from "@visit-once/prisma";
import { caseEventWordsSchema, fetchStepKey, readWords, type RecordType } from "@visit-once/workflows/contracts";
import type { ApplicationView, StepStatus } from "@/lib/steps";
import { isUuid } from "@/lib/validation";
import { masked } from "../at-rest/masked";
import { db as defaultDb } from "../db";
import { sayEventRow, sayStepDetail } from "../cases/case-words";
import { ratableOffices } from "../ratings/responsible-office";

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The citizen's typed fields, kept with the consent as submitted. */
function fieldsOf(consent: unknown): Record<string, string | number> {
  const fields = typeof consent === "object" && consent !== null ? (consent as { fields?: unknown }).fields : undefined;
  if (typeof fields !== "object" || fields === null) return {};
  return Object.fromEntries(
    Object.entries(fields).filter(
      (e): e is [string, string | number] => typeof e[1] === "string" || typeof e[1] === "number",
    ),
  );
}

/** The record types she withdrew her consent for at the preview, as noted beside the consent. */
function withdrawnOf(consent: unknown): string[] {
  const withdrawn =
    typeof consent === "object" && consent !== null ? (consent as { withdrawn?: unknown }).withdrawn : undefined;
  if (!Array.isArray(withdrawn)) return [];
  return withdrawn
    .map((w) => (w as { recordType?: unknown } | null)?.recordType)
    .filter((r): r is string => typeof r === "string");
}

/** The day she is asked to confirm by: the newest preview-ready line of the history (events come newest first). */
function previewDueDayOf(events: { words: unknown }[]): string | null {
  for (const e of events) {
    const w = readWords(caseEventWordsSchema, e.words);
    if (w?.kind === "preview-ready") return w.dueDay;
  }
  return null;
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
    // Her own, or one about her that someone applied for (case-access.ts).
    where: { id: applicationId, ...citizenCasesWhere(citizenId) },
    include: {
      steps: { orderBy: { position: "asc" } },
      records: { orderBy: { retrievedAt: "asc" } },
      requests: { orderBy: { createdAt: "asc" } },
      events: { orderBy: { at: "desc" }, take: 100 },
      documents: { orderBy: { issuedAt: "asc" } },
      ratings: {
        orderBy: { round: "asc" },
        include: { rectification: { select: { dueAt: true, reply: true, fixed: true, repliedAt: true } } },
      },
      citizen: { select: { name: true } },
      exceptions: {
        where: { status: "RESOLVED", recordType: { not: null } },
        select: { recordType: true, resolution: true },
      },
    },
  });
  if (!app) return null;
  // Records taken from her own e-certificate say which one (her earlier case issued it).
  const certificateCodes = app.records.map((r) => r.certificateCode).filter((c): c is string => c !== null);
  const certificates = certificateCodes.length
    ? new Map(
        (
          await db.issuedDocument.findMany({
            where: { verificationCode: { in: certificateCodes } },
            select: { verificationCode: true, issuedAt: true, issuedBy: true },
          })
        ).map((d) => [d.verificationCode, d]),
      )
    : new Map<string, never>();
  const certificateOf = (code: string | null) => {
    const d = code ? certificates.get(code) : undefined;
    return d ? { code: d.verificationCode, issuedAt: d.issuedAt.toISOString(), issuedBy: d.issuedBy } : null;
  };
  // A record step a caseworker accepted without the record is settled, not failed.
  const accepted = new Set(
    app.exceptions
      .filter((x) => (x.resolution as { kind?: unknown } | null)?.kind === "accept")
      .map((x) => fetchStepKey(x.recordType as RecordType)),
  );
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
      detail: sayStepDetail(s.detail, s.detailWords),
      settled: s.status === "FAILED" && accepted.has(s.key),
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
      certificate: certificateOf(r.certificateCode),
    })),
    requests: app.requests.map((q) => ({
      id: q.id,
      question: q.question,
      dueAt: q.dueAt.toISOString(),
      status: q.status,
      reply: q.reply,
    })),
    events: app.events.map((e) =>
      sayEventRow(
        { id: e.id, at: e.at.toISOString(), messageEn: e.messageEn, messageZh: e.messageZh, words: e.words },
        app.serviceCode,
      ),
    ),
    documents: app.documents.map((d) => ({
      key: d.key,
      titleEn: d.titleEn,
      titleZh: d.titleZh,
      issuedBy: d.issuedBy,
      verificationCode: d.verificationCode,
      issuedAt: d.issuedAt.toISOString(),
      revokedAt: iso(d.revokedAt),
    })),
    rated: app.ratings.length > 0,
    ratings: app.ratings.map((r) => ({
      round: r.round,
      rating: r.rating,
      comment: r.comment,
      office: r.office,
      createdAt: r.createdAt.toISOString(),
      rectification: r.rectification
        ? {
            dueAt: r.rectification.dueAt.toISOString(),
            reply: r.rectification.reply,
            fixed: r.rectification.fixed,
            repliedAt: iso(r.rectification.repliedAt),
          }
        : null,
    })),
    canRate:
      app.status === "COMPLETED" && (app.ratings.length === 0 || app.ratings.at(-1)?.rectification?.repliedAt != null),
    ratableOffices: ratableOffices(
      app.serviceCode,
      app.steps.filter((s) => s.kind === "DEPARTMENT").map((s) => s.departmentCode),
    ),
    fields: fieldsOf(app.consent),
    acting:
      app.actingBasis === "minor-child" || app.actingBasis === "mandate"
        ? {
            basis: app.actingBasis,
            representativeName: app.citizen.name,
            subjectName: app.subjectName ?? "",
            viewer: app.citizenId === citizenId ? "representative" : "subject",
          }
        : null,
    withdrawn: withdrawnOf(app.consent),
    previewDueDay: previewDueDayOf(app.events),
  });
}
