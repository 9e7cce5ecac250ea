import {
  allHandlersFinished,
  CancellationScope,
  condition,
  isCancellation,
  patched,
  setHandler,
  upsertSearchAttributes,
} from "@temporalio/workflow";
import type { ApplicationOutcome, ApplicationWorkflowInput, FetchPolicy } from "./contracts/application";
import type { FinalStatus } from "./contracts/case-status";
import { caseSteps, fetchStepKey } from "./contracts/application";
import { CERTIFICATE_REUSE_PATCH, certificateEvidenceFor } from "./contracts/certificate-evidence";
import { getCaseQuery } from "./contracts/case";
import { handleAction } from "./handle-action";
import type { HarmonisationReport, MissingRecord } from "./contracts/harmonisation";
import type { DepartmentCode } from "./contracts/departments";
import type { RecordType } from "./contracts/records";
import { RECORD_TITLES } from "./contracts/record-titles";
import { SEARCH_ATTRIBUTE_KEYS } from "./contracts/search-attributes";
import { SERVICES, type ServiceDefinition } from "./contracts/services";
import { CaseRun, event, fetchProjection, projection, type Text } from "./case-run";
import { awaitCaseworkers, raiseConflict, raiseFetchProblem, resolveException, validateResolution } from "./casework";
import {
  decide,
  issueOutcomes,
  receiveReply,
  runDepartmentSteps,
  validateDecision,
  validateReply,
} from "./department-steps";
import {
  DEFAULT_FETCH_POLICY,
  fetchFailureDetail,
  fetchFailureReason,
  type FetchResult,
  fetchWithWaiting,
} from "./fetch-evidence";
import { describeConflict, harmonise } from "./harmonise";
import { unmetRules, withChosenValues } from "./eligibility";
import { checkText, refuse } from "./refuse";
import { CORRECTION_PATCH } from "./contracts/correction";
import { openCorrection, registerCorrectionHandler } from "./correction";
import { cstDay } from "./working-days";
import { notify } from "./notify";
import { registerReviewHandlers, reviewEligibility, reviewsSettled } from "./review";
import { PREVIEW_PATCH, previewRecords, registerPreviewHandlers } from "./preview";

/**
 * Cases started before caseworkers and department steps existed ended right after the
 * checks; their histories replay down that path. Remove with the last such case.
 */
export const CASEWORK_PATCH = "casework-and-department-steps";

/**
 * The case writes its end, and returns, only once every update handler has finished (an
 * officer's decision arriving as the case ends gets its answer and its write lands first).
 * Cases started before ended at once; they replay that way.
 */
export const HANDLERS_FINISH_PATCH = "wait-for-handlers-before-ending";

type Problem = {
  department: DepartmentCode;
  recordType: RecordType;
  result: Exclude<FetchResult, { kind: "record" }>;
  reason: string;
};

/** The exception a record that could not be fetched becomes, with what it names. */
function exceptionFor(result: Problem["result"], policy: FetchPolicy) {
  if (result.kind === "missing") return { kind: "MISSING_RECORD" } as const;
  if (result.kind === "unusable") return { kind: "UNUSABLE_RECORD", problem: result.reason } as const;
  return { kind: "DEPARTMENT_UNAVAILABLE", attempts: policy.rounds } as const;
}

const lower = <S extends string>(s: S) => s.toLowerCase() as Lowercase<S>;

/**
 * The code's definition, for cases started before definitions were pinned. Their histories were
 * made when the newborn's marriage record was required (version 3 made it optional, which
 * changes what a missing one becomes), so they read it required still.
 */
function unpinnedDefinition(code: ApplicationWorkflowInput["serviceCode"]): ServiceDefinition {
  const service = SERVICES[code];
  if (code !== "newborn-registration") return service;
  return {
    ...service,
    evidence: service.evidence.map((e) => (e.recordType === "marriage" ? { ...e, optional: false } : e)),
  };
}

/**
 * One case, from consent to documents: the records fetched in parallel from the
 * departments (only those consented to), harmonised; exceptions handed to caseworkers and
 * awaited; eligibility; the department steps as human tasks with deadlines; requests for
 * information to the citizen; the outcome documents. Cancelling or rejecting it undoes
 * what was done, newest first.
 */
export async function applicationWorkflow(input: ApplicationWorkflowInput): Promise<ApplicationOutcome> {
  const outcome = await runCase(input);
  if (patched(HANDLERS_FINISH_PATCH)) await condition(allHandlersFinished);
  return outcome;
}

