import { ApplicationFailure, condition, isCancellation, proxyActivities, uuid4 } from "@temporalio/workflow";
import { type DepartmentActivities, INVALID_DEPARTMENT_DATA, RECORD_NOT_FOUND } from "./contracts/activities";
import type { FetchPolicy } from "./contracts/application";
import { fetchStepKey } from "./contracts/application";
import type { CaseActionArgs } from "./contracts/case-actions";
import {
  type AnswerCorrectionArgs,
  type Correction,
  CORRECTION_WORKING_DAYS,
  correctionProblem,
} from "./contracts/correction";
import { DEPARTMENTS, departmentTaskQueue, type DepartmentCode, isDepartmentCode } from "./contracts/departments";
import type { RecordType } from "./contracts/records";
import { RECORD_TITLES } from "./contracts/record-titles";
import { type CaseRun, event, type ExceptionState, iso, projection } from "./case-run";
import { raiseNewConflicts } from "./casework";
import { fetchFailureReason, fetchWithWaiting } from "./fetch-evidence";
import { harmonise } from "./harmonise";
import { checkText, refuse } from "./refuse";
import { addWorkingDays } from "./working-days";
import { handleAction } from "./handle-action";

// Correction at the source (see contracts/correction.ts): the department that holds a disputed
// or wrong record is asked to correct it; its officer corrects it in the department's own
// system, or refuses with a reason (the exception then goes back to a caseworker). Once
// corrected, the case fetches the record again; the exception is settled when the record now agrees.

export interface CorrectionState extends Correction {
  /** The officer's answer is being carried out (a second answer is refused meanwhile). */
  answering?: boolean;
}

/** The department's correction endpoint: retried while it fails, for up to an hour; a record it does not hold is final. */
function correctionActivities(code: DepartmentCode) {
  return proxyActivities<DepartmentActivities>({
    taskQueue: departmentTaskQueue(code),
    startToCloseTimeout: "15 seconds",
    scheduleToCloseTimeout: "1 hour",
    retry: {
      initialInterval: "1 second",
      maximumInterval: "1 minute",
      nonRetryableErrorTypes: [RECORD_NOT_FOUND, INVALID_DEPARTMENT_DATA],
    },
  });
}

const names = (c: Pick<Correction, "department" | "recordType">) => ({
  dept: DEPARTMENTS[c.department].name,
  record: RECORD_TITLES[c.recordType],
});

/** The correction as the contracts describe it, without the workflow's own bookkeeping. */
const publicCorrection = ({ answering: _, ...c }: CorrectionState): Correction => c;

function save(
  run: CaseRun,
  c: CorrectionState,
  e?: Parameters<typeof projection.recordCorrection>[0]["event"],
): Promise<void> {
  return projection.recordCorrection({ applicationId: run.applicationId, correction: publicCorrection(c), event: e });
}

/** Opens a correction task at the department holding the record; the exception waits for it. */
export async function openCorrection(
  run: CaseRun,
  x: ExceptionState,
  about: { department: DepartmentCode; recordType: RecordType; explanation: string; disputedValue?: string },
  actorId?: string,
): Promise<void> {
  const now = Date.now();
  const dueAt = addWorkingDays(now, CORRECTION_WORKING_DAYS, await run.workingCalendar());
  const c: CorrectionState = {
    id: uuid4(),
    exceptionId: x.id,
    ...about,
    status: "OPEN",
    openedAt: iso(now),
    dueAt: iso(dueAt),
  };
  run.corrections.set(c.id, c);
  x.status = "AT_DEPARTMENT";
  run.refreshSearchAttributes();
  await run.saveException(x);
  const { dept, record } = names(c);
  await save(
    run,
    c,
    event(
      { kind: "correction-requested", department: c.department, recordType: c.recordType },
      {
        en: `The ${dept.en} was asked to correct its ${record.en.toLowerCase()}.`,
        zh: `已请${dept.zh}更正${record.zh}。`,
      },
      actorId,
    ),
  );
  // The department's deadline runs with the case, and ends with it.
  void run.main
    .run(async () => {
      if (await condition(() => c.status !== "OPEN" || c.answering === true, dueAt - Date.now())) return;
      c.status = "OVERDUE";
      c.closedAt = iso(Date.now());
      await backToCaseworker(run, c);
      await save(
        run,
        c,
        event(
          { kind: "correction-overdue", department: c.department, recordType: c.recordType },
          {
            en: `The ${dept.en} did not answer the correction in time; a caseworker will decide.`,
            zh: `${dept.zh}未在期限内答复更正，工作人员将处理。`,
          },
        ),
      );
    })
    .catch((err: unknown) => {
      if (!isCancellation(err)) throw err;
    });
}

