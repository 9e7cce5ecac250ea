import { condition, patched, uuid4 } from "@temporalio/workflow";
import type { CaseActionArgs } from "./contracts/case-actions";
import { officeName } from "./contracts/departments";
import type { DepartmentStep, ServiceDefinition } from "./contracts/services";
import { type CaseRun, event, iso, projection, type TaskState } from "./case-run";
import { replyReachedCaseworker } from "./casework";
import { checkText, refuse } from "./refuse";
import { addWorkingDays, cstDay } from "./working-days";
import { basisProblem } from "./contracts/refusal-explanation";
import { holdStepRefusal, reviewsSettled, reviewStepRefusal } from "./review";
import { ANSWER_BEFORE_NOTIFY_PATCH, DEADLINE_REMINDERS_PATCH, notify, STEP_DUE_SOON_MS } from "./notify";

// Department steps as human tasks: each starts when the steps it follows are approved,
// waits for its office's decision, reminds the office when the deadline passes and hands
// the case to a caseworker when it is still undecided after the escalation period.

/** Corrections one step may ask of the citizen; then the office must approve or reject. */
export const MAX_CORRECTIONS = 5;

const TASK_WORDS: Record<TaskState["status"], string> = {
  WAITING: "waiting for earlier steps",
  AWAITING_DECISION: "awaiting a decision",
  AWAITING_CITIZEN: "waiting for the citizen's correction",
  APPROVED: "already approved",
  REJECTED: "already rejected",
  REVOKED: "revoked",
  CANCELLED: "cancelled",
};

export function validateDecision(
  run: CaseRun,
  service: ServiceDefinition,
  { stepKey, office, decision, reason, basis }: CaseActionArgs<"decide">,
): void {
  checkText(stepKey, "short");
  checkText(reason, "reason");
  const task = run.tasks.get(stepKey);
  if (!task) refuse("no-such-step", `This case has no step "${stepKey}".`, { stepKey });
  if (task.office !== office) {
    refuse(
      "wrong-office",
      `Step "${stepKey}" is decided by the ${officeName(task.office).en}, not the ${officeName(office).en}.`,
      { stepKey, office: task.office },
    );
  }
  if (task.status !== "AWAITING_DECISION")
    refuse("step-not-awaiting", `Step "${stepKey}" is not awaiting a decision: it is ${TASK_WORDS[task.status]}.`, {
      stepKey,
      taskStatus: task.status,
    });
  if (decision !== "approve" && !reason.trim())
    refuse("reason-required", "A rejection or a request for correction needs a reason the citizen can act on.");
  const step = service.steps.find((s) => s.key === stepKey)!;
  if (basis && basisProblem(service, step, basis)) refuse("basis-does-not-fit", basisProblem(service, step, basis)!);
  if (decision === "request-correction" && task.corrections >= MAX_CORRECTIONS) {
    refuse(
      "corrections-used-up",
      `Step "${stepKey}" has asked for ${MAX_CORRECTIONS} corrections already: approve or reject it.`,
      { stepKey, max: MAX_CORRECTIONS },
    );
  }
}