async function runCase(input: ApplicationWorkflowInput): Promise<ApplicationOutcome> {
  // Pinned: the definition as it was at submission travels in the input; cases started before
  // it did carry none and read the code's (what they always did, so their histories replay).
  const service: ServiceDefinition = input.service ?? unpinnedDefinition(input.serviceCode);
  const policy = input.fetchPolicy ?? DEFAULT_FETCH_POLICY;
  const run = new CaseRun(input.applicationId);
  registerHandlers(run, service);
  registerCorrectionHandler(run, input.subjectNationalId, policy);
  const consented = service.evidence.filter((e) => !input.consent || input.consent.includes(e.recordType));
  for (const e of consented) run.pending.add(fetchStepKey(e.recordType));
  registerPreviewHandlers(run, consented);
  upsertSearchAttributes([
    { key: SEARCH_ATTRIBUTE_KEYS.serviceCode, value: service.code },
    { key: SEARCH_ATTRIBUTE_KEYS.status, value: run.status },
  ]);

  try {
    return await run.main.run(async () => {
      const collected = await collectRecords(run, input, service, consented, policy);
      if (!patched(CASEWORK_PATCH))
        return finishWithoutCasework(run, input, service, collected.problems, collected.report);
      // The citizen sees what was retrieved, and may withdraw what the service can do without, before anyone acts on it.
      const { problems, report } = patched(PREVIEW_PATCH)
        ? await previewRecords(run, input.subjectNationalId, collected.problems)
        : collected;

      for (const p of problems)
        await raiseFetchProblem(run, exceptionFor(p.result, policy), p.department, p.recordType, p.reason);
      for (const e of service.evidence.filter((x) => !consented.includes(x))) {
        await raiseFetchProblem(
          run,
          { kind: "NO_CONSENT" },
          e.department,
          e.recordType,
          `The citizen did not consent to sharing the ${e.recordType} record.`,
        );
      }
      for (const conflict of report.conflicts) await raiseConflict(run, conflict);
      await awaitCaseworkers(run, input.subjectNationalId, policy);
      await reviewsSettled(run);

      const checked = withChosenValues(run.records, [...run.exceptions.values()]);
      const unmet = unmetRules(service.eligibility, checked, cstDay(Date.now()));
      if (unmet.length > 0) {
        const reviewed = await reviewEligibility(run, service, unmet, checked);
        if (!reviewed.overturned) return await finish(run, "REJECTED", reviewed.reasons, reviewed.actorId);
      }
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
  handleAction(
    run,
    "decide",
    (a) =>
      decide(
        run,
        service,
        service.steps.find((s) => s.key === a.stepKey)!,
        a,
      ),
    (a) => validateDecision(run, service, a),
  );
  handleAction(
    run,
    "resolve",
    (a) => resolveException(run, service, a),
    (a) => validateResolution(run, a),
  );
  registerReviewHandlers(run);
  handleAction(
    run,
    "reply",
    (a) => receiveReply(run, a),
    (a) => validateReply(run, a),
  );
  handleAction(
    run,
    "dispute",
    async (a) => {
      const evidence = service.evidence.find((e) => e.recordType === a.recordType)!;
      const x = await run.raise(
        {
          kind: "CITIZEN_DISPUTE",
          departmentCode: evidence.department,
          recordType: a.recordType,
          summary: `The citizen says the ${a.recordType} record is wrong: ${a.explanation}`,
          detail: { kind: "CITIZEN_DISPUTE", explanation: a.explanation },
          // Before the departments start, a dispute holds the case; after, it runs beside it.
          blocking: run.status !== "IN_DEPARTMENTS",
        },
        event(
          { kind: "record-disputed", recordType: a.recordType },
          {
            en: `You reported the ${a.recordType} record as wrong; a caseworker will check it.`,
            zh: `您已反映${RECORD_TITLES[a.recordType].zh}有误，工作人员将核实。`,
          },
          a.actorId,
        ),
      );
      // The department that holds the record is asked to correct it at the source.
      if (patched(CORRECTION_PATCH))
        await openCorrection(
          run,
          x,
          { department: evidence.department, recordType: a.recordType, explanation: a.explanation },
          a.actorId,
        );
    },
    (a) => {
      // Bounded before it is named back in a refusal.
      checkText(a.recordType, "short");
      checkText(a.explanation, "reason");
      if (!run.records.some((r) => r.recordType === a.recordType))
        refuse("no-record-to-dispute", `This case holds no ${a.recordType} record to dispute.`, {
          recordType: a.recordType,
        });
      if (!a.explanation.trim()) refuse("explanation-required", "Say what is wrong with the record.");
    },
  );
  handleAction(
    run,
    "cancel",
    async (a) =>
      run.close(
        "CANCELLED",
        [
          a.reason.trim()
            ? { en: a.reason.trim(), zh: a.reason.trim() }
            : { en: "Cancelled by the citizen.", zh: "申请人撤回申请。" },
        ],
        a.actorId,
      ),
    (a) => checkText(a.reason, "reason"),
  );
}

/**
 * The record taken from the citizen's valid e-certificate of an earlier case, where the service
 * may take it from one (CERTIFICATE_EVIDENCE); null to fetch it from the department as before.
 */
async function fromCertificate(
  applicationId: string,
  service: ServiceDefinition,
  recordType: RecordType,
): Promise<FetchResult | null> {
  if (!certificateEvidenceFor(service.code, recordType) || !patched(CERTIFICATE_REUSE_PATCH)) return null;
  const record = await fetchProjection.findCertificateEvidence({ applicationId, recordType });
  return record ? { kind: "record", record } : null;
}

/** Fetches every consented record in parallel and harmonises them; what could not be fetched comes back as problems. */
async function collectRecords(
  run: CaseRun,
  input: ApplicationWorkflowInput,
  service: ServiceDefinition,
  consented: ServiceDefinition["evidence"],
  policy: FetchPolicy,
) {
  const steps = caseSteps(
    service,
    consented.map((e) => e.recordType),
  );
  // Writing the step list runs beside the fetches, not before them: the projection's
  // writes are order-independent, and the citizen should not wait on our own bookkeeping.
  const begun = fetchProjection.beginApplication({ applicationId: input.applicationId, steps });
  const problems: Problem[] = [];
  await Promise.all(
    consented.map(async ({ department, recordType, optional }) => {
      const stepKey = fetchStepKey(recordType);
      const result =
        (await fromCertificate(input.applicationId, service, recordType)) ??
        (await fetchWithWaiting(input.applicationId, department, recordType, input.subjectNationalId, policy));
      run.pending.delete(stepKey);
      if (result.kind === "record") {
        await fetchProjection.saveEvidence({ applicationId: input.applicationId, stepKey, record: result.record });
        run.records.push(result.record);
        return;
      }
      if (result.kind === "missing" && optional) {
        await fetchProjection.failStep({
          applicationId: input.applicationId,
          stepKey,
          reason: "None on record.",
          words: { kind: "none-on-record" },
          done: true,
        });
        return;
      }
      const reason = fetchFailureReason(result, department, recordType, policy);
      problems.push({ department, recordType, result, reason });
      await fetchProjection.failStep({
        applicationId: input.applicationId,
        stepKey,
        reason,
        words: fetchFailureDetail(result, department, recordType, policy),
      });
    }),
  );
  await begun;
  if (problems.length === 0) {
    await fetchProjection.markRecordsReady({ applicationId: input.applicationId });
    run.status = "RECORDS_READY";
  }
  const missing: MissingRecord[] = problems
    .filter((p) => p.result.kind === "missing")
    .map(({ recordType, department }) => ({ recordType, department }));
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
  // What the handlers admitted before is written first (an approval's own write must not land
  // after the case's last one, which would leave its step shown as cancelled).
  if (patched(HANDLERS_FINISH_PATCH)) await condition(allHandlersFinished);
  // The decisions' messages go first: the citizen hears of the last approval before the completion.
  await run.sent();
  const ended = event(
    status === "COMPLETED" ? { kind: "case-completed" } : { kind: `case-${lower(status)}`, reasons: why },
    words[status],
    actorId,
  );
  await projection.finishApplication({
    applicationId: run.applicationId,
    status,
    reasons,
    reasonsZh: why.map((r) => r.zh),
    event: ended,
  });
  run.refreshSearchAttributes();
  if (status === "COMPLETED" || status === "REJECTED")
    await notify(run.applicationId, ended, status === "COMPLETED" ? "case-completed" : "case-rejected", {}, [
      { citizen: true },
    ]);
  const report = [...run.exceptions.values()];
  return {
    status,
    reasons: [...reasons].sort(),
    conflicts: report.flatMap((x) => (x.conflict ? [x.conflict] : [])),
    missing: report.flatMap((x) =>
      x.kind === "MISSING_RECORD" && x.departmentCode && x.recordType
        ? [{ recordType: x.recordType, department: x.departmentCode as DepartmentCode }]
        : [],
    ),
  };
}

/** The path of cases started before the casework patch: any problem ends the case. */
async function finishWithoutCasework(
  run: CaseRun,
  input: ApplicationWorkflowInput,
  service: ServiceDefinition,
  problems: Problem[],
  report: HarmonisationReport,
): Promise<ApplicationOutcome> {
  const reasons = [...problems.map((p) => p.reason), ...report.conflicts.map(describeConflict)];
  if (reasons.length === 0)
    reasons.push(...unmetRules(service.eligibility, run.records, cstDay(Date.now())).map((rule) => rule.message.en));
  const status = reasons.length === 0 ? "COMPLETED" : "FAILED";
  reasons.sort();
  await fetchProjection.finishApplication({ applicationId: input.applicationId, status, reasons });
  upsertSearchAttributes([{ key: SEARCH_ATTRIBUTE_KEYS.status, value: status }]);
  return { status, reasons, conflicts: report.conflicts, missing: report.missing };
}
