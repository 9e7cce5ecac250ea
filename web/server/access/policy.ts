// Who may do what to which resource: one pure, typed check that every page, route handler
// and server action goes through (via `authorise` in ./audit). Anything not granted below
// is refused: the check fails closed.
import type { Role } from "@visit-once/prisma";
import {
  type CaseActionName,
  type CaseActionTarget,
  type CaseActor,
  caseActionsOf,
} from "@visit-once/workflows/contracts";

export interface Actor {
  id: string;
  role: Role;
  /** The officer's office; null for everyone else. */
  departmentCode: string | null;
}

export type Resource =
  /** A citizen's case as a whole. `hasExceptions`: whether a caseworker has ever been needed on it. */
  | {
      kind: "case";
      citizenId: string;
      hasExceptions: boolean;
      /** Acting for someone else (代办): the represented person's account, if she has one; she reaches the case too. */
      subjectUserId?: string | null;
      /** False once the mandate the applicant acted under is revoked or expired: the applicant reaches the case no more. */
      representativeActive?: boolean;
    }
  /**
   * A mandate (委托): `grantorId` the account that granted it (none for a notarised paper whose
   * grantor has no account); `source` portal (the grantor's own) or notarised (a caseworker's).
   */
  | { kind: "mandate"; grantorId: string | null; source: "PORTAL" | "NOTARISED" }
  /**
   * A department step of a case (an officer's task). `offered`: whether the step has reached its
   * office (awaiting a decision, or answered or decided since); before that it is not theirs to read.
   */
  | { kind: "task"; office: string; offered: boolean }
  /**
   * One evidence record, as seen through a department step: `grantedTo` are the record types the
   * service grants that step; `offered` as for the task. Which of its fields are shown is the
   * step's grant too (see ./minimise).
   */
  | { kind: "evidence"; office: string; recordType: string; grantedTo: readonly string[]; offered: boolean }
  /**
   * One identity number or bank account shown in clear on purpose (a reveal), through the work it
   * is seen in: an office's task (`granted`: the step's grant names the field; `offered` as for the
   * task) or a caseworker's exception (`granted`: the field is in a record tied to the exception).
   */
  | { kind: "sensitive-field"; via: "task"; office: string; offered: boolean; granted: boolean }
  | { kind: "sensitive-field"; via: "exception"; granted: boolean }
  /** A message in an inbox: a person's own (`userId`), or an office's (`office`), which its officers share. */
  | { kind: "notification"; userId: string | null; office: string | null }
  /** A person's own message settings (language, email). */
  | { kind: "notification-settings"; userId: string }
  /**
   * A refusal under review (复核): `desk` is the refusing office ("caseworker" for a caseworker's or a
   * rule's refusal), `supervisingOffice` the office above it, `refusedById` who refused (never its reviewer).
   */
  | { kind: "review"; desk: string; supervisingOffice: string | null; refusedById: string | null }
  /** A correction task at the department (`office`) that holds a disputed or wrong record. */
  | { kind: "correction"; office: string }
  /** A caseworker's exception on a case, and who holds it (claimed), if anyone. */
  | { kind: "exception"; claimedById: string | null }
  /** A person's account (its second factor, role, office, whether it may sign in), by the account's role. */
  | { kind: "account"; role: Role }
  /** A staff invitation, accepted by the person it was made for (the link's token proves who they are). */
  | { kind: "invitation"; userId: string }
  /** An office of the directory (its names and supervising office). */
  | { kind: "office"; code: string }
  /** A day of the working calendar (a public holiday or a 调休 working weekend), YYYY-MM-DD. */
  | { kind: "calendar-day"; day: string }
  /** Temporal payloads of a namespace, sealed by the payload codec (the Temporal UI asks the web to open them). */
  | { kind: "payloads"; namespace: string }
  /**
   * What an office's records were used for ("our data, shared"): the ledger's department fetches
   * of that office's records. Its own officers read it; administrators read any office's.
   */
  | { kind: "shared-data"; office: string }
  /** A rectification task (差评整改) a bad rating opened for an office: its officers read and answer it; administrators read it. */
  | { kind: "rectification"; office: string }
  /**
   * The reform's statistics in detail: one office's own figures (`office`), or every office's and
   * the small counts the public page suppresses (`office` null). The public aggregates need no one.
   */
  | { kind: "statistics"; office: string | null }
  /**
   * Staff-wide views; `accounts` is the list of staff accounts, `ledger` the whole access ledger (who used whose data),
   * `offices` the office directory, `services` the service definitions (read-only), `calendar` the working calendar.
   */
  | {
      kind: "queue";
      name:
        | "exceptions"
        | "tasks"
        | "board"
        | "audit"
        | "accounts"
        | "ledger"
        | "offices"
        | "services"
        | "calendar"
        | "mandates"
        | "reviews";
    };