/** The exception's record and department for a caseworker's "ask the department" ruling; refuses what no department can correct. */
export function correctionTarget(
  x: ExceptionState,
  value: string | undefined,
): { department: DepartmentCode; recordType: RecordType; disputedValue?: string } {
  if (x.conflict) {
    const held = x.conflict.values.find((v) => v.value === value && isDepartmentCode(v.department) && !v.source);
    if (!held) refuse("value-not-held", "Choose the value a department holds that is wrong.");
    return { department: held.department as DepartmentCode, recordType: held.recordType, disputedValue: held.value };
  }
  if (!x.recordType || !x.departmentCode || !isDepartmentCode(x.departmentCode))
    refuse("not-correctable", "No department record to correct.", { recordType: x.recordType ?? "none" });
  return { department: x.departmentCode, recordType: x.recordType };
}

/** A caseworker rules a value wrong: the department is asked to correct it. */
export async function askDepartment(
  run: CaseRun,
  { exceptionId, resolution, actorId }: Pick<CaseActionArgs<"resolve">, "exceptionId" | "resolution" | "actorId">,
): Promise<void> {
  if (resolution.kind !== "ask-department") return;
  const x = run.exceptions.get(exceptionId)!;
  const target = correctionTarget(x, resolution.value);
  await run.saveException(x, undefined, { by: actorId, what: resolution });
  await openCorrection(run, x, { ...target, explanation: resolution.note }, actorId);
}

export function validateCorrectionAnswer(run: CaseRun, { correctionId, office, answer }: AnswerCorrectionArgs): void {
  const c = run.corrections.get(correctionId);
  if (!c) refuse("no-such-correction", "This case has no such correction.");
  // Another department's correction looks like none at all.
  if (c.department !== office) refuse("no-such-correction", "This case has no such correction.");
  if (c.status !== "OPEN" || c.answering)
    refuse(
      "correction-not-open",
      `This correction is not open (it is ${c.answering ? "being carried out" : c.status.toLowerCase()}).`,
      { status: c.answering ? "ANSWERING" : c.status },
    );
  if (answer.kind === "refuse") {
    checkText(answer.reason, "reason");
    if (!answer.reason.trim()) refuse("reason-required", "Say why the department refuses the correction.");
    return;
  }
  checkText(answer.note, "reason");
  for (const f of answer.fields) {
    checkText(f.field, "short");
    checkText(f.value, "short");
  }
  const problem = correctionProblem(c.recordType, answer.fields);
  if (problem)
    refuse(
      "correction-invalid",
      `The correction cannot be made: ${problem.problem}${problem.field ? ` (${problem.field})` : ""}.`,
      problem,
    );
}

