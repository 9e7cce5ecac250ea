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
  {
    file: "staff/tasks/[applicationId]/[stepKey]/page.tsx",
    action: "staff-view",
    seenBy: ["OFFICER"],
    writtenBy: "web/server/staff/get-task.ts",
  },
  {
    file: "staff/exceptions/[id]/page.tsx",
    action: "staff-view",
    seenBy: ["CASEWORKER"],
    writtenBy: "web/server/staff/get-exception-case.ts",
  },
  // A refusal under review (复核): its facts from the records and the applicant's grounds.
  {
    file: "staff/reviews/[id]/page.tsx",
    action: "staff-view",
    seenBy: ["OFFICER", "CASEWORKER"],
    writtenBy: "web/server/reviews/get-review.ts",
  },
  // A correction task: what the citizen said against her record, and the record's correctable fields.
  {
    file: "staff/corrections/[id]/page.tsx",
    action: "staff-view",
    seenBy: ["OFFICER"],
    writtenBy: "web/server/corrections/get-correction.ts",
  },
  {
    file: "api/documents/[code]/pdf/route.ts",
    action: "document-download",
    seenBy: ["CITIZEN"],
    writtenBy: "web/server/documents/find-owned-document.ts",
  },
  {
    file: "api/temporal-codec/decode/route.ts",
    action: "codec-decode",
    seenBy: ["CASEWORKER", "ADMIN"],
    writtenBy: "web/server/temporal-codec/decode-payloads.ts",
  },
  // The server action behind "Show in full": one masked identity number or bank account in clear.
  {
    file: "staff/reveal-action.ts",
    action: "reveal",
    seenBy: ["OFFICER", "CASEWORKER"],
    writtenBy: "web/server/at-rest/reveal-value.ts",
  },
];

const OWN_CASE =
  "only the signed-in citizen's own cases (anyone else gets 404): her reading her own case is not a use of her data by anyone else";

