import type { LedgerVerification } from "@visit-once/prisma/ledger";
import { getFormatter, getTranslations } from "next-intl/server";

/** The chain's verified state in the citizen's words: how far it was verified, or a plain warning. */
export async function ChainState({ state }: { state: LedgerVerification }) {
  const [t, format] = await Promise.all([getTranslations("citizen.dataUse"), getFormatter()]);
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  if (!state.ok) {
    return (
      <p
        role="alert"
        data-testid="chain-state"
        data-ok="false"
        className="rounded-md border border-red-700 bg-red-50 px-3 py-2 text-red-900"
      >
        {t("stateBad", { seq: String(state.seq), at: when(state.checkedAt) })}
      </p>
    );
  }
  return (
    <p
      role="status"
      data-testid="chain-state"
      data-ok="true"
      className="rounded-md border border-green-700 bg-green-50 px-3 py-2 text-green-900"
    >
      {state.upToAt ? t("stateOk", { seq: String(state.upToSeq), at: when(state.upToAt) }) : t("stateEmpty")}
    </p>
  );
}