/** The officer's answer: the record corrected at the source and fetched again, or a refusal back to a caseworker. */
export async function answerCorrection(
  run: CaseRun,
  a: AnswerCorrectionArgs,
  subjectNationalId: string,
  policy: FetchPolicy,
): Promise<void> {
  const c = run.corrections.get(a.correctionId)!;
  const { dept, record } = names(c);
  if (a.answer.kind === "refuse") {
    Object.assign(c, {
      status: "REFUSED",
      reason: a.answer.reason.trim(),
      answeredById: a.actorId,
      closedAt: iso(Date.now()),
    });
    await backToCaseworker(run, c);
    await save(
      run,
      c,
      event(
        { kind: "correction-refused", department: c.department, recordType: c.recordType, reason: c.reason! },
        {
          en: `The ${dept.en} did not correct its ${record.en.toLowerCase()}: ${c.reason}`,
          zh: `${dept.zh}未更正${record.zh}：${c.reason}`,
        },
        a.actorId,
      ),
    );
    return;
  }
  const fields = a.answer.fields.map((f) => ({ field: f.field, value: f.value.trim() }));
  const held = run.records.find((r) => r.recordType === c.recordType);
  c.answering = true;
  try {
    if (!held)
      throw ApplicationFailure.create({
        type: "CorrectionNotSaved",
        message: "The case holds no such record to correct.",
        nonRetryable: true,
      });
    await correctionActivities(c.department).correctRecord({
      correctionId: c.id,
      recordType: c.recordType,
      subjectNationalId,
      record: held,
      fields,
      note: a.answer.note.trim(),
    });
  } catch (err) {
    c.answering = false;
    if (isCancellation(err)) throw err;
    throw ApplicationFailure.create({
      type: "CorrectionNotSaved",
      message: `The ${dept.en} system did not take the correction; try again.`,
      nonRetryable: true,
    });
  }
  Object.assign(c, {
    status: "CORRECTED",
    fields,
    reason: a.answer.note.trim() || undefined,
    answeredById: a.actorId,
    closedAt: iso(Date.now()),
    answering: false,
  });
  await save(
    run,
    c,
    event(
      { kind: "record-corrected", department: c.department, recordType: c.recordType, fields },
      {
        en: `The ${dept.en} corrected its ${record.en.toLowerCase()}; we are fetching it again.`,
        zh: `${dept.zh}已更正${record.zh}，正在重新获取。`,
      },
      a.actorId,
    ),
  );
  await refetchCorrected(run, c, subjectNationalId, policy);
}

/** The corrected record fetched again: the exception is settled when it now agrees with the others. */
async function refetchCorrected(
  run: CaseRun,
  c: CorrectionState,
  subjectNationalId: string,
  policy: FetchPolicy,
): Promise<void> {
  const x = run.exceptions.get(c.exceptionId)!;
  const result = await fetchWithWaiting(
    run.applicationId,
    c.department,
    c.recordType,
    subjectNationalId,
    policy,
    projection,
  );
  if (result.kind !== "record") {
    x.status = "OPEN";
    const what = fetchFailureReason(result, c.department, c.recordType, policy);
    await run.saveException(
      x,
      event(
        { kind: "exception-refetched", settled: false },
        { en: `Asked again: ${what}`, zh: "已重新获取，问题仍未解决。" },
      ),
    );
    return;
  }
  const at = run.records.findIndex((r) => r.recordType === c.recordType);
  if (at >= 0) run.records.splice(at, 1, result.record);
  else run.records.push(result.record);
  await projection.saveEvidence({
    applicationId: run.applicationId,
    stepKey: fetchStepKey(c.recordType),
    record: result.record,
  });
  const still =
    x.conflict && harmonise(subjectNationalId, run.records).conflicts.find((k) => k.field === x.conflict!.field);
  if (still) {
    x.status = "OPEN";
    x.conflict = still;
    await run.saveException(
      x,
      event(
        { kind: "exception-refetched", settled: false },
        { en: "Asked again: The departments still disagree.", zh: "已重新获取，问题仍未解决。" },
      ),
    );
    return;
  }
  x.status = "RESOLVED";
  run.refreshSearchAttributes();
  await run.saveException(
    x,
    event(
      { kind: "exception-refetched", settled: true },
      { en: "Asked again: the department's record now settles it.", zh: "已重新获取记录，问题已解决。" },
    ),
    { by: c.answeredById ?? "department", what: { kind: "corrected-at-source", correctionId: c.id } },
  );
  await raiseNewConflicts(run, subjectNationalId);
}

/** A refused or overdue correction: the exception is a caseworker's again. */
async function backToCaseworker(run: CaseRun, c: CorrectionState): Promise<void> {
  const x = run.exceptions.get(c.exceptionId);
  if (!x || x.status !== "AT_DEPARTMENT") return;
  x.status = "OPEN";
  run.refreshSearchAttributes();
  await run.saveException(x);
}

/** The officers' answer to a correction, checked against the status table like every case action. */
export function registerCorrectionHandler(run: CaseRun, subjectNationalId: string, policy: FetchPolicy): void {
  handleAction(
    run,
    "correct",
    (a) => answerCorrection(run, a, subjectNationalId, policy),
    (a) => validateCorrectionAnswer(run, a),
  );
}
