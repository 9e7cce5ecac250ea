"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
// The plain text rule only: the contracts' barrel would build zod objects in the browser, whose eval probe the CSP refuses.
import { TEXT_LIMITS, type TextKind, textProblem } from "@visit-once/workflows/contracts/text";
import type { CaseActionOf, CaseActionRequest } from "@visit-once/workflows/contracts";
import { newRequestId } from "@/lib/request-id";

/** A citizen's case action, as the case-action table defines its request. */
export type CitizenActionBody = Extract<CaseActionRequest, { action: CaseActionOf<"CITIZEN"> }>;

/** The text the citizen typed for the action, and the text rule it falls under. */
export interface TypedText {
  value: string;
  kind: TextKind;
}

/**
 * Sends one case action. The request id is minted once per form and kept until the action
 * succeeds, so a double submit or a retry after a lost answer is one action.
 */
export function useCaseAction(applicationId: string, onDone: () => void) {
  const t = useTranslations("citizen.case.actionErrors");
  const [requestId, setRequestId] = useState(newRequestId);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function send(body: CitizenActionBody, text?: TypedText): Promise<boolean> {
    if (busy) return false;
    // The same text rule the server applies, said here in the reader's language before anything is sent (an action without text has none).
    const problem = text ? textProblem(text.value, TEXT_LIMITS[text.kind]) : null;
    if (problem) {
      setError(t(`text.${problem}`));
      return false;
    }
    setBusy(true);
    setError(null);
    try {
      const res = await fetch(`/api/applications/${encodeURIComponent(applicationId)}/actions`, {
        method: "POST",
        headers: { "Content-Type": "application/json", "Idempotency-Key": requestId },
        body: JSON.stringify(body),
      });
      if (res.ok) {
        setRequestId(newRequestId());
        onDone();
        return true;
      }
      const answer = (await res.json().catch(() => ({}))) as { error?: string };
      // 422: this request's key is spent on another body; the next try is a new request.
      if (res.status === 422) setRequestId(newRequestId());
      setError(
        res.status === 401
          ? t("signedOut")
          : res.status === 429
            ? t("throttled")
            : res.status === 409 || res.status === 422
              ? t("refused", { reason: answer.error ?? "" })
              : res.status === 400
                ? t("invalid")
                : t("failed"),
      );
    } catch {
      setError(t("offline"));
    } finally {
      setBusy(false);
    }
    return false;
  }

  return { send, busy, error };
}