/** Pages and routes that show no citizen's data to anyone but herself, with the reason. */
export const SHOWS_NO_CITIZEN_DATA: Readonly<Record<string, string>> = {
  "page.tsx": "the home page: services and links",
  "services/(catalogue)/page.tsx": "the service catalogue",
  "guides/page.tsx": "the public service guides: the service definitions, no person",
  "guides/[code]/page.tsx": "one service's public guide: its definition, no person",
  "services/[code]/page.tsx":
    "a service's description, what each office will be shown, and links to her own open applications of it",
  "signin/page.tsx": "the sign-in form (sign-ins are on the ledger through record-sign-in.ts)",
  "signin/code/page.tsx": "the second-factor form for the person signing in",
  "signin/enrol/page.tsx": "the person's own second-factor enrolment",
  "verify/page.tsx": "the verification form",
  "verify/[code]/page.tsx": "a document's title, issuer and dates: the document, never the person",
  "verify/verify-file-action.ts":
    "server action: an uploaded certificate file's verdict with the document's title, issuer and dates, never the person",
  "applications/(list)/page.tsx": OWN_CASE,
  "applications/[id]/page.tsx": OWN_CASE,
  "api/applications/route.ts": `submits a case; ${OWN_CASE}`,
  "api/applications/[id]/route.ts": OWN_CASE,
  "api/applications/[id]/actions/route.ts": "case actions: answers the outcome of the action, no data of the case",
  "api/auth/[...nextauth]/route.ts": "sign-in and session endpoints: the person's own session",
  "api/health/route.ts": "the system's health",
  "api/ledger/public-key/route.ts": "the ledger's public signing key",
  "api/services/route.ts": "the service catalogue",
  "metrics/route.ts":
    "Prometheus figures for operators (counts by status and office, never a person), behind VO_METRICS_TOKEN",
  "staff/page.tsx": "sends staff to their workspace",
  "staff/board/page.tsx": "counts and durations per service and office, no case",
  "staff/tasks/(list)/page.tsx": "case numbers, steps, services and dates: no name, record or typed field",
  "staff/reviews/(list)/page.tsx":
    "services, steps, refusing offices and due days: no name, record value or the applicant's words",
  "staff/reviews/[id]/actions.ts": "server action: decides a review; answers the outcome",
  "staff/exceptions/(queue)/page.tsx":
    "kinds, services, offices and record types: no value, name or citizen's words (exception-summary.ts, inQueue)",
  "staff/admin/accounts/page.tsx": "staff accounts only (names, emails, roles, offices): staff, not citizens' data",
  "staff/admin/accounts/[id]/page.tsx": "one staff account: staff, not citizens' data",
  "staff/admin/offices/page.tsx": "the office directory: offices and counts of their staff, no person",
  "staff/admin/offices/[code]/page.tsx": "one office's names and supervising office",
  "staff/admin/services/page.tsx": "the service definitions and their versions, no case",
  "staff/admin/calendar/page.tsx": "the working calendar: public holidays and 调休 days, no person",
  "signin/invitation/page.tsx": "a new member of staff sets their own password; no citizen's data",
  "my-data/page.tsx":
    "the citizen's own ledger entries (who used her data, when and why): her own, and no value of any record",
  "inbox/page.tsx":
    "a person's own messages (and an officer's office's): kinds with service, step, office and due day, linking to cases; no name, identity number or record value",
  "inbox/settings/page.tsx": "the person's own message settings (language, email, SMS, her own mobile number)",
  "dev/mailbox/page.tsx":
    "development only: the emails and SMS sent to the signed-in person herself (service, step and due day, never a record value)",
  "staff/shared-data/page.tsx": "sends an officer (an administrator: the first office) to that office's page",
  "staff/shared-data/[office]/page.tsx":
    "an office's department fetches: record types, field names, services, laws, case numbers and counts; no citizen, name or value",
  "account/mandates/page.tsx":
    "the mandates the signed-in citizen granted or holds: the names she or the grantor typed, services and expiry; no identity number or record",
  "staff/mandates/page.tsx":
    "the notarised mandates caseworkers registered from the papers handed to them: the parties' names as on the paper, services and expiry; no identity number or record",
  "staff/ratings/(list)/page.tsx":
    "an office's rectification tasks: services, case numbers, due days and states; no name or comment",
  "staff/ratings/[id]/page.tsx":
    "a bad rating of the office's service: the rating, the comment its author addressed to the office, and the replies; no name, identity number or record value",
  "statistics/page.tsx": "the reform's public figures: counts and durations, cells under five suppressed",
  "staff/statistics/(all)/page.tsx":
    "the reform's figures per office for administrators: counts and durations, no case",
  "staff/statistics/[office]/page.tsx": "an office's own figures: counts and durations, no case",
  "staff/admin/ledger/page.tsx":
    "ledger entries (account ids, case numbers, record types, field names), never a value; searches by case or actor are themselves on the ledger (record-admin-search.ts)",
  // Server actions: each answers a form's outcome in words, never data of a case.
  "signin/actions.ts": "server action: signs in; answers the next step",
  "applications/[id]/rate-action.ts": "server action: the citizen rates her own case",
  "inbox/mark-read-action.ts": "server action: marks the person's own (or her office's) messages read; answers nothing",
  "inbox/settings/save-settings-action.ts":
    "server action: saves the person's own message settings; answers the outcome",
  "staff/admin/accounts/actions.ts":
    "server actions: invite a member of staff (or give them a new link), change a staff account's role and office, deactivate or reactivate it, reset its second factor; staff accounts, not citizens' data",
  "staff/admin/offices/actions.ts": "server actions: create, change or delete an office; answers the outcome",
  "staff/admin/calendar/actions.ts": "server actions: set or remove a calendar day; answers the outcome",
  "signin/invitation/actions.ts":
    "server action: a new member of staff sets their password through their invitation; answers the outcome",
  "account/mandates/actions.ts": "server actions: the citizen grants or revokes a mandate; answers the outcome",
  "staff/mandates/actions.ts":
    "server actions: a caseworker registers or revokes a notarised mandate; answers the outcome",
  "staff/ratings/[id]/actions.ts": "server action: the office answers a bad rating; answers the outcome",
  "staff/corrections/[id]/actions.ts": "server actions: the office corrects its record or refuses; answers the outcome",
  "staff/exceptions/actions.ts": "server action: claims or gives back an exception; answers claimed or released",
  "staff/exceptions/[id]/actions.ts": "server action: resolves an exception; answers the outcome",
  "staff/tasks/[applicationId]/[stepKey]/actions.ts": "server action: decides a step; answers the outcome",
};
