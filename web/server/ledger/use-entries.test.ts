import { describe, expect, it } from "vitest";
import { SAME_VIEW_MS, type UseContext, useEntries } from "./use-entries";

const use: UseContext = {
  actor: { id: "a1", role: "OFFICER", departmentCode: "medical-security" },
  action: "staff-view",
  subjectId: "c1",
  applicationId: "app1",
  serviceCode: "retirement",
  purpose: 'Deciding the step "Medical insurance change"',
  requestId: "r1",
};
const records = [
  { recordType: "identity", departmentCode: "public-security", data: { nationalId: "x", fullName: "y" } },
  { recordType: "medical-insurance", departmentCode: "medical-security", data: { scheme: "s" } },
  { recordType: "medical-insurance", departmentCode: "medical-security", data: { status: "t" } },
];

describe("useEntries", () => {
  it("writes one entry per record type with the fields shown and its legal basis, and one for the rest of the case", () => {
    const entries = useEntries(use, { records, caseFields: ["informationRequests", "bankAccount"] }, "task:1");
    expect(entries.map((e) => [e.recordTypes, e.fields, e.department, e.legalBasis, e.consent ?? null])).toEqual([
      [["identity"], ["fullName", "nationalId"], "public-security", "Resident Identity Card Law, art. 13", null],
      [["medical-insurance"], ["scheme", "status"], "medical-security", "Social Insurance Law, art. 23", null],
      [[], ["bankAccount", "informationRequests"], null, null, "the applicant's consent for this case"],
    ]);
    for (const e of entries)
      expect(e).toMatchObject({
        subjectId: "c1",
        applicationId: "app1",
        requestId: "r1",
        outcome: "allowed",
        actor: { id: "a1", role: "OFFICER", office: "medical-security" },
      });
  });

  it("still writes one bare entry when nothing was shown: the case was opened", () => {
    expect(useEntries(use, { records: [] }, "task:1").map((e) => [e.recordTypes, e.fields])).toEqual([[[], []]]);
  });

  it("keys a view by person, page, what was shown and a 10-minute window, so a page re-reading itself appends once", () => {
    const at = new Date(Math.floor(Date.now() / SAME_VIEW_MS) * SAME_VIEW_MS);
    const keys = (when: Date, u = use, target = "task:1") =>
      useEntries(u, { records }, target, when).map((e) => e.idempotencyKey);
    expect(keys(new Date(at.getTime() + 1000))).toEqual(keys(at));
    expect(new Set(keys(at)).size).toBe(2);
    expect(keys(new Date(at.getTime() + SAME_VIEW_MS))).not.toEqual(keys(at));
    expect(keys(at, { ...use, actor: { ...use.actor, id: "a2" } })).not.toEqual(keys(at));
    expect(keys(at, use, "task:2")).not.toEqual(keys(at));
    expect(useEntries(use, { records }, "task:1").every((e) => e.idempotencyKey === undefined)).toBe(true);
  });
});
