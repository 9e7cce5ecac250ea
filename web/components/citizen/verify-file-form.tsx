"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import type { FileProblem, VerifyFileState } from "@/app/verify/verify-file-action";

const MAX_BYTES = 2 * 1024 * 1024;

const TONE = {
  genuine: "border-green-300 bg-green-50 text-green-950",
  revoked: "border-red-300 bg-red-50 text-red-950",
  altered: "border-red-300 bg-red-50 text-red-950",
  unknown: "border-amber-300 bg-amber-50 text-amber-950",
} as const;

/** Upload a certificate PDF: the server says whether it is exactly a file that was issued. */
export function VerifyFileForm({
  action,
}: {
  action: (prev: VerifyFileState, form: FormData) => Promise<VerifyFileState>;
}) {
  const t = useTranslations("citizen.verify.file");
  const [state, formAction, pending] = useActionState(action, { kind: "idle" });
  // A file over the limit is refused here before it is sent; the server checks again.
  const [localProblem, setLocalProblem] = useState<FileProblem | null>(null);
  const problem = localProblem ?? (state.kind === "problem" ? state.problem : null);
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problem) summary.current?.focus();
  }, [problem, state]);

  return (
    <div className="space-y-4">
      {problem && (
        <div
          ref={summary}
          tabIndex={-1}
          role="alert"
          aria-labelledby="verify-file-error-title"
          className="rounded-md border-2 border-red-700 p-4"
        >
          <h3 id="verify-file-error-title" className="font-semibold text-red-900">
            {t("errorSummary")}
          </h3>
          <a href="#verify-file" className="text-red-900 underline">
            {t(`problems.${problem}`)}
          </a>
        </div>
      )}
      <form
        action={formAction}
        onSubmit={(e) => {
          const input = e.currentTarget.elements.namedItem("file") as HTMLInputElement | null;
          const chosen = input?.files?.[0];
          const early: FileProblem | null = !chosen ? "missing" : chosen.size > MAX_BYTES ? "too-large" : null;
          setLocalProblem(early);
          if (early) e.preventDefault();
        }}
        className="space-y-3"
        noValidate
      >
        <div className="space-y-1">
          <label htmlFor="verify-file" className="block font-medium">
            {t("label")}
          </label>
          <p id="verify-file-hint" className="text-sm text-slate-700">
            {t("hint")}
          </p>
          {problem && (
            <p id="verify-file-error" className="font-medium text-red-800">
              {t(`problems.${problem}`)}
            </p>
          )}
          <input
            id="verify-file"
            name="file"
            type="file"
            accept="application/pdf,.pdf"
            aria-describedby={problem ? "verify-file-hint verify-file-error" : "verify-file-hint"}
            aria-invalid={problem ? true : undefined}
            className="block w-full rounded-md border border-slate-500 bg-white px-3 py-2"
          />
        </div>
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-blue-700 px-4 py-2 font-semibold text-white hover:bg-blue-800 disabled:opacity-60"
        >
          {pending ? t("checking") : t("submit")}
        </button>
      </form>
      {state.kind === "verdict" && !localProblem && (
        <div
          data-testid="verify-file-result"
          data-verdict={state.verdict}
          className={`space-y-3 rounded-lg border p-5 ${TONE[state.verdict]}`}
        >
          <p className="text-lg font-semibold" role="status">
            {t(`verdicts.${state.verdict}`)}
          </p>
          <p>{t(`explanations.${state.verdict}`)}</p>
          {state.verdict !== "unknown" && (
            <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[10rem_1fr]">
              <dt className="font-medium">{t("document")}</dt>
              <dd>{state.document.title}</dd>
              <dt className="font-medium">{t("issuedBy")}</dt>
              <dd>{state.document.issuedBy}</dd>
              <dt className="font-medium">{t("issuedAt")}</dt>
              <dd>{state.document.issuedAt}</dd>
              {state.document.revokedAt && (
                <>
                  <dt className="font-medium">{t("revokedAt")}</dt>
                  <dd>{state.document.revokedAt}</dd>
                </>
              )}
              <dt className="font-medium">{t("code")}</dt>
              <dd className="font-mono">{state.document.code}</dd>
            </dl>
          )}
        </div>
      )}
    </div>
  );
}
