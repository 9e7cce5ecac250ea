import {
  ActivityFailure,
  ApplicationFailure,
  CancellationScope,
  condition,
  patched,
  proxyActivities,
  proxyLocalActivities,
  upsertSearchAttributes,
  uuid4,
} from "@temporalio/workflow";
import { type CaseEventInput, type OrchestratorActivities, UNSTORABLE_DATA } from "./contracts/activities";
import type { CaseEventWords } from "./contracts/case-words";
import type { FinalStatus } from "./contracts/case-status";
import { SEARCH_ATTRIBUTE_KEYS } from "./contracts/search-attributes";
import type { CaseException, CaseView, TaskStatus } from "./contracts/case";
import { type ActionResult, ALLOWED_ACTIONS, CASE_ACTIONS, type CaseActionName } from "./contracts/case-actions";
import { type CaseStatus, FINAL_STATUSES } from "./contracts/case-status";
import type { StepOffice } from "./contracts/departments";
import { storableText } from "./contracts/text";
import type { EvidenceRecord, RecordType } from "./contracts/records";
import type { WorkingCalendar } from "./contracts/working-calendar";
import { refuse } from "./refuse";
import type { CorrectionState } from "./correction";
import { addWorkingDays, cstDay } from "./working-days";
import { DEADLINE_REMINDERS_PATCH, notify, REPLY_DUE_SOON_MS } from "./notify";
import type { RefusalExplanation } from "./contracts/refusal-explanation";
import { type ReviewState, reviewView } from "./review";

// The state of one case while its workflow runs, and the bookkeeping every part of the
// workflow shares: the projection writes, the status table, closing with compensation.

const projectionOptions = {
  startToCloseTimeout: "10 seconds",
  retry: { initialInterval: "200 milliseconds", maximumInterval: "30 seconds" },
} as const;

/**
 * While the records are fetched, the projection writes are local activities: no round
 * trip through the server, on every case's critical path. Nothing but a return follows
 * any of them, so the order in which parallel ones finish cannot change the commands.
 */
export const fetchProjection = storableOnly(proxyLocalActivities<OrchestratorActivities>(projectionOptions));

/**
 * After the records, writes run beside update handlers and timers, where the order in
 * which local activities resolve on replay can differ from the first run (they resolve
 * within one workflow task); ordinary activities are recorded in history, so they are used.
 */
export const projection = storableOnly(proxyActivities<OrchestratorActivities>(projectionOptions));

/** The case's run, told when a write had to be stored cleaned (one workflow per module instance). */
let onUnstorable: ((activity: string) => Promise<void>) | undefined;

/**
 * A write the database can never store (the worker says so with UNSTORABLE_DATA instead of
 * retrying for ever) is stored again without the characters it cannot hold, so the pages
 * still agree with the workflow, and a caseworker is told. Nothing changes for writes that succeed.
 */
function storableOnly(activities: OrchestratorActivities): OrchestratorActivities {
  return new Proxy(activities, {
    get(target, name: keyof OrchestratorActivities) {
      const write = target[name] as (input: unknown) => Promise<void>;
      return async (input: unknown) => {
        try {
          return await write(input);
        } catch (err) {
          if (!isUnstorable(err)) throw err;
          await write(storable(input));
          await onUnstorable?.(name);
        }
      };
    },
  });
}

/** The worker's UNSTORABLE_DATA failure (an activity's is wrapped in an ActivityFailure, a local activity's may not be). */
function isUnstorable(err: unknown): boolean {
  for (let e = err, depth = 0; e && depth < 3; e = (e as Error).cause, depth++) {
    if (e instanceof ApplicationFailure && e.type === UNSTORABLE_DATA) return true;
    if (!(e instanceof ActivityFailure) && !(e instanceof ApplicationFailure)) return false;
  }
  return false;
}

/** The value with NUL removed and unpaired surrogates replaced by U+FFFD, at any depth. */
export function storable<T>(value: T): T {
  if (typeof value === "string") return storableText(value) as T;
  if (Array.isArray(value)) return value.map(storable) as T;
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [storable(k), storable(v)])) as T;
  return value;
}

export type Text = { en: string; zh: string };

/** A line of the case's history: its words as data, and the sentences kept for readers of the old columns. */
export function event(words: CaseEventWords, message: Text, actorId?: string): CaseEventInput {
  return { id: uuid4(), kind: words.kind, actorId, message, words };
}

