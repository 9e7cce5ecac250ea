import { CancellationScope, isCancellation, patched, setHandler, upsertSearchAttributes } from "@temporalio/workflow";
import type { ApplicationOutcome, ApplicationWorkflowInput, FetchPolicy, FinalStatus } from "./contracts/application";
import { caseSteps, fetchStepKey, SEARCH_ATTRIBUTES } from "./contracts/application";
import { cancelUpdate, decideStepUpdate, disputeRecordUpdate, getCaseQuery, replyToRequestUpdate, resolveExceptionUpdate } from "./contracts/case";
import type { HarmonisationReport, MissingRecord } from "./contracts/harmonisation";
import type { DepartmentCode } from "./contracts/departments";
import type { RecordType } from "./contracts/records";
import { RECORD_TITLES } from "./contracts/record-titles";
import { SERVICES, type ServiceDefinition } from "./contracts/services";
import { CaseRun, event, fetchProjection, projection, type Text } from "./case-run";
import { awaitCaseworkers, raiseConflict, raiseFetchProblem, resolveException, validateResolution } from "./casework";
import { decide, issueOutcomes, receiveReply, runDepartmentSteps, validateDecision, validateReply } from "./department-steps";
import { DEFAULT_FETCH_POLICY, fetchFailureReason, type FetchResult, fetchWithWaiting } from "./fetch-evidence";
import { describeConflict, harmonise } from "./harmonise";
import { unmetRules, withChosenValues } from "./eligibility";
import { checkText, refuse } from "./refuse";
import { cstDay } from "./working-days";


/**
 * Cases started before caseworkers and department steps existed ended right after the
 * checks; their histories replay down that path. Remove with the last such case.
 */
export const CASEWORK_PATCH = "casework-and-department-steps";

type Problem = { department: DepartmentCode; recordType: RecordType; result: Exclude<FetchResult, { kind: "record" }>; reason: string };

/** The exception a record that could not be fetched becomes. */
const EXCEPTION_FOR = { missing: "MISSING_RECORD", unusable: "UNUSABLE_RECORD", unavailable: "DEPARTMENT_UNAVAILABLE" } as const;

/**
 * One case, from consent to documents: the records fetched in parallel from the
 * departments (only those consented to), harmonised; exceptions handed to caseworkers and
 * awaited; eligibility; the department steps as human tasks with deadlines; requests for
 * information to the citizen; the outcome documents. Cancelling or rejecting it undoes
 * what was done, newest first.
 */
export async function applicationWorkflow(input: ApplicationWorkflowInput): Promise<ApplicationOutcome> {
  const service: ServiceDefinition = SERVICES[input.serviceCode];
  const policy = input.fetchPolicy ?? DEFAULT_FETCH_POLICY;
  const run = new CaseRun(input.applicationId);
  registerHandlers(run, service);
  const consented = service.evidence.filter((e) => !input.consent || input.consent.includes(e.recordType));
  for (const e of consented) run.pending.add(fetchStepKey(e.recordType));
  upsertSearchAttributes({
    [SEARCH_ATTRIBUTES.serviceCode.name]: [service.code],
    [SEARCH_ATTRIBUTES.status.name]: [run.status],
  });

  try {
    return await run.main.run(async () => {
      const { problems, report } = await collectRecords(run, input, service, consented, policy);
      if (!patched(CASEWORK_PATCH)) return finishWithoutCasework(run, input, service, problems, report);

      for (const p of problems) await raiseFetchProblem(run, EXCEPTION_FOR[p.result.kind], p.department, p.recordType, p.reason);
      for (const e of service.evidence.filter((x) => !consented.includes(x))) {
        await raiseFetchProblem(run, "NO_CONSENT", e.department, e.recordType, `The citizen did not consent to sharing the ${e.recordType} record.`);
      }
      for (const conflict of report.conflicts) await raiseConflict(run, conflict);
      await awaitCaseworkers(run, input.subjectNationalId, policy);

      const unmet = unmetRules(service.eligibility, withChosenValues(run.records, [...run.exceptions.values()]), cstDay(Date.now()));
      if (unmet.length > 0) return await finish(run, "REJECTED", unmet.map((r) => r.message));
      await runDepartmentSteps(run, service);
      await issueOutcomes(run, service);
      return await finish(run, "COMPLETED", []);
    });
  } catch (err) {
    if (!run.closing || !isCancellation(err)) throw err;
    const { status, reasons, actorId } = run.closing;
    return await CancellationScope.nonCancellable(async () => {
      for (const undo of run.compensations.reverse()) await undo();
      return finish(run, status, reasons, actorId);
    });
  }
}

