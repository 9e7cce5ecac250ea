import type { Prisma } from "../../generated/client";
import type { Db } from "../client";
import type { FieldCipher } from "./field-cipher";
import { isSealed } from "./field-cipher";
import { needsReseal, resealSensitive } from "./sensitive-values";

// Brings every stored identity number, mobile number and bank account under the newest key: values stored
// in clear (a database from before encryption) are sealed, values under an older key sealed
// again (after a rotation). `npm start` runs it before anything else touches the database;
// until then, readers open clear values as they are. Idempotent: a second run changes nothing.

const BATCH = 200;

export interface SealReport {
  users: number;
  records: number;
  applications: number;
  exceptions: number;
  events: number;
  steps: number;
  mandates: number;
}

export async function sealStoredValues(db: Db, cipher: FieldCipher): Promise<SealReport> {
  const report: SealReport = { users: 0, records: 0, applications: 0, exceptions: 0, events: 0, steps: 0, mandates: 0 };

  // An account's identity number and the mobile number its SMS messages go to.
  const userRows = (cursor: string | undefined) =>
    db.user.findMany({
      where: { OR: [{ nationalId: { not: null } }, { phone: { not: null } }] },
      select: { id: true, nationalId: true, nationalIdIndex: true, phone: true },
      ...after(cursor),
    });
  for await (const users of pages(userRows)) {
    for (const u of users) {
      const idCurrent =
        u.nationalId === null ||
        (isSealed(u.nationalId) && cipher.keyIdOf(u.nationalId) === cipher.newestKeyId && u.nationalIdIndex !== null);
      const phoneCurrent = u.phone === null || (isSealed(u.phone) && cipher.keyIdOf(u.phone) === cipher.newestKeyId);
      if (idCurrent && phoneCurrent) continue;
      const id = u.nationalId === null ? undefined : cipher.open(u.nationalId);
      await db.user.update({
        where: { id: u.id },
        data: {
          ...(id === undefined || idCurrent
            ? {}
            : { nationalId: cipher.seal(id), nationalIdIndex: cipher.blindIndex(id) }),
          ...(u.phone === null || phoneCurrent ? {} : { phone: cipher.seal(cipher.open(u.phone)) }),
        },
      });
      report.users++;
    }
  }

  let recordCursor: { applicationId: string; recordType: string } | undefined;
  for (;;) {
    const rows = await db.evidenceRecord.findMany({
      select: { applicationId: true, recordType: true, data: true, sourceRecordId: true },
      orderBy: [{ applicationId: "asc" }, { recordType: "asc" }],
      take: BATCH,
      ...(recordCursor ? { cursor: { applicationId_recordType: recordCursor }, skip: 1 } : {}),
    });
    for (const r of rows) {
      // A department may key its record by the identity number (the source record id).
      if (!needsReseal(r.data, cipher) && !needsReseal(r.sourceRecordId, cipher)) continue;
      await db.evidenceRecord.update({
        where: { applicationId_recordType: { applicationId: r.applicationId, recordType: r.recordType } },
        data: {
          data: resealSensitive(r.data, cipher) as Prisma.InputJsonValue,
          sourceRecordId: resealSensitive(r.sourceRecordId, cipher),
        },
      });
      report.records++;
    }
    if (rows.length < BATCH) break;
    const last = rows.at(-1)!;
    recordCursor = { applicationId: last.applicationId, recordType: last.recordType };
  }

  for await (const apps of pages((cursor) =>
    db.application.findMany({
      select: { id: true, consent: true, reasons: true, reasonsZh: true, subjectNationalId: true },
      ...after(cursor),
    }),
  )) {
    for (const a of apps) {
      // The reasons in both languages: the projection seals reasonsZh as it does reasons; the
      // person a representative applied for (sealed at submission).
      const values = [a.consent, a.reasons, a.reasonsZh, { subjectNationalId: a.subjectNationalId }];
      if (!values.some((v) => needsReseal(v, cipher))) continue;
      await db.application.update({
        where: { id: a.id },
        data: {
          consent: resealSensitive(a.consent, cipher) as Prisma.InputJsonValue,
          reasons: resealSensitive(a.reasons, cipher),
          reasonsZh: resealSensitive(a.reasonsZh, cipher),
          subjectNationalId: resealSensitive({ subjectNationalId: a.subjectNationalId }, cipher).subjectNationalId,
        },
      });
      report.applications++;
    }
  }

  // A mandate keeps its grantor's identity number sealed, to fetch her records.
  for await (const ms of pages((cursor) =>
    db.mandate.findMany({ select: { id: true, grantorNationalId: true }, ...after(cursor) }),
  )) {
    for (const m of ms) {
      const values = { grantorNationalId: m.grantorNationalId };
      if (!needsReseal(values, cipher)) continue;
      await db.mandate.update({ where: { id: m.id }, data: resealSensitive(values, cipher) });
      report.mandates++;
    }
  }

  for await (const xs of pages((cursor) =>
    db.caseException.findMany({
      select: { id: true, summary: true, conflict: true, resolution: true },
      ...after(cursor),
    }),
  )) {
    for (const x of xs) {
      const values = { summary: x.summary, conflict: x.conflict, resolution: x.resolution };
      if (!needsReseal(values, cipher)) continue;
      const sealed = resealSensitive(values, cipher);
      await db.caseException.update({
        where: { id: x.id },
        data: {
          summary: sealed.summary,
          conflict: (sealed.conflict ?? undefined) as Prisma.InputJsonValue | undefined,
          resolution: (sealed.resolution ?? undefined) as Prisma.InputJsonValue | undefined,
        },
      });
      report.exceptions++;
    }
  }

  for await (const events of pages((cursor) =>
    db.caseEvent.findMany({ select: { id: true, messageEn: true, messageZh: true }, ...after(cursor) }),
  )) {
    for (const e of events) {
      const values = { messageEn: e.messageEn, messageZh: e.messageZh };
      if (!needsReseal(values, cipher)) continue;
      await db.caseEvent.update({ where: { id: e.id }, data: resealSensitive(values, cipher) });
      report.events++;
    }
  }
  // A closed case's review step repeats its reasons; few steps have a detail at all.
  const steps = await db.applicationStep.findMany({
    where: { detail: { not: null } },
    select: { applicationId: true, key: true, detail: true },
  });
  for (const st of steps) {
    if (!needsReseal(st.detail, cipher)) continue;
    await db.applicationStep.update({
      where: { applicationId_key: { applicationId: st.applicationId, key: st.key } },
      data: { detail: resealSensitive(st.detail, cipher) },
    });
    report.steps++;
  }
  return report;
}

const after = (cursor: string | undefined) => ({
  orderBy: { id: "asc" as const },
  take: BATCH,
  ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
});

async function* pages<T extends { id: string }>(
  load: (cursor: string | undefined) => Promise<T[]>,
): AsyncGenerator<T[]> {
  let cursor: string | undefined;
  for (;;) {
    const rows = await load(cursor);
    if (rows.length > 0) yield rows;
    if (rows.length < BATCH) return;
    cursor = rows.at(-1)!.id;
  }
}