/**
 * `download`: an issued document of a case, which only the citizen whose case issued it (while her mandate holds) or
 * the person it is about may take.
 * `reset`: clears a staff account's second factor (they enrol again) and ends their sessions.
 * `decode`: opens sealed Temporal payloads for the Temporal UI (case inputs and results in clear).
 * `reveal`: shows one masked identity number or bank account in clear (written to the access ledger).
 * `invite`: creates a staff account that its person completes through a one-time link.
 * `change`: a staff account's role or office; an office's names or supervising office; a calendar day (set or added).
 * `deactivate` / `reactivate`: whether a staff account may sign in (deactivating ends its sessions).
 * `create`: a new office. `delete`: an office nobody and nothing uses; a calendar day an administrator set.
 * `accept`: a new member of staff takes up their invitation (sets their password).
 * `mark-read`: a message in an inbox is marked as read.
 * `grant`: a mandate is granted (by its grantor in the portal) or registered from a notarised paper (by a caseworker).
 * `revoke`: a mandate is revoked, at once.
 * The actions on a running case (cancel, reply, decide, …) are the contracts' case-action table's:
 * each is granted to the role its row names, on the target its row names.
 */
export type Action =
  | CaseActionName
  | "read"
  | "list"
  | "rate"
  | "download"
  | "claim"
  | "reset"
  | "decode"
  | "reveal"
  | "invite"
  | "change"
  | "deactivate"
  | "reactivate"
  | "create"
  | "delete"
  | "accept"
  | "mark-read"
  | "grant"
  | "revoke";

/** What an administrator may do to a staff account (never a citizen's). */
export const ACCOUNT_ACTIONS: readonly Action[] = ["reset", "invite", "change", "deactivate", "reactivate"];

/** The staff-wide views an administrator reads. */
const ADMIN_QUEUES: readonly string[] = ["board", "audit", "accounts", "ledger", "offices", "services", "calendar"];

export type Decision = { allowed: true } | { allowed: false; reason: string };

const ALLOW: Decision = { allowed: true };
const deny = (reason: string): Decision => ({ allowed: false, reason });

/** The case-action table's actions of each role, on each kind of target. */
const caseActions = <R extends CaseActor>(role: R, target: CaseActionTarget): readonly Action[] =>
  caseActionsOf(role, target);
const CITIZEN_CASE_ACTIONS: readonly Action[] = ["read", "rate", "download", ...caseActions("CITIZEN", "case")];
const OFFICER_TASK_ACTIONS = caseActions("OFFICER", "task");
const OFFICER_CORRECTION_ACTIONS = caseActions("OFFICER", "correction");
const CASEWORKER_EXCEPTION_ACTIONS: readonly Action[] = ["claim", ...caseActions("CASEWORKER", "exception")];
/** A review is decided by the roles its row names (officers and caseworkers); which of them, the resource says. */
const REVIEW_ACTIONS: Partial<Record<string, readonly Action[]>> = {
  OFFICER: caseActions("OFFICER", "review"),
  CASEWORKER: caseActions("CASEWORKER", "review"),
};

