// What the top of a case page says: who holds the case now, and what the citizen must do
// and by when. Pure and client-safe; the words live in citizen.case.summary.
import { type ApplicationView, isFinal, type StepView } from "./steps";

export type CaseHolder =
  { kind: "citizen" } | { kind: "caseworker" } | { kind: "office"; code: string | null } | { kind: "none" };

export type CitizenTodo =
  | { kind: "answer"; count: number; dueAt: string }
  /** At the preview: check the retrieved records and confirm them. */
  | { kind: "confirm" }
  | { kind: "download" }
  | { kind: "nothing"; dueAt: string | null }
  | { kind: "closed" };

export interface CaseSummary {
  holder: CaseHolder;
  todo: CitizenTodo;
  /** The step the case waits on, if one is open. */
  currentStep: StepView | null;
}

const OPEN_ORDER: readonly StepView["status"][] = ["AWAITING_CITIZEN", "AWAITING_DECISION", "RUNNING"];

/** The open step the case waits on: one waiting for the citizen first, then one with an office, then one running. */
export function currentStep(steps: readonly StepView[]): StepView | null {
  const byPosition = [...steps].sort((a, b) => a.position - b.position);
  for (const status of OPEN_ORDER) {
    const step = byPosition.find((s) => s.status === status);
    if (step) return step;
  }
  return null;
}

export function summariseCase(app: Pick<ApplicationView, "status" | "steps" | "requests" | "documents">): CaseSummary {
  const step = currentStep(app.steps);
  const open = app.requests.filter((r) => r.status === "OPEN").sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  if (isFinal(app.status)) {
    const download = app.status === "COMPLETED" && app.documents.some((d) => !d.revokedAt);
    return { holder: { kind: "none" }, todo: download ? { kind: "download" } : { kind: "closed" }, currentStep: null };
  }
  if (open.length > 0)
    return {
      holder: { kind: "citizen" },
      todo: { kind: "answer", count: open.length, dueAt: open[0]!.dueAt },
      currentStep: step,
    };
  if (app.status === "AWAITING_CONFIRMATION")
    return { holder: { kind: "citizen" }, todo: { kind: "confirm" }, currentStep: step };
  if (app.status === "AWAITING_CASEWORKER")
    return { holder: { kind: "caseworker" }, todo: { kind: "nothing", dueAt: step?.dueAt ?? null }, currentStep: step };
  return {
    holder: { kind: "office", code: step?.departmentCode ?? null },
    todo: { kind: "nothing", dueAt: step?.dueAt ?? null },
    currentStep: step,
  };
}
