import { condition } from "@temporalio/workflow";
import type { FetchPolicy } from "./contracts/application";
import type { ExceptionDetail } from "./contracts/case-words";
import { RESOLUTIONS_BY_KIND } from "./contracts/case";
import type { CaseActionArgs } from "./contracts/case-actions";
import { DEPARTMENTS, type DepartmentCode, isDepartmentCode } from "./contracts/departments";
import type { Conflict } from "./contracts/harmonisation";
import type { RecordType } from "./contracts/records";
import { type CaseRun, event, type ExceptionState, projection } from "./case-run";
import { fetchStepKey } from "./contracts/application";
import { fetchFailureReason, fetchWithWaiting } from "./fetch-evidence";
import { RECORD_TITLES } from "./contracts/record-titles";
import { describeConflict, FIELD_WORDS, harmonise } from "./harmonise";
import { checkText, refuse } from "./refuse";
import { reviewCaseworkRefusal } from "./review";
import type { ServiceDefinition } from "./contracts/services";
import { askDepartment, correctionTarget } from "./correction";

// Exceptions: what the records could not settle goes to a caseworker, and the case waits
// for every blocking one to be resolved before any department step starts.

/** How often a caseworker may ask a department again for the same exception. */
export const MAX_REFETCHES = 3;

const conflictKey = (c: Conflict) => c.field;

export async function raiseConflict(run: CaseRun, conflict: Conflict): Promise<void> {
  const summary = describeConflict(conflict);
  await run.raise(
    { kind: "CONFLICT", departmentCode: null, conflict, summary, detail: { kind: "CONFLICT" }, blocking: true },
    event(
      { kind: "exception-raised", exception: "CONFLICT", field: conflict.field },
      {
        en: `A caseworker will check this: ${summary}`,
        zh: `工作人员将核实：各部门关于${FIELD_WORDS[conflict.field].zh}的记录不一致。`,
      },
    ),
  );
}

export async function raiseFetchProblem(
  run: CaseRun,
  detail: Extract<
    ExceptionDetail,
    { kind: "MISSING_RECORD" | "UNUSABLE_RECORD" | "DEPARTMENT_UNAVAILABLE" | "NO_CONSENT" }
  >,
  department: DepartmentCode,
  recordType: RecordType,
  summary: string,
): Promise<void> {
  const kind = detail.kind;
  await run.raise(
    { kind, departmentCode: department, recordType, summary, detail, blocking: true },
    event(
      { kind: "exception-raised", exception: kind, department, recordType },
      {
        en: `A caseworker will check this: ${summary}`,
        zh:
          kind === "NO_CONSENT"
            ? `工作人员将核实：申请人未授权共享${RECORD_TITLES[recordType].zh}。`
            : `工作人员将核实：未能从${DEPARTMENTS[department].name.zh}获取${RECORD_TITLES[recordType].zh}。`,
      },
    ),
  );
}

export function validateResolution(run: CaseRun, { exceptionId, resolution }: CaseActionArgs<"resolve">): void {
  const x = run.exceptions.get(exceptionId);
  if (!x) refuse("no-such-exception", "This case has no such exception.");
  if (x.status !== "OPEN")
    refuse(
      "exception-not-open",
      `This exception is not open for a resolution (it is ${x.status.toLowerCase().replace("_", " ")}).`,
      { status: x.status },
    );
  if (!RESOLUTIONS_BY_KIND[x.kind].includes(resolution.kind)) {
    refuse(
      "resolution-does-not-fit",
      `A ${x.kind.toLowerCase().replaceAll("_", " ")} cannot be resolved by "${resolution.kind}".`,
      { kind: x.kind, resolution: resolution.kind },
    );
  }
  if (resolution.kind === "choose-value" && !x.conflict?.values.some((v) => v.value === resolution.value)) {
    refuse("value-not-held", "The chosen value must be one of the values the departments hold.");
  }
  if (resolution.kind === "refetch" && !x.recordType && !x.conflict)
    refuse("nothing-to-refetch", "There is no record to fetch again.");
  if (resolution.kind === "refetch" && x.refetches >= MAX_REFETCHES)
    refuse(
      "refetches-used-up",
      `The department has been asked ${MAX_REFETCHES} times already; choose another resolution.`,
      { max: MAX_REFETCHES },
    );
  if (resolution.kind === "choose-value") checkText(resolution.value, "short");
  if (resolution.kind === "ask-department") {
    if (resolution.value !== undefined) checkText(resolution.value, "short");
    correctionTarget(x, resolution.value);
  }
  const text =
    "justification" in resolution
      ? resolution.justification
      : "reason" in resolution
        ? resolution.reason
        : "question" in resolution
          ? resolution.question
          : "note" in resolution
            ? resolution.note
            : "-";
  checkText(text, "reason");
  if (!text.trim())
    refuse("justification-required", "Say why: a resolution needs a justification, reason, question or note.");
}

