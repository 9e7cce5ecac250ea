import { useTranslations } from "next-intl";
import type { ApplicationStatus } from "@/lib/steps";

/** Each status's colours, shared by the badge and the case page's banner. */
export const STATUS_TONES: Record<ApplicationStatus, string> = {
  SUBMITTED: "border-blue-300 bg-blue-50 text-blue-900",
  FETCHING: "border-blue-300 bg-blue-50 text-blue-900",
  RECORDS_READY: "border-blue-300 bg-blue-50 text-blue-900",
  AWAITING_CONFIRMATION: "border-amber-300 bg-amber-50 text-amber-900",
  AWAITING_CASEWORKER: "border-amber-300 bg-amber-50 text-amber-900",
  IN_DEPARTMENTS: "border-blue-300 bg-blue-50 text-blue-900",
  ISSUING: "border-blue-300 bg-blue-50 text-blue-900",
  COMPLETED: "border-green-300 bg-green-50 text-green-900",
  REJECTED: "border-red-300 bg-red-50 text-red-900",
  CANCELLED: "border-slate-300 bg-slate-100 text-slate-800",
  FAILED: "border-red-300 bg-red-50 text-red-900",
};

export function StatusBadge({ status }: { status: ApplicationStatus }) {
  const t = useTranslations("citizen.status");
  return (
    <span
      data-testid="status-badge"
      data-status={status}
      className={`rounded-full border px-3 py-1 text-sm font-medium ${STATUS_TONES[status]}`}
    >
      {t(status)}
    </span>
  );
}
