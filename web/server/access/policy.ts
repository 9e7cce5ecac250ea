// Who may do what to which resource: one pure, typed check that every page, route handler
// and server action goes through (via `authorise` in ./audit). Anything not granted below
// is refused: the check fails closed.
import type { Role } from "@visit-once/prisma";

export interface Actor {
  id: string;
  role: Role;
  /** The officer's office; null for everyone else. */
  departmentCode: string | null;
}

export type Resource =
  /** A citizen's case as a whole. `hasExceptions`: whether a caseworker has ever been needed on it. */
  | { kind: "case"; citizenId: string; hasExceptions: boolean }
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
  /** A caseworker's exception on a case, and who holds it (claimed), if anyone. */
  | { kind: "exception"; claimedById: string | null }
  /** A person's account (its second factor), by the account's role. */
  | { kind: "account"; role: Role }
  /** Temporal payloads of a namespace, sealed by the payload codec (the Temporal UI asks the web to open them). */
  | { kind: "payloads"; namespace: string }
  /**
   * What an office's records were used for ("our data, shared"): the ledger's department fetches
   * of that office's records. Its own officers read it; administrators read any office's.
   */
  | { kind: "shared-data"; office: string }
  /** Staff-wide views; `accounts` is the list of staff accounts, `ledger` the whole access ledger (who used whose data). */
  | { kind: "queue"; name: "exceptions" | "tasks" | "board" | "audit" | "accounts" | "ledger" };

/**
 * `download`: an issued document of a case, which only the citizen whose case issued it may take.
 * `reset`: clears a staff account's second factor (they enrol again) and ends their sessions.
 * `decode`: opens sealed Temporal payloads for the Temporal UI (case inputs and results in clear).
 * `reveal`: shows one masked identity number or bank account in clear (written to the access ledger).
 */
export type Action = "read" | "list" | "cancel" | "reply" | "dispute" | "rate" | "download" | "decide" | "resolve" | "claim" | "reset" | "decode" | "reveal";

export type Decision = { allowed: true } | { allowed: false; reason: string };

const ALLOW: Decision = { allowed: true };
const deny = (reason: string): Decision => ({ allowed: false, reason });

const CITIZEN_CASE_ACTIONS: readonly Action[] = ["read", "cancel", "reply", "dispute", "rate", "download"];

export function decide(actor: Actor | null | undefined, action: Action, resource: Resource): Decision {
  if (!actor?.id) return deny("not signed in");
  switch (actor.role) {
    case "CITIZEN":
      if (resource.kind === "case" && resource.citizenId === actor.id && CITIZEN_CASE_ACTIONS.includes(action)) return ALLOW;
      return deny("citizens reach only their own cases");

    case "OFFICER": {
      const office = actor.departmentCode;
      if (!office) return deny("an officer without an office");
      if (resource.kind === "task" && resource.office === office) {
        if (action === "read") return resource.offered ? ALLOW : deny("the step has not reached this office yet");
        // A decision on a step not yet offered reaches the workflow, which refuses it in words.
        if (action === "decide") return ALLOW;
      }
      if (resource.kind === "evidence" && resource.office === office && action === "read" && resource.offered && resource.grantedTo.includes(resource.recordType)) return ALLOW;
      // Only a field the step's grant already shows it, masked, on a task it may read.
      if (resource.kind === "sensitive-field" && resource.via === "task" && action === "reveal" && resource.office === office && resource.offered && resource.granted) return ALLOW;
      if (resource.kind === "queue" && (resource.name === "tasks" || resource.name === "board") && (action === "read" || action === "list")) return ALLOW;
      if (resource.kind === "shared-data" && resource.office === office && (action === "read" || action === "list")) return ALLOW;
      return deny("officers reach only their own office's steps and the evidence granted to them");
    }

    case "CASEWORKER":
      if (resource.kind === "exception" && action === "read") return ALLOW;
      if (resource.kind === "exception" && (action === "resolve" || action === "claim")) {
        // An exception another caseworker holds is theirs to resolve.
        return resource.claimedById === null || resource.claimedById === actor.id ? ALLOW : deny("another caseworker holds this exception");
      }
      if (resource.kind === "case" && resource.hasExceptions && action === "read") return ALLOW;
      if (resource.kind === "sensitive-field" && resource.via === "exception" && action === "reveal" && resource.granted) return ALLOW;
      if (resource.kind === "evidence" && action === "read") return deny("caseworkers read evidence through a case with exceptions");
      if (resource.kind === "queue" && (resource.name === "exceptions" || resource.name === "board") && (action === "read" || action === "list")) return ALLOW;
      // The Temporal UI is their tool for a stuck case; every decode is recorded.
      if (resource.kind === "payloads" && action === "decode") return ALLOW;
      return deny("caseworkers reach the cases with exceptions");

    case "ADMIN":
      if (resource.kind === "queue" && (resource.name === "board" || resource.name === "audit" || resource.name === "accounts" || resource.name === "ledger") && (action === "read" || action === "list")) return ALLOW;
      if (resource.kind === "account" && resource.role !== "CITIZEN" && action === "reset") return ALLOW;
      if (resource.kind === "payloads" && action === "decode") return ALLOW;
      if (resource.kind === "shared-data" && (action === "read" || action === "list")) return ALLOW;
      return deny("administrators see the performance board, the audit log, the access ledger, every office's shared data and staff accounts, reset a staff second factor and decode Temporal payloads");
  }
  return deny("unknown role");
}
