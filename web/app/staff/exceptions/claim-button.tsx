"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { ClaimHolder } from "@/server/staff/claim-holder";
import { claimAction } from "./actions";

/** Claim an unclaimed exception, or give back one's own; says so when someone else was quicker. */
export function ClaimButton({ exceptionId, holder }: { exceptionId: string; holder: ClaimHolder }) {
  const t = useTranslations("staff.exceptions");
  const [state, action, pending] = useActionState(claimAction, null);
  if (holder === "other") return <span className="text-slate-700">{t("claimedByOther")}</span>;
  const claim = holder === "nobody";
  return (
    <form action={action} className="flex flex-col items-start gap-1">
      <input type="hidden" name="exceptionId" value={exceptionId} />
      <input type="hidden" name="claim" value={claim ? "1" : "0"} />
      {!claim && <span className="text-sm text-slate-700">{t("claimedByYou")}</span>}
      <button
        type="submit"
        disabled={pending}
        className="rounded border border-blue-800 px-3 py-1 text-sm font-medium text-blue-800 hover:bg-blue-50 focus:outline-2 focus:outline-offset-2 focus:outline-blue-800 disabled:opacity-60"
      >
        {claim ? t("claim") : t("unclaim")}
      </button>
      {state && !state.ok && (
        <span role="alert" className="text-sm text-red-800">
          {state.message}
        </span>
      )}
    </form>
  );
}