export async function decide(
  run: CaseRun,
  service: ServiceDefinition,
  step: DepartmentStep,
  args: CaseActionArgs<"decide">,
): Promise<void> {
  const { stepKey, office, decision, reason, actorId } = args;
  const task = run.tasks.get(stepKey)!;
  const name = officeName(office);
  const record = async (status: TaskState["status"], en: string, zh: string) => {
    const e = event({ kind: `step-${decision}`, stepKey, office, reason }, { en, zh }, actorId);
    await projection.recordTask({
      applicationId: run.applicationId,
      stepKey,
      office,
      status,
      decidedById: actorId,
      reason,
      event: e,
    });
    // A request for correction is told as the question it asks (askCitizen).
    if (status === "AWAITING_CITIZEN") return;
    const answerFirst = patched(ANSWER_BEFORE_NOTIFY_PATCH);
    const kind = status === "APPROVED" ? "step-approved" : "step-rejected";
    const told = notify(run.applicationId, e, kind, { stepKey, office }, [{ citizen: true }]);
    if (answerFirst) run.sendLater(told);
    else await told;
  };
  if (decision === "approve") {
    task.status = "APPROVED";
    // Registered before anything awaits: a cancellation arriving meanwhile still undoes it.
    run.compensations.push(() =>
      projection.recordTask({
        applicationId: run.applicationId,
        stepKey,
        office,
        status: "REVOKED",
        event: event(
          { kind: "step-revoked", stepKey, office },
          {
            en: `${step.title.en}: reversed because the application was closed.`,
            zh: `${step.title.zh}：因申请终止已撤销。`,
          },
        ),
      }),
    );
    run.refreshSearchAttributes();
    await record("APPROVED", `${step.title.en}: approved by the ${name.en}.`, `${step.title.zh}：${name.zh}已办结。`);
  } else if (decision === "reject") {
    task.status = "REJECTED";
    const held = holdStepRefusal(run, service, step, args);
    await record(
      "REJECTED",
      `${step.title.en}: rejected by the ${name.en}: ${reason}`,
      `${step.title.zh}：${name.zh}不予办理：${reason}`,
    );
    if (!held)
      run.close("REJECTED", [{ en: `${step.title.en}: ${reason}`, zh: `${step.title.zh}：${reason}` }], actorId);
  } else {
    task.status = "AWAITING_CITIZEN";
    task.corrections++;
    run.refreshSearchAttributes();
    await record(
      "AWAITING_CITIZEN",
      `${step.title.en}: the ${name.en} asks for a correction.`,
      `${step.title.zh}：${name.zh}要求补正。`,
    );
    await run.askCitizen(reason, actorId, { stepKey });
  }
}

/** The citizen answered: a correction goes back to the office, an answer to a caseworker back to them. */
export async function receiveReply(
  run: CaseRun,
  { informationRequestId, reply, actorId }: CaseActionArgs<"reply">,
): Promise<void> {
  const request = run.requests.get(informationRequestId)!;
  request.status = "ANSWERED";
  run.refreshSearchAttributes();
  const answered = event(
    { kind: "information-provided" },
    { en: "You answered the request for information.", zh: "您已补充信息。" },
    actorId,
  );
  await projection.recordInformationRequest({
    applicationId: run.applicationId,
    id: request.id,
    // The whole row: the reply's write may land before the request's own.
    question: request.question,
    askedById: request.askedById,
    exceptionId: request.exceptionId,
    stepKey: request.stepKey,
    dueAt: iso(request.dueAt),
    status: "ANSWERED",
    reply,
    event: answered,
  });
  // Whoever asked is told: the office that asked for a correction, or the caseworker.
  const asker = request.stepKey
    ? { office: run.tasks.get(request.stepKey)?.office ?? request.askedById }
    : { userId: request.askedById };
  await notify(
    run.applicationId,
    answered,
    "information-provided",
    { requestId: request.id, ...(request.stepKey ? { stepKey: request.stepKey } : {}) },
    [asker],
  );
  if (request.exceptionId) await replyReachedCaseworker(run, request.exceptionId, reply);
  const task = request.stepKey ? run.tasks.get(request.stepKey) : undefined;
  if (task?.status === "AWAITING_CITIZEN") task.status = "AWAITING_DECISION";
}

export function validateReply(run: CaseRun, { informationRequestId, reply }: CaseActionArgs<"reply">): void {
  checkText(reply, "reply");
  const request = run.requests.get(informationRequestId);
  if (!request) refuse("no-such-request", "This case has no such request for information.");
  if (request.status !== "OPEN")
    refuse(
      "request-not-open",
      `This request for information is ${request.status === "ANSWERED" ? "already answered" : "past its due date"}.`,
      { requestStatus: request.status },
    );
  if (!reply.trim()) refuse("reply-empty", "The reply is empty.");
}

