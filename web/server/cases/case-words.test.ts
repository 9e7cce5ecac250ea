import { caseEventWordsSchema, type CaseEventWords, stepDetailSchema } from "@visit-once/workflows/contracts";
import { describe, expect, it } from "vitest";
import { chinaDay, sayEventRow, sayStepDetail } from "./case-words";

const row = (words: unknown) => ({ id: "e1", messageEn: "stored English", messageZh: "stored 中文", words });
const said = (words: CaseEventWords, serviceCode = "newborn-registration") => sayEventRow(row(words), serviceCode);

/** No Latin word of three letters or more: what a zh-CN page must not show from data it words itself. */
const ENGLISH = /[A-Za-z]{3,}/;

describe("case history words", () => {
  it("says Chen Hua's missing birth certificate in Chinese, and the caseworker's acceptance as settled", () => {
    const raised = said({
      kind: "exception-raised",
      exception: "MISSING_RECORD",
      department: "health",
      recordType: "birth-certificate",
    });
    expect(raised.messageZh).toMatch(/^工作人员将核实：未能从.+获取.+。$/);
    expect(raised.messageZh).not.toMatch(ENGLISH);
    expect(raised.messageEn).toMatch(/^A caseworker will check this: the .+ could not be obtained from the .+\.$/);
    const accepted = said({ kind: "exception-resolved", resolution: "accept", why: "单亲家庭，已核实。" });
    expect(accepted.messageZh).toBe("工作人员已处理：按现有情况接受（单亲家庭，已核实。）。");
  });

  it("has both languages for every kind the contracts define, with no English in the Chinese", () => {
    const samples: CaseEventWords[] = [
      { kind: "record-disputed", recordType: "household" },
      { kind: "correction-requested", department: "health", recordType: "birth-certificate" },
      {
        kind: "record-corrected",
        department: "health",
        recordType: "birth-certificate",
        fields: [{ field: "birthPlace", value: "杭州市妇产科医院" }],
      },
      { kind: "correction-refused", department: "public-security", recordType: "household", reason: "户籍记录无误" },
      { kind: "correction-overdue", department: "health", recordType: "birth-certificate" },
      { kind: "data-stored-cleaned" },
      { kind: "information-requested", question: "出生地点？" },
      { kind: "information-provided" },
      { kind: "exception-raised", exception: "CONFLICT", field: "fullName" },
      { kind: "exception-raised", exception: "NO_CONSENT", department: "civil-affairs", recordType: "marriage" },
      {
        kind: "exception-resolved",
        resolution: "choose-value",
        value: "the applicant",
        meaning: "the-applicant",
        why: "核实",
      },
      { kind: "exception-resolved", resolution: "escalate", why: "督办" },
      { kind: "exception-refetch" },
      { kind: "exception-refetched", settled: true },
      { kind: "exception-refetched", settled: false },
      { kind: "exception-rejected", reason: "无法核实" },
      { kind: "preview-ready", dueDay: "2026-10-10" },
      { kind: "preview-confirmed" },
      { kind: "consent-withdrawn", recordType: "marriage" },
      { kind: "preview-lapsed", dueDay: "2026-10-10" },
      { kind: "awaiting-caseworker" },
      { kind: "in-departments" },
      { kind: "step-started", stepKey: "household-registration", office: "public-security", dueDay: "2026-10-10" },
      { kind: "step-reminder", stepKey: "household-registration", office: "public-security" },
      { kind: "step-escalated", stepKey: "household-registration", office: "public-security" },
      { kind: "step-revoked", stepKey: "household-registration", office: "public-security" },
      { kind: "step-approve", stepKey: "household-registration", office: "public-security", reason: "" },
      { kind: "step-reject", stepKey: "household-registration", office: "public-security", reason: "材料不全" },
      {
        kind: "step-request-correction",
        stepKey: "household-registration",
        office: "public-security",
        reason: "请补充",
      },
      { kind: "document-issued", title: { en: "Household register entry", zh: "户口登记凭证" } },
      { kind: "document-revoked", title: { en: "Household register entry", zh: "户口登记凭证" } },
      { kind: "case-completed" },
      { kind: "case-rejected", reasons: [{ en: "Not eligible.", zh: "不符合条件。" }] },
      { kind: "case-cancelled", reasons: [] },
      { kind: "case-failed", reasons: [{ en: "No record.", zh: "无记录。" }] },
      {
        kind: "case-refused",
        refusal: {
          by: "officer",
          office: "public-security",
          rule: {
            kind: "step-condition",
            stepKey: "household-registration",
            title: { en: "Household registration", zh: "户口登记" },
          },
          facts: [],
          statement: "户籍在外地",
          records: [{ recordType: "household", department: "public-security" }],
        },
        dueDay: "2026-12-15",
      },
      { kind: "review-requested", grounds: "已落户" },
      { kind: "review-overturned", reasons: "核实无误" },
      { kind: "review-upheld", reasons: "维持" },
      { kind: "review-lapsed" },
      { kind: "applied-for", basis: "mandate", representative: "王芳", subject: "李明" },
    ];
    const kinds = new Set(samples.map((s) => s.kind));
    expect([...kinds].sort()).toEqual(caseEventWordsSchema.options.map((o) => o.shape.kind.value).sort());
    for (const w of samples) {
      const { messageEn, messageZh } = said(caseEventWordsSchema.parse(w));
      expect(messageZh, w.kind).not.toMatch(ENGLISH);
      expect(messageZh, w.kind).not.toBe("stored 中文");
      expect(messageEn, w.kind).not.toBe("stored English");
    }
    expect(
      said({ kind: "step-started", stepKey: "household-registration", office: "public-security", dueDay: "2026-10-10" })
        .messageZh,
    ).toContain("2026年10月10日前");
  });

  it("keeps the stored text of a row from before words, or one this release cannot read", () => {
    expect(sayEventRow(row(null), "newborn-registration")).toEqual({
      id: "e1",
      messageEn: "stored English",
      messageZh: "stored 中文",
    });
    expect(sayEventRow(row({ kind: "something-new" }), "newborn-registration")).toMatchObject({
      messageEn: "stored English",
      messageZh: "stored 中文",
    });
  });
});

describe("step details", () => {
  it("says why a record step failed in both languages, from its kind", () => {
    for (const w of [
      { kind: "record-missing", department: "health", recordType: "birth-certificate" },
      {
        kind: "record-unusable",
        department: "health",
        recordType: "birth-certificate",
        problem: "InvalidDepartmentData",
      },
      { kind: "department-unavailable", department: "health", recordType: "birth-certificate", attempts: 3 },
      { kind: "department-retrying", department: "health" },
      { kind: "none-on-record" },
      { kind: "consent-withdrawn" },
      { kind: "reasons", reasons: [{ en: "Not eligible.", zh: "不符合条件。" }] },
    ]) {
      const detail = sayStepDetail(
        "The Health Commission holds no birth-certificate record for the applicant.",
        stepDetailSchema.parse(w),
      );
      expect(detail!.zh, w.kind).not.toMatch(ENGLISH);
      expect(detail!.en, w.kind).not.toContain("birth-certificate record");
    }
  });

  it("shows an officer's reason, or a row from before, as it was stored", () => {
    expect(sayStepDetail("材料不全", null)).toEqual({ en: "材料不全", zh: "材料不全" });
    expect(sayStepDetail(null, null)).toBeNull();
  });

  it("writes a China day in each language", () => {
    expect(chinaDay("zh-CN", "2026-10-10")).toBe("2026年10月10日");
    expect(chinaDay("en", "2026-10-10")).toBe("October 10, 2026");
  });
});
