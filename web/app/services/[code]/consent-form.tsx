"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";

export interface ConsentItem {
  recordType: string;
  recordLabel: string;
  departmentName: string;
  departmentNameZh: string;
  purpose: string;
  purposeZh: string;
}

export function ConsentForm({
  applicationId,
  serviceCode,
  items,
}: {
  applicationId: string;
  serviceCode: string;
  items: ConsentItem[];
}) {
  const router = useRouter();
  const [agreed, setAgreed] = useState<Record<string, boolean>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const allAgreed = items.every((i) => agreed[i.recordType]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!allAgreed || busy) return;
    setBusy(true);
    setError(null);
    try {
      const res = await fetch("/api/applications", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ applicationId, serviceCode, consent: items.map((i) => i.recordType) }),
      });
      const body = (await res.json().catch(() => ({}))) as { url?: string; error?: string };
      if (res.ok && body.url) {
        router.push(body.url);
        return;
      }
      if (res.status === 401) setError("Your session has ended. Please sign in again.");
      else setError(body.error ?? "Your application could not be sent. Please try again.");
    } catch {
      setError("Your application could not be sent. Check your connection and try again.");
    }
    setBusy(false);
  }

  return (
    <form onSubmit={onSubmit} className="space-y-6">
      <fieldset className="space-y-4">
        <legend className="mb-2 text-lg font-semibold">Records the departments will share</legend>
        {items.map((item) => {
          const id = `consent-${item.recordType}`;
          return (
            <div key={item.recordType} className="rounded-lg border border-slate-200 bg-white p-4">
              <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[10rem_1fr]">
                <dt className="font-medium text-slate-700">Record</dt>
                <dd>{item.recordLabel.charAt(0).toUpperCase() + item.recordLabel.slice(1)}</dd>
                <dt className="font-medium text-slate-700">Department</dt>
                <dd>
                  {item.departmentName} <span lang="zh-Hans">({item.departmentNameZh})</span>
                </dd>
                <dt className="font-medium text-slate-700">Purpose</dt>
                <dd>
                  {item.purpose}
                  <span lang="zh-Hans" className="block text-sm text-slate-600">
                    {item.purposeZh}
                  </span>
                </dd>
              </dl>
              <div className="mt-3 flex items-start gap-3">
                <input
                  id={id}
                  type="checkbox"
                  name="consent"
                  value={item.recordType}
                  checked={Boolean(agreed[item.recordType])}
                  onChange={(e) => setAgreed((prev) => ({ ...prev, [item.recordType]: e.target.checked }))}
                  className="mt-1 h-5 w-5 accent-blue-700"
                />
                <label htmlFor={id}>
                  I agree that {item.departmentName} shares my {item.recordLabel} for this purpose
                </label>
              </div>
            </div>
          );
        })}
      </fieldset>
      {error && (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-red-800">
          {error}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-4">
        <button
          type="submit"
          disabled={!allAgreed || busy}
          aria-describedby="submit-hint"
          className="rounded-md bg-blue-700 px-5 py-2.5 font-semibold text-white hover:bg-blue-800 disabled:cursor-not-allowed disabled:bg-slate-400"
        >
          {busy ? "Submitting…" : "Submit application"}
        </button>
        <p id="submit-hint" className="text-sm text-slate-700" aria-live="polite">
          {busy ? "Sending your application…" : allAgreed ? "Ready to submit." : "Tick every box to submit."}
        </p>
      </div>
    </form>
  );
}