async function runStep(run: CaseRun, step: DepartmentStep): Promise<void> {
  const task = run.tasks.get(step.key)!;
  await condition(() => step.after.every((k) => run.tasks.get(k)?.status === "APPROVED"));
  const name = officeName(step.office);
  for (;;) {
    const now = Date.now();
    const calendar = await run.workingCalendar();
    task.status = "AWAITING_DECISION";
    task.overdue = false;
    const dueAt = addWorkingDays(now, step.deadlineWorkingDays, calendar);
    const escalateAt = addWorkingDays(dueAt, step.escalateAfterWorkingDays, calendar);
    task.dueAt = dueAt;
    run.refreshSearchAttributes();
    const base = { applicationId: run.applicationId, stepKey: step.key, office: step.office, dueAt: iso(dueAt) };
    await projection.recordTask({
      ...base,
      status: "AWAITING_DECISION",
      event: event(
        { kind: "step-started", stepKey: step.key, office: step.office, dueDay: cstDay(dueAt) },
        {
          en: `${step.title.en}: with the ${name.en}, due ${cstDay(dueAt)}.`,
          zh: `${step.title.zh}：${name.zh}办理中。`,
        },
      ),
    });
    const decided = () => task.status !== "AWAITING_DECISION";
    // A day before it falls due, the office is reminded (only when the step has longer than that).
    const soonAt = dueAt - STEP_DUE_SOON_MS;
    if (soonAt > Date.now() && patched(DEADLINE_REMINDERS_PATCH) && !(await condition(decided, soonAt - Date.now()))) {
      await notify(
        run.applicationId,
        { id: uuid4() },
        "step-due-soon",
        { stepKey: step.key, office: step.office, dueDay: cstDay(dueAt) },
        [{ office: step.office }],
      );
    }
    if (!(await condition(decided, dueAt - Date.now()))) {
      task.overdue = true;
      run.refreshSearchAttributes();
      const reminder = event(
        { kind: "step-reminder", stepKey: step.key, office: step.office },
        {
          en: `${step.title.en}: the deadline has passed; the ${name.en} has been reminded.`,
          zh: `${step.title.zh}：已超期，已提醒${name.zh}。`,
        },
      );
      await projection.recordTask({ ...base, status: "AWAITING_DECISION", reminded: true, event: reminder });
      await notify(
        run.applicationId,
        reminder,
        "step-reminder",
        { stepKey: step.key, office: step.office, dueDay: cstDay(dueAt) },
        [{ office: step.office }],
      );
      if (!(await condition(decided, escalateAt - Date.now()))) {
        await projection.recordTask({ ...base, status: "AWAITING_DECISION", reminded: true, escalated: true });
        const escalated = event(
          { kind: "step-escalated", stepKey: step.key, office: step.office },
          {
            en: `${step.title.en}: still undecided; a caseworker is following it up.`,
            zh: `${step.title.zh}：仍未办理，已移交工作人员督办。`,
          },
        );
        await run.raise(
          {
            kind: "OVERDUE_STEP",
            departmentCode: step.office,
            stepKey: step.key,
            summary: `${step.title.en} is overdue at the ${name.en} since ${cstDay(dueAt)}.`,
            detail: { kind: "OVERDUE_STEP", dueDay: cstDay(dueAt) },
            blocking: false,
          },
          escalated,
        );
        // The supervising office (the admin console's Office.supervisingOfficeCode) sees it in its queue.
        await notify(
          run.applicationId,
          escalated,
          "step-escalated",
          { stepKey: step.key, office: step.office, dueDay: cstDay(dueAt) },
          [{ supervisorOf: step.office }],
        );
        await condition(decided);
      }
    }
    // Set by the decision, in an update handler (hence the widening).
    if ((task.status as TaskState["status"]) === "REJECTED") await reviewStepRefusal(run, step);
    if ((task.status as TaskState["status"]) !== "AWAITING_CITIZEN") break;
    await condition(() => task.status !== "AWAITING_CITIZEN");
  }
  // The overdue exception, if any, is settled by the decision itself.
  for (const x of run.exceptions.values()) {
    if (x.kind === "OVERDUE_STEP" && x.stepKey === step.key && x.status !== "RESOLVED") {
      x.status = "RESOLVED";
      await run.saveException(x, undefined, { by: "system", what: { kind: "decided" } });
    }
  }
}

