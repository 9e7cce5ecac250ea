import Link from "next/link";
import type { ReactNode } from "react";
import type { AccessEventModel as AccessEvent } from "@visit-once/prisma";
import { findService } from "@visit-once/workflows/contracts";
import { recordName } from "@/lib/record-entries";
import { type AccessWords, describeAccess } from "@/server/ledger/describe-access";
import { joinList, officeLabel, pick, serviceLabel } from "@/server/localised";

export interface EntryWords {
  /** `citizen.dataUse` */
  t: (key: string, values?: Record<string, string | number>) => string;
  /** `citizen` (record and field names) */
  words: { (key: string): string; has(key: string): boolean };
  locale: string;
  when: (d: Date) => string;
}

/** One use of the citizen's data: what, when, who, which office, why, under which law, which case, which records and details. */
export function DataUseEntry({
  entry,
  citizenId,
  w,
  acting,
}: {
  entry: AccessEvent;
  citizenId: string;
  w: EntryWords;
  acting?: { representativeName: string; subjectName: string };
}) {
  const d = describeAccess(entry, citizenId, w.locale);
  const { t, locale } = w;
  const failedSignIn = entry.action === "sign-in" && d.who.kind === "attempt";
  const own = d.who.kind === "you" || d.who.kind === "attempt";
  const basis =
    d.legalBases.length > 0
      ? joinList(locale, d.legalBases)
      : own
        ? t("basisOwn")
        : entry.applicationId
          ? t("basisCase")
          : null;
  const { named, others } = fieldNames(entry, d, w);
  return (
    <li
      className="rounded-lg border border-slate-200 bg-white p-4"
      data-testid="data-use-entry"
      data-action={entry.action}
      data-case={entry.applicationId ?? ""}
      data-own={String(own)}
    >
      <h3 className="font-semibold">{t(`kinds.${failedSignIn ? "sign-in-failed" : entry.action}`)}</h3>
      <dl className="mt-2 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[10rem_1fr]">
        <Row label={t("when")}>{w.when(entry.at)}</Row>
        <Row label={t("who")}>{who(d, w)}</Row>
        {d.office && <Row label={t("office")}>{officeLabel(locale, d.office)}</Row>}
        {d.purposes.length > 0 && <Row label={t("why")}>{joinList(locale, d.purposes)}</Row>}
        {basis && <Row label={t("law")}>{basis}</Row>}
        {entry.applicationId && (
          <Row label={t("case")}>
            <Link href={`/applications/${entry.applicationId}`} className="text-blue-800 underline underline-offset-4">
              {entry.serviceCode ? serviceLabel(locale, entry.serviceCode) : entry.applicationId}
            </Link>
          </Row>
        )}
        {acting && (
          <Row label={t("onBehalf")}>
            <span data-testid="data-use-on-behalf">
              {t("onBehalfOf", { representative: acting.representativeName, subject: acting.subjectName })}
            </span>
          </Row>
        )}
        {d.recordTypes.length > 0 && (
          <Row label={t("records")}>
            {joinList(
              locale,
              d.recordTypes.map((r) => recordName(w.words, r)),
            )}
          </Row>
        )}
        {(named.length > 0 || others > 0) && (
          <Row label={t("fields")}>
            {joinList(locale, [...named, ...(others > 0 ? [t("otherFields", { count: others })] : [])])}
          </Row>
        )}
      </dl>
    </li>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="font-medium text-slate-700">{label}</dt>
      <dd className="text-slate-900">{children}</dd>
    </>
  );
}

function who(d: AccessWords, { t, locale }: EntryWords): string {
  switch (d.who.kind) {
    case "you":
      return t("whoYou");
    case "attempt":
      return t("whoAttempt");
    case "system":
      return t("whoSystem");
    case "staff": {
      const role = ["OFFICER", "CASEWORKER", "ADMIN", "CITIZEN"].includes(d.who.role)
        ? t(`roles.${d.who.role}`)
        : t("whoUnknown");
      return d.who.office
        ? t("whoStaff", { role, office: officeLabel(locale, d.who.office) })
        : t("whoStaffNoOffice", { role });
    }
    case "unknown":
      return t("whoUnknown");
  }
}

/** The fields by name: a record's fields from the citizen catalogue, a typed field from the service; codes nobody can word are only counted. */
function fieldNames(
  entry: AccessEvent,
  d: AccessWords,
  { words, locale }: EntryWords,
): { named: string[]; others: number } {
  const typed = entry.serviceCode ? (findService(entry.serviceCode)?.citizenFields ?? []) : [];
  const named: string[] = [];
  let others = 0;
  for (const f of d.fields) {
    const field = typed.find((c) => c.name === f);
    if (field) named.push(pick(locale, field.label));
    else if (words.has(`recordFields.${f}`)) named.push(words(`recordFields.${f}`));
    else others += 1;
  }
  return { named: [...new Set(named)], others };
}
