import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { MandateView } from "@/server/mandates/list-mandates";
import { serviceLabel } from "@/server/localised";

/** A list of mandates with their scope, expiry and state; a Revoke button where the reader may revoke. */
export async function MandateList({
  mandates,
  empty,
  revoke,
  testId,
}: {
  mandates: MandateView[];
  empty: string;
  revoke?: (form: FormData) => Promise<void>;
  testId: string;
}) {
  const [t, locale, format] = await Promise.all([getTranslations("mandates.list"), getLocale(), getFormatter()]);
  if (mandates.length === 0) return <p className="text-slate-700">{empty}</p>;
  return (
    <ul className="space-y-3" data-testid={testId}>
      {mandates.map((m) => (
        <li
          key={m.id}
          className="rounded-lg border border-slate-200 bg-white p-4"
          data-testid="mandate"
          data-state={m.state}
        >
          <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[10rem_1fr]">
            <dt className="font-medium text-slate-700">{t("grantor")}</dt>
            <dd>{m.grantorName}</dd>
            <dt className="font-medium text-slate-700">{t("grantee")}</dt>
            <dd>{m.granteeName}</dd>
            <dt className="font-medium text-slate-700">{t("services")}</dt>
            <dd>{m.services.map((s) => serviceLabel(locale, s)).join(locale === "en" ? ", " : "、")}</dd>
            <dt className="font-medium text-slate-700">{t("expiresOn")}</dt>
            <dd>{m.expiresOn}</dd>
            <dt className="font-medium text-slate-700">{t("source")}</dt>
            <dd>
              {m.source === "NOTARISED" ? t("notarised", { certificate: m.notarialCertificateNo ?? "" }) : t("portal")}
            </dd>
            <dt className="font-medium text-slate-700">{t("state")}</dt>
            <dd className={m.state === "active" ? "font-semibold text-green-800" : "font-semibold text-slate-700"}>
              {t(`states.${m.state}`)}
              {m.revokedAt &&
                ` · ${format.dateTime(new Date(m.revokedAt), { dateStyle: "medium", timeStyle: "short" })}`}
            </dd>
          </dl>
          {revoke && m.revocable && (
            <form action={revoke} className="mt-3">
              <input type="hidden" name="mandateId" value={m.id} />
              <button
                type="submit"
                className="rounded-md border border-red-700 px-3 py-1.5 text-red-800 hover:bg-red-50"
              >
                {t("revoke", { name: m.granteeName })}
              </button>
            </form>
          )}
        </li>
      ))}
    </ul>
  );
}
