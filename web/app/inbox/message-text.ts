import type { InboxMessage } from "@/server/notifications/inbox";
import { officeLabel, serviceLabel, stepLabel } from "@/server/localised";

/** The values a message's words take, in the reader's language (the catalogue words them). */
export function messageValues(locale: string, m: InboxMessage): Record<string, string> {
  return {
    service: serviceLabel(locale, m.serviceCode),
    step: m.params.stepKey ? stepLabel(locale, m.serviceCode, m.params.stepKey) : "none",
    office: officeLabel(locale, m.params.office) || "-",
    dueDay: m.params.dueDay ?? "-",
  };
}
