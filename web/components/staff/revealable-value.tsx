"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { revealAction } from "@/app/staff/reveal-action";
import type { RevealTarget } from "@/server/at-rest/reveal-value";

/** A masked value with a button that shows it in full: the server records the reveal before answering. */
export function RevealableValue({ masked, label, target }: { masked: string; label: string; target: RevealTarget }) {
  const t = useTranslations("staff.evidence");
  const [value, setValue] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const [pending, startTransition] = useTransition();
  const reveal = () =>
    startTransition(async () => {
      const result = await revealAction(target);
      if (result.ok) setValue(result.value);
      else setFailed(true);
    });
  return (
    <span className="inline-flex flex-wrap items-center gap-2" data-testid={`revealable-${target.field}`}>
      <span data-testid="shown-value" data-revealed={value !== null}>
        {value ?? masked}
      </span>
      {value === null && (
        <button
          type="button"
          onClick={reveal}
          disabled={pending}
          aria-label={t("revealLabel", { field: label })}
          className="rounded border border-slate-400 px-2 py-0.5 text-xs text-blue-800 hover:bg-slate-50 focus:outline-2 focus:outline-blue-700 disabled:opacity-60"
        >
          {pending ? t("revealing") : t("reveal")}
        </button>
      )}
      {failed && (
        <span role="alert" className="text-xs text-red-800">
          {t("revealFailed")}
        </span>
      )}
    </span>
  );
}