export async function resolveException(
  run: CaseRun,
  service: ServiceDefinition,
  { exceptionId, resolution, actorId }: CaseActionArgs<"resolve">,
): Promise<void> {
  const x = run.exceptions.get(exceptionId)!;
  switch (resolution.kind) {
    case "choose-value":
    case "accept":
    case "escalate": {
      x.status = "RESOLVED";
      if (resolution.kind === "choose-value") x.chosenValue = resolution.value;
      run.refreshSearchAttributes();
      const words =
        resolution.kind === "choose-value"
          ? `"${resolution.value}" is authoritative`
          : resolution.kind === "accept"
            ? "accepted as it is"
            : "escalated to the department's head office";
      const why = resolution.kind === "escalate" ? resolution.note : resolution.justification;
      const chosen =
        resolution.kind === "choose-value" ? x.conflict?.values.find((v) => v.value === resolution.value) : undefined;
      const said = {
        kind: "exception-resolved",
        resolution: resolution.kind,
        why,
        ...(chosen ? { value: chosen.value, meaning: chosen.meaning } : {}),
      } as const;
      await run.saveException(
        x,
        event(
          said,
          { en: `A caseworker resolved "${x.summary}": ${words} (${why}).`, zh: `工作人员已处理：${why}` },
          actorId,
        ),
        { by: actorId, what: resolution },
      );
      return;
    }
    case "refetch":
      x.status = "REFETCHING";
      x.refetches++;
      await run.saveException(
        x,
        event(
          { kind: "exception-refetch" },
          { en: "A caseworker asked the department for the record again.", zh: "工作人员已请部门重新提供记录。" },
          actorId,
        ),
        { by: actorId, what: resolution },
      );
      return;
    case "ask-citizen":
      x.status = "WAITING_CITIZEN";
      await run.saveException(x, undefined, { by: actorId, what: resolution });
      await run.askCitizen(resolution.question, actorId, { exceptionId });
      return;
    case "ask-department":
      await askDepartment(run, { exceptionId, resolution, actorId });
      return;
    case "reject":
      x.status = "RESOLVED";
      await run.saveException(
        x,
        event(
          { kind: "exception-rejected", reason: resolution.reason },
          {
            en: `A caseworker rejected the application: ${resolution.reason}`,
            zh: `工作人员驳回了申请：${resolution.reason}`,
          },
          actorId,
        ),
        { by: actorId, what: resolution },
      );
      if (!reviewCaseworkRefusal(run, service, x, resolution.reason, actorId))
        run.close("REJECTED", [{ en: resolution.reason, zh: resolution.reason }], actorId);
      return;
  }
}

/** The citizen answered a caseworker: the exception is theirs to resolve again, with the reply. */
export async function replyReachedCaseworker(run: CaseRun, exceptionId: string, reply: string): Promise<void> {
  const x = run.exceptions.get(exceptionId);
  if (!x || x.status !== "WAITING_CITIZEN") return;
  x.status = "OPEN";
  x.reply = reply;
  await run.saveException(x);
}

/**
 * Waits until no blocking exception is open. Refetches happen here, in the case's main
 * scope: a department asked again may still disagree, in which case the exception reopens.
 */
export async function awaitCaseworkers(run: CaseRun, subjectNationalId: string, policy: FetchPolicy): Promise<void> {
  while (run.blockingOpen().length > 0) {
    if (run.status !== "AWAITING_CASEWORKER") {
      await run.setStatus(
        "AWAITING_CASEWORKER",
        event(
          { kind: "awaiting-caseworker" },
          { en: "A caseworker is checking your records.", zh: "工作人员正在核实您的记录。" },
        ),
      );
    }
    await condition(() => run.blockingOpen().length === 0 || run.blockingOpen().some((x) => x.status === "REFETCHING"));
    for (const x of run.blockingOpen().filter((e) => e.status === "REFETCHING"))
      await refetch(run, x, subjectNationalId, policy);
  }
}

async function refetch(run: CaseRun, x: ExceptionState, subjectNationalId: string, policy: FetchPolicy): Promise<void> {
  const sources = new Map<RecordType, DepartmentCode>();
  if (x.conflict) {
    // A value read from the identity number or the application is no record to ask for again.
    for (const v of x.conflict.values)
      if (isDepartmentCode(v.department) && !v.source) sources.set(v.recordType, v.department);
  } else {
    sources.set(x.recordType!, x.departmentCode as DepartmentCode);
  }
  const failures: string[] = [];
  for (const [recordType, department] of sources) {
    const result = await fetchWithWaiting(
      run.applicationId,
      department,
      recordType,
      subjectNationalId,
      policy,
      projection,
    );
    if (result.kind !== "record") {
      failures.push(fetchFailureReason(result, department, recordType, policy));
      continue;
    }
    const at = run.records.findIndex((r) => r.recordType === recordType);
    if (at >= 0) run.records.splice(at, 1, result.record);
    else run.records.push(result.record);
    await projection.saveEvidence({
      applicationId: run.applicationId,
      stepKey: fetchStepKey(recordType),
      record: result.record,
    });
  }
  const stillConflicting =
    x.conflict &&
    harmonise(subjectNationalId, run.records).conflicts.find((c) => conflictKey(c) === conflictKey(x.conflict!));
  if (failures.length > 0 || stillConflicting) {
    x.status = "OPEN";
    if (stillConflicting) x.conflict = stillConflicting;
    const what = failures.join(" ") || "The departments still disagree.";
    await run.saveException(
      x,
      event(
        { kind: "exception-refetched", settled: false },
        { en: `Asked again: ${what}`, zh: "已重新获取，问题仍未解决。" },
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
  );
  await raiseNewConflicts(run, subjectNationalId);
}

/** A record that arrives late may disagree with the others: each new disagreement is an exception of its own. */
export async function raiseNewConflicts(run: CaseRun, subjectNationalId: string): Promise<void> {
  const known = new Set([...run.exceptions.values()].flatMap((x) => (x.conflict ? [conflictKey(x.conflict)] : [])));
  for (const c of harmonise(subjectNationalId, run.records).conflicts)
    if (!known.has(conflictKey(c))) await raiseConflict(run, c);
}
