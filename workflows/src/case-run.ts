import { ActivityFailure, ApplicationFailure, CancellationScope, condition, proxyActivities, proxyLocalActivities, upsertSearchAttributes, uuid4 } from "@temporalio/workflow";
import { type CaseEventInput, type OrchestratorActivities, UNSTORABLE_DATA } from "./contracts/activities";
import { type FinalStatus, SEARCH_ATTRIBUTES } from "./contracts/application";
import {
  ALLOWED_ACTIONS,
  type ActionResult,
  type CaseAction,
  type CaseException,
  type CaseStatus,
  type CaseView,
  FINAL_STATUSES,
  type TaskStatus,
} from "./contracts/case";
import type { StepOffice } from "./contracts/departments";
import { storableText } from "./contracts/text";
import type { EvidenceRecord } from "./contracts/records";
import { refuse } from "./refuse";
import { addWorkingDays, cstDay } from "./working-days";

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
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [storable(k), storable(v)])) as T;
  return value;
}

export type Text = { en: string; zh: string };

export function event(kind: string, message: Text, actorId?: string): CaseEventInput {
  return { id: uuid4(), kind, actorId, message };
}

export const iso = (ms: number) => new Date(ms).toISOString();

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
  const { id, kind, status, departmentCode, recordType, stepKey, conflict, summary, blocking } = x;
  return { id, kind, status, departmentCode, recordType, stepKey, conflict, summary, blocking };
}

const STATUS_WORDS: Record<CaseStatus, string> = {
  SUBMITTED: "submitted",
  FETCHING: "collecting records",
  RECORDS_READY: "checking records",
  AWAITING_CASEWORKER: "with a caseworker",
  IN_DEPARTMENTS: "with the departments",
  ISSUING: "issuing its documents",
  COMPLETED: "completed",
  REJECTED: "rejected",
  CANCELLED: "cancelled",
  FAILED: "closed",
};

const ACTION_WORDS: Record<CaseAction, string> = {
  decideStep: "a department decision",
  resolveException: "a caseworker resolution",
  replyToRequest: "a reply",
  disputeRecord: "a dispute about a record",
  cancel: "cancellation",
};

export class CaseRun {
  status: CaseStatus = "FETCHING";
  readonly pending = new Set<string>();
  readonly records: EvidenceRecord[] = [];
  readonly tasks = new Map<string, TaskState>();
  readonly exceptions = new Map<string, ExceptionState>();
  readonly requests = new Map<string, RequestState>();
  readonly issued: string[] = [];
  /** Undo steps for what was done, run in reverse order if the case is cancelled or rejected. */
  readonly compensations: (() => Promise<void>)[] = [];
  closing?: { status: Extract<FinalStatus, "REJECTED" | "CANCELLED">; reasons: Text[]; actorId?: string };
  /** Everything before the case closes runs in this scope; closing cancels it. */
  readonly main = new CancellationScope();
  private readonly handled = new Map<string, Promise<ActionResult>>();
  private searchKey = "";

  constructor(readonly applicationId: string) {
    onUnstorable = (activity) => this.reportUnstorable(activity);
  }

  private unstorableReported = false;

  /** Once per case: a caseworker checks what was stored cleaned; the case goes on meanwhile. */
  private async reportUnstorable(activity: string): Promise<void> {
    if (this.unstorableReported) return;
    this.unstorableReported = true;
    await this.raise(
      { kind: "UNSTORABLE_DATA", departmentCode: null, summary: `A ${activity} write held characters the database cannot store; it was stored without them.`, blocking: false },
      event("data-stored-cleaned", { en: "Part of what was sent to this case held characters that cannot be stored; it was saved without them, and a caseworker will check it.", zh: "本件收到的部分内容含有无法保存的字符，已去除后保存，工作人员将核查。" }),
    );
  }

