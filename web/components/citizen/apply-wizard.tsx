"use client";

import { useTranslations } from "next-intl";
import { useRouter, useSearchParams } from "next/navigation";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { ErrorSummary, type FieldError } from "@/components/error-summary";
import {
  allowedStage,
  APPLY_STAGES,
  type ApplyStage,
  draftKey,
  parseDraft,
  parseStage,
  serialiseDraft,
} from "@/lib/apply-draft";
import { checkCitizenFields } from "@/lib/citizen-fields";
import type { SubmitErrorCode } from "@/server/applications/submit-application";
import { ApplyDetails, type FieldItem, fieldId, type LockedItem } from "./apply-details";
import { ApplyReview, type ConsentItem } from "./apply-review";

export type { ConsentItem, FieldItem, LockedItem };

/** The message key for a refused submission: what went wrong, and what the person can do about it. */
function submitErrorKey(status: number, code: SubmitErrorCode | undefined): string {
  if (status === 401) return "errors.signedOut";
  if (status === 429) return "errors.tooMany";
  if (code === "no-national-id") return "errors.noNationalId";
  if (code === "id-used-for-another-service") return "errors.idUsed";
  if (
    code === "not-your-child" ||
    code === "mandate-ended" ||
    code === "records-unavailable" ||
    code === "choose-child"
  )
    return `errors.${code}`;
  if (status === 400) return "errors.invalid";
  return "errors.failed";
}

/**
 * Applying in three stages, each its own address (`?stage=`), so the browser's Back goes to
 * the stage before: consent to each record, the details only the citizen knows (what
 * departments hold is shown locked), then check your answers with Change links and one
 * submit. The draft is kept for the tab (apply-draft.ts), so a reload loses nothing.
 */
