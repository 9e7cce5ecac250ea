import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { loadMessages } from "@/i18n/messages";
import { exceptionSummary, type SummarisedException } from "./exception-summary";

async function translators(locale: "en" | "zh-CN") {
  const { staff } = (await loadMessages(locale)) as { staff: Record<string, unknown> };
  const t = createTranslator({ locale, messages: staff, namespace: "summaries" as never }) as unknown as (
    k: string,
    v?: object,
  ) => string;
  return { t };
}

const conflict: SummarisedException = {
  kind: "CONFLICT",
  departmentCode: null,
  recordType: null,
  stepKey: null,
  conflict: {
    field: "fullName",
    values: [
      { value: "周敏", recordType: "household", department: "public-security" },
      { value: "周敏", recordType: "identity", department: "public-security" },
      { value: "周民", recordType: "medical-insurance", department: "medical-security" },
    ],
  },
  summary:
    'The departments disagree on the name: "周敏" (Public Security Bureau) against "周民" (Medical Security Bureau).',
  application: { serviceCode: "newborn-registration" },
};

describe("exceptionSummary", () => {
  it("says a conflict in the reader's language, each value once with who holds it", async () => {
    const zh = await translators("zh-CN");
    expect(exceptionSummary(zh.t, "zh-CN", conflict)).toBe(
      "各部门关于姓名的记录不一致：“周敏”（公安局）；“周民”（医疗保障局）。",
    );
    const en = await translators("en");
    expect(exceptionSummary(en.t, "en", conflict)).toBe(
      "The departments disagree on the name: “周敏” (Public Security Bureau) against “周民” (Medical Security Bureau).",
    );
  });

  it("tells a record the citizen did not consent to from one the department lacks, and keeps the citizen's own words in a dispute", async () => {
    const zh = await translators("zh-CN");
    const base = {
      ...conflict,
      kind: "MISSING_RECORD",
      departmentCode: "civil-affairs",
      recordType: "marriage",
      conflict: null,
    };
    expect(
      exceptionSummary(zh.t, "zh-CN", {
        ...base,
        summary: "The Civil Affairs Bureau holds no marriage record for the applicant.",
      }),
    ).toMatch(/^民政局没有申请人的/);
    expect(
      exceptionSummary(zh.t, "zh-CN", {
        ...base,
        kind: "NO_CONSENT",
        summary: "The citizen did not consent to sharing the marriage record.",
      }),
    ).toMatch(/^申请人未授权共享/);
    const dispute = {
      ...base,
      kind: "CITIZEN_DISPUTE",
      departmentCode: "public-security",
      recordType: "household",
      summary: "The citizen says the household record is wrong: 我已于2025年迁出。",
    };
    // The citizen's words come from the exception's detail; a row from before has none and shows its stored text.
    expect(
      exceptionSummary(zh.t, "zh-CN", {
        ...dispute,
        summary: "unused",
        detail: { kind: "CITIZEN_DISPUTE", explanation: "我已于2025年迁出。" },
      }),
    ).toBe("申请人反映户籍信息有误：我已于2025年迁出。");
    expect(exceptionSummary(zh.t, "zh-CN", dispute)).toBe(dispute.summary);
    const overdue = {
      ...base,
      kind: "OVERDUE_STEP",
      departmentCode: "public-security",
      recordType: null,
      stepKey: "household-registration",
    };
    expect(exceptionSummary(zh.t, "zh-CN", overdue)).toBe("公安局办理的“户口登记”已超期。");
  });

  it("says where a value comes from and words a value that is a statement, from the conflict's data (old conflicts by their one department string)", async () => {
    const zh = await translators("zh-CN");
    const birth = (source: object) => ({
      ...conflict,
      conflict: {
        field: "birthDate",
        values: [
          { value: "1994-05-12", recordType: "identity", department: "public-security", ...source },
          { value: "1994-12-05", recordType: "medical-insurance", department: "medical-security" },
        ],
      },
    });
    const said = "各部门关于出生日期的记录不一致：“1994-05-12”（公安局（身份证号码））；“1994-12-05”（医疗保障局）。";
    expect(exceptionSummary(zh.t, "zh-CN", birth({ source: "identity-number" }))).toBe(said);
    expect(exceptionSummary(zh.t, "zh-CN", birth({ department: "public-security (identity number)" }))).toBe(said);
    const parent = {
      ...conflict,
      conflict: {
        field: "parent",
        values: [
          {
            value: "the applicant",
            meaning: "the-applicant",
            recordType: "identity",
            department: "application",
            source: "application",
          },
          { value: "3301**********0021", recordType: "birth-certificate", department: "health" },
        ],
      },
    };
    expect(exceptionSummary(zh.t, "zh-CN", parent)).toBe(
      "各部门关于出生医学证明上的父母的记录不一致：“申请人本人”（申请）；“3301**********0021”（卫生健康委员会）。",
    );
  });

  it("in the queue names the disagreement and who holds what, never the values or the citizen's words", async () => {
    for (const locale of ["en", "zh-CN"] as const) {
      const { t } = await translators(locale);
      const shown = exceptionSummary(t, locale, conflict, { inQueue: true });
      expect(shown).toContain(locale === "en" ? "Medical Security Bureau" : "医疗保障局");
      expect(shown).not.toMatch(/周敏|周民/);
      const dispute = {
        ...conflict,
        kind: "CITIZEN_DISPUTE",
        departmentCode: "public-security",
        recordType: "household",
        conflict: null,
        summary: "The citizen says the household record is wrong: 我已于2025年迁出。",
      };
      expect(exceptionSummary(t, locale, dispute, { inQueue: true })).not.toContain("迁出");
      expect(exceptionSummary(t, locale, { ...conflict, kind: "SOMETHING_NEW" }, { inQueue: true })).toBe("");
    }
  });
});