function registerHandlers(run: CaseRun, service: ServiceDefinition): void {
  setHandler(getCaseQuery, () => run.view());
  setHandler(decideStepUpdate, (a) => run.once(a.requestId, () => decide(run, service.steps.find((s) => s.key === a.stepKey)!, a)), {
    validator: (a) => void (run.checkAllowed("decideStep", a.requestId) && validateDecision(run, a)),
  });
  setHandler(resolveExceptionUpdate, (a) => run.once(a.requestId, () => resolveException(run, a)), {
    validator: (a) => void (run.checkAllowed("resolveException", a.requestId) && validateResolution(run, a)),
  });
  setHandler(replyToRequestUpdate, (a) => run.once(a.requestId, () => receiveReply(run, a)), {
    validator: (a) => void (run.checkAllowed("replyToRequest", a.requestId) && validateReply(run, a)),
  });
  setHandler(
    disputeRecordUpdate,
    (a) =>
      run.once(a.requestId, async () => {
        const evidence = service.evidence.find((e) => e.recordType === a.recordType)!;
        await run.raise(
          {
            kind: "CITIZEN_DISPUTE",
            departmentCode: evidence.department,
            recordType: a.recordType,
            summary: `The citizen says the ${a.recordType} record is wrong: ${a.explanation}`,
            // Before the departments start, a dispute holds the case; after, it runs beside it.
            blocking: run.status !== "IN_DEPARTMENTS",
          },
          event("record-disputed", { en: `You reported the ${a.recordType} record as wrong; a caseworker will check it.`, zh: `您已反映${RECORD_TITLES[a.recordType].zh}有误，工作人员将核实。` }, a.actorId),
        );
      }),
    {
      validator: (a) => {
        if (!run.checkAllowed("disputeRecord", a.requestId)) return;
        // Bounded before it is named back in a refusal.
        checkText(a.recordType, "short");
        checkText(a.explanation, "reason");
        if (!run.records.some((r) => r.recordType === a.recordType)) refuse("no-record-to-dispute", `This case holds no ${a.recordType} record to dispute.`, { recordType: a.recordType });
        if (!a.explanation.trim()) refuse("explanation-required", "Say what is wrong with the record.");
      },
    },
  );
  setHandler(cancelUpdate, (a) => run.once(a.requestId, async () => run.close("CANCELLED", [a.reason.trim() ? { en: a.reason.trim(), zh: a.reason.trim() } : { en: "Cancelled by the citizen.", zh: "申请人撤回申请。" }], a.actorId)), {
    validator: (a) => void (run.checkAllowed("cancel", a.requestId) && checkText(a.reason, "reason")),
  });
}