export function ApplyWizard({
  applicationId: freshApplicationId,
  serviceCode,
  items,
  fields,
  locked,
  actingFor = null,
}: {
  applicationId: string;
  serviceCode: string;
  items: ConsentItem[];
  fields: FieldItem[];
  locked: LockedItem[];
  /** Acting for someone else (代办): whom, as the page offered it; the server proves it again. */
  actingFor?: { kind: "child" | "mandate"; ref: string } | null;
}) {
  const t = useTranslations("citizen.apply");
  const to = useTranslations("citizen.openApplication");
  const router = useRouter();
  const wanted = parseStage(useSearchParams().get("stage"));
  const [loaded, setLoaded] = useState(false);
  const [applicationId, setApplicationId] = useState(freshApplicationId);
  const [agreed, setAgreed] = useState<Record<string, boolean>>({});
  const [values, setValues] = useState<Record<string, string>>({});
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** The citizen's open application for this service and subject, when the submission was refused for it. */
  const [openUrl, setOpenUrl] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const focusAfterMove = useRef<string | null>(null);
  const allAgreed = items.every((i) => agreed[i.recordType]);
  const kinds = Object.fromEntries(fields.map((f) => [f.name, f.kind]));
  const stage = loaded ? allowedStage(wanted, allAgreed, checkCitizenFields(fields, values).ok) : "consent";

  // The saved draft comes back first (the server cannot know it); then every change is kept.
  useEffect(() => {
    const draft = parseDraft(sessionStorage.getItem(draftKey(serviceCode)));
    if (draft) {
      setApplicationId(draft.applicationId);
      setAgreed(draft.agreed);
      setValues(draft.values);
    }
    setLoaded(true);
  }, [serviceCode]);
  useEffect(() => {
    if (loaded) sessionStorage.setItem(draftKey(serviceCode), serialiseDraft({ applicationId, agreed, values }, kinds));
    // kinds derives from fields, which do not change on the page.
  }, [loaded, serviceCode, applicationId, agreed, values]);

  // A stage the answers do not allow yet (a typed or bookmarked address) shows, and says, the one that needs work.
  useEffect(() => {
    if (loaded && stage !== wanted) window.history.replaceState(null, "", `?stage=${stage}`);
  }, [loaded, stage, wanted]);

  // Move focus to the new stage's heading (or the field a Change link names) so keyboard and screen-reader users follow along.
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    const target = focusAfterMove.current ? document.getElementById(focusAfterMove.current) : headingRef.current;
    focusAfterMove.current = null;
    target?.focus();
  }, [stage]);

  function go(next: ApplyStage, focusId?: string) {
    setError(null);
    focusAfterMove.current = focusId ?? null;
    // Next.js keeps its router in step with the History API: the stage is in the address, and Back returns to the one before.
    window.history.pushState(null, "", `?stage=${next}`);
  }

  function onContinue(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (stage === "consent") {
      if (allAgreed) go("details");
      return;
    }
    if (stage === "details") {
      const checked = checkCitizenFields(fields, values);
      if (!checked.ok) {
        setFieldErrors(
          Object.fromEntries(
            fields
              .filter((f) => checked.problems[f.name])
              .map((f) => [
                f.name,
                checked.problems[f.name] === "required"
                  ? t("errors.requiredField", { field: f.label })
                  : t(`errors.invalid_${f.kind}`),
              ]),
          ),
        );
        return;
      }
      setFieldErrors({});
      go("review");
      return;
    }
    void submit();
  }

  async function submit() {
    if (busy) return;
    setBusy(true);
    setError(null);
    setOpenUrl(null);
    try {
      const res = await fetch("/api/applications", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({
          applicationId,
          serviceCode,
          consent: items.map((i) => i.recordType),
          fields: values,
          ...(actingFor && { actingFor }),
        }),
      });
      const body = (await res.json().catch(() => ({}))) as { url?: string; error?: string; code?: SubmitErrorCode };
      if (res.ok && body.url) {
        sessionStorage.removeItem(draftKey(serviceCode));
        router.push(body.url);
        return;
      }
      if (res.status === 409 && body.code === "already-open" && body.url) {
        setOpenUrl(body.url);
        setError(to("refused"));
      } else {
        setError(t(submitErrorKey(res.status, body.code)));
      }
    } catch {
      setError(t("errors.offline"));
    }
    setBusy(false);
  }

  const stageIndex = APPLY_STAGES.indexOf(stage);
  const summary: FieldError[] =
    stage === "details"
      ? fields
          .filter((f) => fieldErrors[f.name])
          .map((f) => ({
            fieldId: fieldId(f.name),
            message: fieldErrors[f.name]!.includes(f.label)
              ? fieldErrors[f.name]!
              : `${f.label}: ${fieldErrors[f.name]}`,
          }))
      : [];

  return (
    <form onSubmit={onContinue} noValidate className="space-y-6" data-stage={stage} data-testid="apply-wizard">
      {stageIndex > 0 && (
        <a
          href={`?stage=${APPLY_STAGES[stageIndex - 1]}`}
          onClick={(e) => {
            e.preventDefault();
            window.history.back();
          }}
          className="inline-block text-blue-800 underline underline-offset-4"
        >
          {t("back")}
        </a>
      )}
      <ol aria-label={t("progressLabel")} className="flex flex-wrap gap-2 text-sm">
        {APPLY_STAGES.map((s, i) => (
          <li
            key={s}
            aria-current={s === stage ? "step" : undefined}
            className={`rounded-full border px-3 py-1 ${s === stage ? "border-blue-700 bg-blue-50 font-semibold text-blue-900" : i < stageIndex ? "border-green-700 text-green-900" : "border-slate-400 text-slate-700"}`}
          >
            {t("stageOf", { n: i + 1, total: APPLY_STAGES.length })} {t(`stages.${s}`)}
          </li>
        ))}
      </ol>
      <ErrorSummary errors={summary} />
      <h2 ref={headingRef} tabIndex={-1} className="text-lg font-semibold outline-none">
        {t(`stages.${stage}`)}
      </h2>

      {stage === "consent" && (
        <fieldset className="space-y-4">
          <legend className="mb-2 text-slate-800">{t("consentLegend")}</legend>
          {items.map((item) => {
            const id = `consent-${item.recordType}`;
            return (
              <div
                key={item.recordType}
                className="rounded-lg border border-slate-200 bg-white p-4"
                data-testid={`consent-item-${item.recordType}`}
              >
                <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[10rem_1fr]">
                  <dt className="font-medium text-slate-700">{t("record")}</dt>
                  <dd>{item.recordLabel}</dd>
                  <dt className="font-medium text-slate-700">{t("department")}</dt>
                  <dd>{item.departmentName}</dd>
                  <dt className="font-medium text-slate-700">{t("purpose")}</dt>
                  <dd>{item.purpose}</dd>
                </dl>
                <div className="mt-3 flex items-start gap-3">
                  <input
                    id={id}
                    type="checkbox"
                    name="consent"
                    value={item.recordType}
                    checked={Boolean(agreed[item.recordType])}
                    onChange={(e) => setAgreed((prev) => ({ ...prev, [item.recordType]: e.target.checked }))}
                    className="mt-1 h-5 w-5 shrink-0 accent-blue-700"
                  />
                  <label htmlFor={id}>
                    {t("agree", { department: item.departmentName, record: item.recordLabel })}
                  </label>
                </div>
              </div>
            );
          })}
        </fieldset>
      )}

      {stage === "details" && (
        <ApplyDetails
          fields={fields}
          locked={locked}
          values={values}
          errors={fieldErrors}
          onChange={(name, value) => setValues((prev) => ({ ...prev, [name]: value }))}
        />
      )}

      {stage === "review" && <ApplyReview items={items} fields={fields} values={values} onChange={go} />}

      {error && (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-red-800">
          {error}
          {openUrl && (
            <>
              {" "}
              <a href={openUrl} className="font-semibold underline">
                {to("follow")}
              </a>
            </>
          )}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-4">
        <button
          type="submit"
          disabled={(stage === "consent" && !allAgreed) || busy}
          aria-describedby="submit-hint"
          className="rounded-md bg-blue-700 px-5 py-2.5 font-semibold text-white hover:bg-blue-800 disabled:cursor-not-allowed disabled:bg-slate-500"
        >
          {stage === "review" ? (busy ? t("submitting") : t("submit")) : t("continue")}
        </button>
        <p id="submit-hint" className="text-sm text-slate-700" aria-live="polite">
          {stage === "consent"
            ? allAgreed
              ? t("hints.ready")
              : t("hints.tickAll")
            : stage === "review"
              ? busy
                ? t("hints.sending")
                : t("hints.review")
              : t("hints.details")}
        </p>
      </div>
    </form>
  );
}