export const iso = (ms: number) => new Date(ms).toISOString();

/** Deadlines skip public holidays and count 调休 working weekends from this version on; older cases keep Monday to Friday. */
export const WORKING_CALENDAR_PATCH = "working-calendar";
/** How far ahead the calendar is read: every deadline a case sets falls well within it. */
const CALENDAR_AHEAD_MS = 400 * 86_400_000;

/** Working days a caseworker has for an exception, and a citizen for a request for information. */
export const CASEWORKER_WORKING_DAYS = 2;
export const REPLY_WORKING_DAYS = 10;

export interface TaskState {
  key: string;
  office: StepOffice;
  status: TaskStatus;
  dueAt?: number;
  overdue: boolean;
  corrections: number;
}

export interface ExceptionState extends CaseException {
  refetches: number;
  /** The value a caseworker chose as authoritative, for a conflict. */
  chosenValue?: string;
  /** What the citizen answered when a caseworker asked them. */
  reply?: string;
}

export interface RequestState {
  id: string;
  question: string;
  askedById: string;
  status: "OPEN" | "ANSWERED" | "EXPIRED";
  dueAt: number;
  exceptionId?: string;
  stepKey?: string;
}

/** An exception as the contracts describe it, without the workflow's own bookkeeping. */
function publicException(x: ExceptionState): CaseException {
  const { id, kind, status, departmentCode, recordType, stepKey, conflict, summary, detail, blocking } = x;
  return { id, kind, status, departmentCode, recordType, stepKey, conflict, summary, detail, blocking };
}

const STATUS_WORDS: Record<CaseStatus, string> = {
  SUBMITTED: "submitted",
  FETCHING: "collecting records",
  RECORDS_READY: "checking records",
  AWAITING_CONFIRMATION: "waiting for the citizen to confirm her records",
  AWAITING_CASEWORKER: "with a caseworker",
  IN_DEPARTMENTS: "with the departments",
  ISSUING: "issuing its documents",
  COMPLETED: "completed",
  REJECTED: "rejected",
  CANCELLED: "cancelled",
  FAILED: "closed",
};

export class CaseRun {
  status: CaseStatus = "FETCHING";
  readonly pending = new Set<string>();
  readonly records: EvidenceRecord[] = [];
  readonly tasks = new Map<string, TaskState>();
  readonly exceptions = new Map<string, ExceptionState>();
  readonly requests = new Map<string, RequestState>();
  readonly issued: string[] = [];
  /** Refusals offered for review (see ./review), and step rejections waiting for theirs to be offered. */
  readonly reviews = new Map<string, ReviewState>();
  readonly heldRefusals = new Map<string, { refusal: RefusalExplanation; reasons: Text[]; actorId: string }>();
  readonly corrections = new Map<string, CorrectionState>();
  /** The preview: records whose consent the citizen withdrew, whether she confirmed, and withdrawals still being written. */
  readonly withdrawn = new Set<RecordType>();
  previewConfirmed = false;
  previewWrites = 0;
  /** Undo steps for what was done, run in reverse order if the case is cancelled or rejected. */
  readonly compensations: (() => Promise<void>)[] = [];
  closing?: { status: Extract<FinalStatus, "REJECTED" | "CANCELLED">; reasons: Text[]; actorId?: string };
  /** Everything before the case closes runs in this scope; closing cancels it. */
  readonly main = new CancellationScope();
  private readonly handled = new Map<string, Promise<ActionResult>>();
  /** Messages a handler sent without waiting for them (ANSWER_BEFORE_NOTIFY_PATCH). */
  private readonly sending: Promise<void>[] = [];
  private searchKey = "";
  private calendar?: Promise<WorkingCalendar | undefined>;

  constructor(readonly applicationId: string) {
    onUnstorable = (activity) => this.reportUnstorable(activity);
  }

  /** The holiday calendar, read once per case when its first deadline is set (again if that read was cancelled). */
  workingCalendar(): Promise<WorkingCalendar | undefined> {
    this.calendar ??= this.readCalendar().catch((err: unknown) => {
      this.calendar = undefined;
      throw err;
    });
    return this.calendar;
  }

  private async readCalendar(): Promise<WorkingCalendar | undefined> {
    if (!patched(WORKING_CALENDAR_PATCH)) return undefined;
    const now = Date.now();
    return await projection.loadWorkingCalendar({ from: cstDay(now), to: cstDay(now + CALENDAR_AHEAD_MS) });
  }

