"use client";

import { type ReactNode, useState } from "react";

interface Answer {
  ok: boolean;
  message: string;
  nextRequestId: string;
}

/**
 * The request id a staff action form sends: the page's first one until an answer brings the
 * next (live refreshes bring new props, which must not change it mid-action).
 */
export function useRequestId(first: string, state: Answer | null): string {
  const [initial] = useState(first);
  return state?.nextRequestId ?? initial;
}

/** The last answer to a staff action, announced politely; empty before the first. */
export function ActionResult({ state }: { state: Answer | null }) {
  return (
    <div aria-live="polite" role="status" data-testid="action-result" data-ok={state ? String(state.ok) : undefined}>
      {state && (
        <p
          className={`rounded border p-3 ${state.ok ? "border-green-300 bg-green-50 text-green-900" : "border-red-300 bg-red-50 text-red-900"}`}
        >
          {state.message}
        </p>
      )}
    </div>
  );
}

/** Why the case takes no action here now, in place of the form. */
export function ClosedNotice({ testId, children }: { testId: string; children: ReactNode }) {
  return (
    <p className="rounded-lg border border-slate-200 bg-white p-4 text-slate-800" data-testid={testId}>
      {children}
    </p>
  );
}