/** Every step, in parallel where the DAG allows. */
export async function runDepartmentSteps(run: CaseRun, service: ServiceDefinition): Promise<void> {
  for (const step of service.steps)
    run.tasks.set(step.key, { key: step.key, office: step.office, status: "WAITING", overdue: false, corrections: 0 });
  await run.setStatus(
    "IN_DEPARTMENTS",
    event(
      { kind: "in-departments" },
      {
        en: "Your records are checked; the departments are handling your application.",
        zh: "记录核验完成，各部门正在办理。",
      },
    ),
  );
  await Promise.all(service.steps.map((step) => runStep(run, step)));
}

/**
 * Codes minted by the issuing activity from the CSPRNG. Before it, the workflow made them
 * from its seeded randomness (predictable from the history, 48 bits); cases that issued
 * that way replay on the old path.
 */
export const CSPRNG_CODES_PATCH = "csprng-verification-codes";

/** The code of a case issued before CSPRNG_CODES_PATCH, e.g. VO-3F9A-C2D1-77B0. */
function legacyVerificationCode(): string {
  const hex = uuid4().replaceAll("-", "").slice(0, 12).toUpperCase();
  return `VO-${hex.slice(0, 4)}-${hex.slice(4, 8)}-${hex.slice(8, 12)}`;
}

/**
 * The ISSUING status and every document in one activity (one transaction), where cases before
 * it took one activity for the status and one per document, each with its own workflow task.
 */
export const ISSUE_AT_ONCE_PATCH = "issue-documents-at-once";

export async function issueOutcomes(run: CaseRun, service: ServiceDefinition): Promise<void> {
  // A refusal still open for review holds the documents back (no command: every path).
  await reviewsSettled(run);
  if (patched(ISSUE_AT_ONCE_PATCH)) {
    run.enter("ISSUING");
    await projection.issueDocuments({ applicationId: run.applicationId, documents: service.outcomes.map(document) });
    for (const outcome of service.outcomes) issued(run, outcome);
    return;
  }
  await run.setStatus("ISSUING");
  for (const outcome of service.outcomes) {
    const issue = { applicationId: run.applicationId, ...document(outcome) };
    if (patched(CSPRNG_CODES_PATCH)) await projection.mintAndIssueDocument(issue);
    else await projection.issueDocument({ ...issue, verificationCode: legacyVerificationCode() });
    issued(run, outcome);
  }
}

type Outcome = ServiceDefinition["outcomes"][number];

/** A document to issue, with its event. */
function document(outcome: Outcome) {
  return {
    key: outcome.key,
    title: outcome.title,
    issuedBy: outcome.issuedBy,
    event: event(
      { kind: "document-issued", title: outcome.title },
      { en: `${outcome.title.en} issued.`, zh: `${outcome.title.zh}已出具。` },
    ),
  };
}

/** An issued document, revoked if the case is closed after all. */
function issued(run: CaseRun, outcome: Outcome): void {
  run.issued.push(outcome.key);
  run.compensations.push(() =>
    projection.revokeDocument({
      applicationId: run.applicationId,
      key: outcome.key,
      event: event(
        { kind: "document-revoked", title: outcome.title },
        {
          en: `${outcome.title.en} revoked because the application was closed.`,
          zh: `${outcome.title.zh}因申请终止已作废。`,
        },
      ),
    }),
  );
}