  private unstorableReported = false;

  /** Once per case: a caseworker checks what was stored cleaned; the case goes on meanwhile. */
  private async reportUnstorable(activity: string): Promise<void> {
    if (this.unstorableReported) return;
    this.unstorableReported = true;
    await this.raise(
      {
        kind: "UNSTORABLE_DATA",
        departmentCode: null,
        summary: `A ${activity} write held characters the database cannot store; it was stored without them.`,
        detail: { kind: "UNSTORABLE_DATA", activity },
        blocking: false,
      },
      event(
        { kind: "data-stored-cleaned" },
        {
          en: "Part of what was sent to this case held characters that cannot be stored; it was saved without them, and a caseworker will check it.",
          zh: "本件收到的部分内容含有无法保存的字符，已去除后保存，工作人员将核查。",
        },
      ),
    );
  }

  /** Refuses an action the status table does not allow now, unless it repeats one already taken. */
  checkAllowed(action: CaseActionName, requestId: string): boolean {
    if (this.handled.has(requestId)) return false;
    if (this.closing || !ALLOWED_ACTIONS[this.status].includes(action)) {
      const status = this.closing?.status ?? this.status;
      refuse(
        "case-not-taking",
        `This case is ${STATUS_WORDS[status]}: it does not take ${CASE_ACTIONS[action].noun} now.`,
        { status, action },
      );
    }
    return true;
  }

  /** Sends a message beside the case; the case does not end before it is delivered (or has failed for good). */
  sendLater(message: Promise<void>): void {
    // A cancelled delivery (the whole workflow cancelled) has nobody left to tell.
    this.sending.push(message.catch(() => undefined));
  }

  /** Every message sent beside the case, delivered or failed for good. */
  async sent(): Promise<void> {
    await Promise.all(this.sending);
  }

  /** Runs an action once per request id; a repeat gets the first answer and changes nothing. */
  once(requestId: string, act: () => Promise<void>): Promise<ActionResult> {
    const prior = this.handled.get(requestId);
    if (prior) return prior;
    const result = act().then(() => ({ status: this.closing?.status ?? this.status }));
    this.handled.set(requestId, result);
    return result;
  }

  async setStatus(status: CaseStatus, e?: CaseEventInput): Promise<void> {
    if (!this.enter(status)) return;
    await projection.setCaseStatus({ applicationId: this.applicationId, status, event: e });
  }

  /** Moves the status here and in the search attributes (the caller's write stores it); a final case never moves. */
  enter(status: CaseStatus): boolean {
    if (FINAL_STATUSES.includes(this.status)) return false;
    this.status = status;
    this.refreshSearchAttributes();
    return true;
  }

  /** Ends the case early: what runs is cancelled, what was done is undone, newest first. */
  close(status: "REJECTED" | "CANCELLED", reasons: Text[], actorId?: string): void {
    if (this.closing) return;
    this.closing = { status, reasons, actorId };
    this.main.cancel();
  }

  blockingOpen(): ExceptionState[] {
    return [...this.exceptions.values()].filter((e) => e.blocking && e.status !== "RESOLVED");
  }

  async raise(exception: Omit<CaseException, "id" | "status">, e: CaseEventInput): Promise<ExceptionState> {
    const state: ExceptionState = { ...exception, id: uuid4(), status: "OPEN", refetches: 0 };
    this.exceptions.set(state.id, state);
    this.refreshSearchAttributes();
    await this.saveException(state, e);
    return state;
  }

  async saveException(
    x: ExceptionState,
    e?: CaseEventInput,
    resolution?: { by: string; what: unknown },
  ): Promise<void> {
    const exception = publicException(x);
    const now = Date.now();
    const dueAt = iso(addWorkingDays(now, CASEWORKER_WORKING_DAYS, await this.workingCalendar()));
    await projection.recordException({
      applicationId: this.applicationId,
      exception,
      dueAt,
      resolvedById: resolution?.by,
      resolution: resolution?.what,
      event: e,
    });
  }