export function decide(actor: Actor | null | undefined, action: Action, resource: Resource): Decision {
  if (!actor?.id) return deny("not signed in");
  if (resource.kind === "invitation" || action === "accept") {
    const own =
      resource.kind === "invitation" && action === "accept" && resource.userId === actor.id && actor.role !== "CITIZEN";
    return own ? ALLOW : deny("an invitation is taken up only by the member of staff it was made for");
  }
  if (resource.kind === "notification") {
    const own =
      resource.userId === actor.id ||
      (actor.role === "OFFICER" && actor.departmentCode !== null && resource.office === actor.departmentCode);
    return own && (action === "read" || action === "list" || action === "mark-read")
      ? ALLOW
      : deny("a message is read only by the person it is for, or its office's officers");
  }
  if (resource.kind === "review") {
    // Another member of the refusing desk, or an officer of the office supervising it; never the one who refused.
    if (action !== "read" && !(REVIEW_ACTIONS[actor.role] ?? []).includes(action))
      return deny("a review is read and decided only by its reviewers");
    if (resource.refusedById === actor.id) return deny("the one who refused does not review the refusal");
    if (resource.desk === "caseworker")
      return actor.role === "CASEWORKER" ? ALLOW : deny("a caseworker reviews this refusal");
    const office = actor.role === "OFFICER" ? actor.departmentCode : null;
    return office !== null && (office === resource.desk || office === resource.supervisingOffice)
      ? ALLOW
      : deny("an officer of the refusing office or its supervising office reviews this refusal");
  }
  if (resource.kind === "notification-settings") {
    return resource.userId === actor.id && (action === "read" || action === "change")
      ? ALLOW
      : deny("only a person's own message settings");
  }
  switch (actor.role) {
    case "CITIZEN":
      if (resource.kind === "case" && CITIZEN_CASE_ACTIONS.includes(action)) {
        // Her own application (unless the mandate she applied under has ended), or a case about her that someone applied for.
        if (resource.citizenId === actor.id && resource.representativeActive !== false) return ALLOW;
        if (resource.subjectUserId === actor.id) return ALLOW;
      }
      if (
        resource.kind === "mandate" &&
        resource.source === "PORTAL" &&
        resource.grantorId === actor.id &&
        (action === "grant" || action === "revoke")
      )
        return ALLOW;
      if (resource.kind === "mandate" && resource.grantorId === actor.id && action === "revoke") return ALLOW;
      return deny("citizens reach only their own cases, the cases about them and the mandates they granted");

    case "OFFICER": {
      const office = actor.departmentCode;
      if (!office) return deny("an officer without an office");
      if (resource.kind === "task" && resource.office === office) {
        if (action === "read") return resource.offered ? ALLOW : deny("the step has not reached this office yet");
        // A decision on a step not yet offered reaches the workflow, which refuses it in words.
        if (OFFICER_TASK_ACTIONS.includes(action)) return ALLOW;
      }
      if (
        resource.kind === "evidence" &&
        resource.office === office &&
        action === "read" &&
        resource.offered &&
        resource.grantedTo.includes(resource.recordType)
      )
        return ALLOW;
      // A correction task is its department's own: its officers read it and answer it.
      if (
        resource.kind === "correction" &&
        resource.office === office &&
        (action === "read" || OFFICER_CORRECTION_ACTIONS.includes(action))
      )
        return ALLOW;
      // Only a field the step's grant already shows it, masked, on a task it may read.
      if (
        resource.kind === "sensitive-field" &&
        resource.via === "task" &&
        action === "reveal" &&
        resource.office === office &&
        resource.offered &&
        resource.granted
      )
        return ALLOW;
      if (
        resource.kind === "queue" &&
        (resource.name === "tasks" || resource.name === "board" || resource.name === "reviews") &&
        (action === "read" || action === "list")
      )
        return ALLOW;
      if (resource.kind === "shared-data" && resource.office === office && (action === "read" || action === "list"))
        return ALLOW;
      if (
        resource.kind === "rectification" &&
        resource.office === office &&
        (action === "read" || action === "list" || action === "reply")
      )
        return ALLOW;
      if (resource.kind === "statistics" && resource.office === office && action === "read") return ALLOW;
      return deny(
        "officers reach only their own office's steps, the evidence granted to them, and their office's corrections, rectifications and figures",
      );
    }

    case "CASEWORKER":
      if (resource.kind === "exception" && action === "read") return ALLOW;
      if (resource.kind === "exception" && CASEWORKER_EXCEPTION_ACTIONS.includes(action)) {
        // An exception another caseworker holds is theirs to resolve.
        return resource.claimedById === null || resource.claimedById === actor.id
          ? ALLOW
          : deny("another caseworker holds this exception");
      }
      if (resource.kind === "case" && resource.hasExceptions && action === "read") return ALLOW;
      if (
        resource.kind === "sensitive-field" &&
        resource.via === "exception" &&
        action === "reveal" &&
        resource.granted
      )
        return ALLOW;
      if (resource.kind === "evidence" && action === "read")
        return deny("caseworkers read evidence through a case with exceptions");
      if (
        resource.kind === "queue" &&
        (resource.name === "exceptions" || resource.name === "board" || resource.name === "reviews") &&
        (action === "read" || action === "list")
      )
        return ALLOW;
      // The Temporal UI is their tool for a stuck case; every decode is recorded.
      if (resource.kind === "payloads" && action === "decode") return ALLOW;
      // A notarised mandate is registered, and its revocation recorded, from the paper at the counter.
      if (resource.kind === "mandate" && resource.source === "NOTARISED" && (action === "grant" || action === "revoke"))
        return ALLOW;
      if (resource.kind === "queue" && resource.name === "mandates" && (action === "read" || action === "list"))
        return ALLOW;
      return deny("caseworkers reach the cases with exceptions and the notarised mandates");

    case "ADMIN":
      if (resource.kind === "queue" && ADMIN_QUEUES.includes(resource.name) && (action === "read" || action === "list"))
        return ALLOW;
      if (resource.kind === "account" && resource.role !== "CITIZEN" && ACCOUNT_ACTIONS.includes(action)) return ALLOW;
      if (resource.kind === "office" && (action === "create" || action === "change" || action === "delete"))
        return ALLOW;
      if (resource.kind === "calendar-day" && (action === "change" || action === "delete")) return ALLOW;
      if (resource.kind === "payloads" && action === "decode") return ALLOW;
      if (resource.kind === "shared-data" && (action === "read" || action === "list")) return ALLOW;
      if (resource.kind === "rectification" && (action === "read" || action === "list")) return ALLOW;
      if (resource.kind === "statistics" && action === "read") return ALLOW;
      return deny(
        "administrators see the performance board, the audit log, the access ledger, every office's shared data, rectifications and statistics, the offices, the services and the working calendar, manage staff accounts, offices and calendar days, and decode Temporal payloads",
      );
  }
  return deny("unknown role");
}