  /** Refuses an action the status table does not allow now, unless it repeats one already taken. */
  checkAllowed(action: CaseAction, requestId: string): boolean {
    if (this.handled.has(requestId)) return false;
    if (this.closing || !ALLOWED_ACTIONS[this.status].includes(action)) {
      const status = this.closing?.status ?? this.status;
      refuse("case-not-taking", `This case is ${STATUS_WORDS[status]}: it does not take ${ACTION_WORDS[action]} now.`, { status, action });
    }
    return true;
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
    if (FINAL_STATUSES.includes(this.status)) return;
    this.status = status;
    this.refreshSearchAttributes();
    await projection.setCaseStatus({ applicationId: this.applicationId, status, event: e });
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

  async saveException(x: ExceptionState, e?: CaseEventInput, resolution?: { by: string; what: unknown }): Promise<void> {
    const exception = publicException(x);
    const dueAt = iso(addWorkingDays(Date.now(), CASEWORKER_WORKING_DAYS));
    await projection.recordException({ applicationId: this.applicationId, exception, dueAt, resolvedById: resolution?.by, resolution: resolution?.what, event: e });
  }

  /** Asks the citizen; an unanswered request closes the case when it falls due. */
  async askCitizen(question: string, askedById: string, about: { exceptionId?: string; stepKey?: string }): Promise<void> {
    const request: RequestState = { id: uuid4(), question, askedById, status: "OPEN", dueAt: addWorkingDays(Date.now(), REPLY_WORKING_DAYS), ...about };
    this.requests.set(request.id, request);
    this.refreshSearchAttributes();
    const row = { applicationId: this.applicationId, id: request.id, question, askedById, dueAt: iso(request.dueAt), ...about };
    await projection.recordInformationRequest({
      ...row,
      status: "OPEN",
      event: event("information-requested", { en: `We need information from you: ${question}`, zh: `需要您补充信息：${question}` }, askedById),
    });
    // The deadline runs with the case, and ends with it.
    void this.main.run(async () => {
      if (await condition(() => request.status !== "OPEN", request.dueAt - Date.now())) return;
      request.status = "EXPIRED";
      await projection.recordInformationRequest({ ...row, status: "EXPIRED" });
      const day = cstDay(request.dueAt);
      this.close("REJECTED", [{ en: `There was no reply to the request for information by ${day}.`, zh: `未在${day}前答复补充信息请求。` }]);
    }).catch(() => undefined);
  }

  /** Search attributes: who the case waits for, and whether a step is overdue. Written only when they change. */
  refreshSearchAttributes(): void {
    const awaiting = new Set<string>();
    for (const t of this.tasks.values()) if (t.status === "AWAITING_DECISION") awaiting.add(t.office);
    if (this.blockingOpen().length > 0) awaiting.add("caseworker");
    if ([...this.requests.values()].some((r) => r.status === "OPEN")) awaiting.add("citizen");
    const overdue = [...this.tasks.values()].some((t) => t.overdue && t.status === "AWAITING_DECISION");
    const attributes = {
      [SEARCH_ATTRIBUTES.status.name]: [this.closing?.status ?? this.status],
      [SEARCH_ATTRIBUTES.awaiting.name]: [...awaiting].sort(),
      [SEARCH_ATTRIBUTES.overdue.name]: [overdue],
    };
    const key = JSON.stringify(attributes);
    if (key === this.searchKey) return;
    this.searchKey = key;
    upsertSearchAttributes(attributes);
  }

  view(): CaseView {
    return {
      status: this.closing?.status ?? this.status,
      pending: [...this.pending],
      tasks: [...this.tasks.values()].map((t) => ({ key: t.key, office: t.office, status: t.status, dueAt: t.dueAt ? iso(t.dueAt) : undefined, overdue: t.overdue })),
      exceptions: [...this.exceptions.values()].map(publicException),
      informationRequests: [...this.requests.values()].map((r) => ({ id: r.id, status: r.status, dueAt: iso(r.dueAt) })),
      issued: [...this.issued],
    };
  }
}
