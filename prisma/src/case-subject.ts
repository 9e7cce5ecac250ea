/** What of an application says whose case it is. */
export interface CaseSubjectColumns {
  citizenId: string;
  subjectUserId: string | null;
  subjectIndex: string | null;
}

export const CASE_SUBJECT_SELECT = { citizenId: true, subjectUserId: true, subjectIndex: true } as const;

/**
 * Whose data a case uses, as the access ledger and the audit log name them: the applicant; or,
 * when she acts for someone else (代办), the represented person: her account id, or, for a person
 * with no account (a child), `person:` and the blind index of her identity number (never the
 * number), which her account finds once she has one.
 */
export function caseSubjectId(app: CaseSubjectColumns): string {
  if (app.subjectUserId) return app.subjectUserId;
  if (app.subjectIndex) return personSubjectId(app.subjectIndex);
  return app.citizenId;
}

/** The ledger's name for a person known by her identity number's blind index. */
export function personSubjectId(nationalIdIndex: string): string {
  return `person:${nationalIdIndex}`;
}

/** Whether the case is about someone other than its applicant. */
export function isRepresented(app: CaseSubjectColumns): boolean {
  return app.subjectUserId !== null || app.subjectIndex !== null;
}