/** Fetches every consented record in parallel and harmonises them; what could not be fetched comes back as problems. */
async function collectRecords(run: CaseRun, input: ApplicationWorkflowInput, service: ServiceDefinition, consented: ServiceDefinition["evidence"], policy: FetchPolicy) {
  const steps = caseSteps(service, consented.map((e) => e.recordType));
  // Writing the step list runs beside the fetches, not before them: the projection's
  // writes are order-independent, and the citizen should not wait on our own bookkeeping.
  const begun = fetchProjection.beginApplication({ applicationId: input.applicationId, steps });
  const problems: Problem[] = [];
  await Promise.all(
    consented.map(async ({ department, recordType, optional }) => {
      const stepKey = fetchStepKey(recordType);
      const result = await fetchWithWaiting(input.applicationId, department, recordType, input.subjectNationalId, policy);
      run.pending.delete(stepKey);
      if (result.kind === "record") {
        await fetchProjection.saveEvidence({ applicationId: input.applicationId, stepKey, record: result.record });
        run.records.push(result.record);
        return;
      }
      if (result.kind === "missing" && optional) {
        await fetchProjection.failStep({ applicationId: input.applicationId, stepKey, reason: "None on record.", done: true });
        return;
      }
      const reason = fetchFailureReason(result, department, recordType, policy);
      problems.push({ department, recordType, result, reason });
      await fetchProjection.failStep({ applicationId: input.applicationId, stepKey, reason });
    }),
  );
  await begun;
  if (problems.length === 0) {
    await fetchProjection.markRecordsReady({ applicationId: input.applicationId });
    run.status = "RECORDS_READY";
  }
  const missing: MissingRecord[] = problems.filter((p) => p.result.kind === "missing").map(({ recordType, department }) => ({ recordType, department }));
  const report: HarmonisationReport = harmonise(input.subjectNationalId, run.records, missing);
  return { problems, report };
}

/** Ends the case: the reasons in both languages for its history, in English for the record. */
async function finish(run: CaseRun, status: FinalStatus, why: Text[], actorId?: string): Promise<ApplicationOutcome> {
  const reasons = why.map((r) => r.en);
  const zh = why.map((r) => r.zh).join("");
  const words: Record<FinalStatus, Text> = {
    COMPLETED: { en: "Your application is complete: your documents are ready.", zh: "申请已办结，证照已出具。" },
    REJECTED: { en: `Your application was not approved: ${reasons.join(" ")}`, zh: `申请未获批准：${zh}` },
    CANCELLED: { en: "Your application was cancelled.", zh: "申请已撤回。" },
    FAILED: { en: `Your application could not be completed: ${reasons.join(" ")}`, zh: `申请未能办结：${zh}` },
  };
  // Final from here on: the status table takes no more actions (no cancel racing the last write).
  run.status = status;
  await projection.finishApplication({ applicationId: run.applicationId, status, reasons, reasonsZh: why.map((r) => r.zh), event: event(`case-${status.toLowerCase()}`, words[status], actorId) });
  run.refreshSearchAttributes();
  const report = [...run.exceptions.values()];
  return {
    status,
    reasons: [...reasons].sort(),
    conflicts: report.flatMap((x) => (x.conflict ? [x.conflict] : [])),
    missing: report.flatMap((x) => (x.kind === "MISSING_RECORD" && x.departmentCode && x.recordType ? [{ recordType: x.recordType, department: x.departmentCode as DepartmentCode }] : [])),
  };
}

/** The path of cases started before the casework patch: any problem ends the case. */
async function finishWithoutCasework(run: CaseRun, input: ApplicationWorkflowInput, service: ServiceDefinition, problems: Problem[], report: HarmonisationReport): Promise<ApplicationOutcome> {
  const reasons = [...problems.map((p) => p.reason), ...report.conflicts.map(describeConflict)];
  if (reasons.length === 0) reasons.push(...unmetRules(service.eligibility, run.records, cstDay(Date.now())).map((rule) => rule.message.en));
  const status = reasons.length === 0 ? "COMPLETED" : "FAILED";
  reasons.sort();
  await fetchProjection.finishApplication({ applicationId: input.applicationId, status, reasons });
  upsertSearchAttributes({ [SEARCH_ATTRIBUTES.status.name]: [status] });
  return { status, reasons, conflicts: report.conflicts, missing: report.missing };
}
