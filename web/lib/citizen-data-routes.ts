// Every page, route handler and server action of the web, by its file under web/app, in one of two lists:
// it shows a citizen's data to someone (and writes an access-ledger entry for it, which the
// ledger sweep — e2e/specs/staff/ledger-sweep.spec.ts — visits as each role that may see it),
// or it shows none, and why. `citizen-data-routes.test.ts` fails for a page or route in
// neither list, so a new one cannot be added without saying which it is. Pure data: the
// sweep (in e2e) imports it.

/** A page or route that shows a citizen's data, and the ledger entry each visit writes. */
export interface ShowsCitizenData {
  file: string;
  /** The ledger action its entries carry. */
  action: "staff-view" | "document-download" | "codec-decode" | "reveal";
  /** Every role that may see it (each is visited by the sweep). */
  seenBy: readonly ("CITIZEN" | "OFFICER" | "CASEWORKER" | "ADMIN")[];
  /** Where the entry is written (the loader that reads the data). */
  writtenBy: string;
}

export const SHOWS_CITIZEN_DATA: readonly ShowsCitizenData[] = [
  { file: "staff/tasks/[applicationId]/[stepKey]/page.tsx", action: "staff-view", seenBy: ["OFFICER"], writtenBy: "web/server/staff/get-task.ts" },
  { file: "staff/exceptions/[id]/page.tsx", action: "staff-view", seenBy: ["CASEWORKER"], writtenBy: "web/server/staff/get-exception-case.ts" },
  { file: "api/documents/[code]/pdf/route.ts", action: "document-download", seenBy: ["CITIZEN"], writtenBy: "web/server/documents/find-owned-document.ts" },
  { file: "api/temporal-codec/decode/route.ts", action: "codec-decode", seenBy: ["CASEWORKER", "ADMIN"], writtenBy: "web/server/temporal-codec/decode-payloads.ts" },
  // The server action behind "Show in full": one masked identity number or bank account in clear.
  { file: "staff/reveal-action.ts", action: "reveal", seenBy: ["OFFICER", "CASEWORKER"], writtenBy: "web/server/at-rest/reveal-value.ts" },
];

const OWN_CASE = "only the signed-in citizen's own cases (anyone else gets 404): her reading her own case is not a use of her data by anyone else";

/** Pages and routes that show no citizen's data to anyone but herself, with the reason. */
export const SHOWS_NO_CITIZEN_DATA: Readonly<Record<string, string>> = {
  "page.tsx": "the home page: services and links",
  "services/(catalogue)/page.tsx": "the service catalogue",
  "services/[code]/page.tsx": "a service's description and what each office will be shown",
  "signin/page.tsx": "the sign-in form (sign-ins are on the ledger through record-sign-in.ts)",
  "signin/code/page.tsx": "the second-factor form for the person signing in",
  "signin/enrol/page.tsx": "the person's own second-factor enrolment",
  "verify/page.tsx": "the verification form",
  "verify/[code]/page.tsx": "a document's title, issuer and dates: the document, never the person",
  "applications/(list)/page.tsx": OWN_CASE,
  "applications/[id]/page.tsx": OWN_CASE,
  "api/applications/route.ts": `submits a case; ${OWN_CASE}`,
  "api/applications/[id]/route.ts": OWN_CASE,
  "api/applications/[id]/actions/route.ts": "case actions: answers the outcome of the action, no data of the case",
  "api/auth/[...nextauth]/route.ts": "sign-in and session endpoints: the person's own session",
  "api/health/route.ts": "the system's health",
  "api/ledger/public-key/route.ts": "the ledger's public signing key",
  "api/services/route.ts": "the service catalogue",
  "staff/page.tsx": "sends staff to their workspace",
  "staff/board/page.tsx": "counts and durations per service and office, no case",
  "staff/tasks/(list)/page.tsx": "case numbers, steps, services and dates: no name, record or typed field",
  "staff/exceptions/(queue)/page.tsx": "kinds, services, offices and record types: no value, name or citizen's words (exception-summary.ts, inQueue)",
  "staff/admin/accounts/page.tsx": "staff accounts only",
  "my-data/page.tsx": "the citizen's own ledger entries (who used her data, when and why): her own, and no value of any record",
  "staff/shared-data/page.tsx": "sends an officer (an administrator: the first office) to that office's page",
  "staff/shared-data/[office]/page.tsx": "an office's department fetches: record types, field names, services, laws, case numbers and counts; no citizen, name or value",
  "staff/admin/ledger/page.tsx": "ledger entries (account ids, case numbers, record types, field names), never a value; searches by case or actor are themselves on the ledger (record-admin-search.ts)",
  // Server actions: each answers a form's outcome in words, never data of a case.
  "signin/actions.ts": "server action: signs in; answers the next step",
  "applications/[id]/rate-action.ts": "server action: the citizen rates her own case",
  "staff/admin/accounts/actions.ts": "server action: resets a staff member's second factor",
  "staff/exceptions/actions.ts": "server action: claims or gives back an exception; answers claimed or released",
  "staff/exceptions/[id]/actions.ts": "server action: resolves an exception; answers the outcome",
  "staff/tasks/[applicationId]/[stepKey]/actions.ts": "server action: decides a step; answers the outcome",
};