  /** Asks the citizen; an unanswered request closes the case when it falls due. */
  async askCitizen(
    question: string,
    askedById: string,
    about: { exceptionId?: string; stepKey?: string },
  ): Promise<void> {
    const now = Date.now();
    const calendar = await this.workingCalendar();
    const request: RequestState = {
      id: uuid4(),
      question,
      askedById,
      status: "OPEN",
      dueAt: addWorkingDays(now, REPLY_WORKING_DAYS, calendar),
      ...about,
    };
    this.requests.set(request.id, request);
    this.refreshSearchAttributes();
    const row = {
      applicationId: this.applicationId,
      id: request.id,
      question,
      askedById,
      dueAt: iso(request.dueAt),
      ...about,
    };
    const asked = event(
      { kind: "information-requested", question },
      { en: `We need information from you: ${question}`, zh: `需要您补充信息：${question}` },
      askedById,
    );
    await projection.recordInformationRequest({ ...row, status: "OPEN", event: asked });
    const stepKey = about.stepKey ? { stepKey: about.stepKey } : {};
    await notify(
      this.applicationId,
      asked,
      "information-requested",
      { requestId: request.id, dueDay: cstDay(request.dueAt), ...stepKey },
      [{ citizen: true }],
    );
    // The deadline runs with the case, and ends with it.
    void this.main
      .run(async () => {
        const answered = () => request.status !== "OPEN";
        const soonAt = request.dueAt - REPLY_DUE_SOON_MS;
        if (soonAt > Date.now() && patched(DEADLINE_REMINDERS_PATCH)) {
          if (await condition(answered, soonAt - Date.now())) return;
          await notify(
            this.applicationId,
            { id: uuid4() },
            "reply-due-soon",
            { requestId: request.id, dueDay: cstDay(request.dueAt), ...stepKey },
            [{ citizen: true }],
          );
        }
        if (await condition(answered, request.dueAt - Date.now())) return;
        request.status = "EXPIRED";
        await projection.recordInformationRequest({ ...row, status: "EXPIRED" });
        const day = cstDay(request.dueAt);
        this.close("REJECTED", [
          { en: `There was no reply to the request for information by ${day}.`, zh: `未在${day}前答复补充信息请求。` },
        ]);
      })
      .catch(() => undefined);
  }

  /** Search attributes: who the case waits for, and whether a step is overdue. Written only when they change. */
  refreshSearchAttributes(): void {
    const awaiting = new Set<string>();
    for (const t of this.tasks.values()) if (t.status === "AWAITING_DECISION") awaiting.add(t.office);
    if (this.blockingOpen().length > 0) awaiting.add("caseworker");
    if ([...this.requests.values()].some((r) => r.status === "OPEN") || this.status === "AWAITING_CONFIRMATION")
      awaiting.add("citizen");
    for (const c of this.corrections.values()) if (c.status === "OPEN") awaiting.add(c.department);
    const overdue = [...this.tasks.values()].some((t) => t.overdue && t.status === "AWAITING_DECISION");
    const status = this.closing?.status ?? this.status;
    const sortedAwaiting = [...awaiting].sort();
    const key = JSON.stringify({ VoStatus: [status], VoAwaiting: sortedAwaiting, VoOverdue: [overdue] });
    if (key === this.searchKey) return;
    this.searchKey = key;
    upsertSearchAttributes([
      { key: SEARCH_ATTRIBUTE_KEYS.status, value: status },
      { key: SEARCH_ATTRIBUTE_KEYS.awaiting, value: sortedAwaiting },
      { key: SEARCH_ATTRIBUTE_KEYS.overdue, value: overdue },
    ]);
  }

  view(): CaseView {
    return {
      status: this.closing?.status ?? this.status,
      pending: [...this.pending],
      tasks: [...this.tasks.values()].map((t) => ({
        key: t.key,
        office: t.office,
        status: t.status,
        dueAt: t.dueAt ? iso(t.dueAt) : undefined,
        overdue: t.overdue,
      })),
      exceptions: [...this.exceptions.values()].map(publicException),
      informationRequests: [...this.requests.values()].map((r) => ({
        id: r.id,
        status: r.status,
        dueAt: iso(r.dueAt),
      })),
      issued: [...this.issued],
      ...(this.reviews.size > 0 ? { reviews: [...this.reviews.values()].map(reviewView) } : {}),
      ...(this.corrections.size > 0
        ? { corrections: [...this.corrections.values()].map(({ answering: _, ...c }) => c) }
        : {}),
      ...(this.withdrawn.size > 0 ? { withdrawn: [...this.withdrawn] } : {}),
    };
  }
}
