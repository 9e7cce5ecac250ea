import type { LedgerVerification } from "@visit-once/prisma/ledger";
import { getFormatter, getTranslations } from "next-intl/server";

/** "Verified up to …" or the first bad place, from the same check as `npm run ledger:verify`. */
export async function LedgerStateNotice({ state }: { state: LedgerVerification }) {
  const [t, format] = await Promise.all([getTranslations("staff.ledger"), getFormatter()]);
  const at = format.dateTime(state.checkedAt, { dateStyle: "medium", timeStyle: "medium" });
  if (!state.ok) {
    return (
      <p
        role="alert"
        data-testid="ledger-state"
        data-ok="false"
        className="rounded-md border border-red-700 bg-red-50 px-3 py-2 text-red-900"
      >
        {t("stateBad", { seq: String(state.seq), kind: t(`problems.${state.kind}`), at })}
      </p>
    );
  }
  const values = { entries: state.entries, seq: String(state.upToSeq), checkpoints: state.checkpoints, at };
  return (
    <p
      role="status"
      data-testid="ledger-state"
      data-ok="true"
      className="rounded-md border border-green-700 bg-green-50 px-3 py-2 text-green-900"
    >
      {state.signaturesChecked ? t("stateOk", values) : t("stateOkUnsigned", values)}
    </p>
  );
}
