import { createTranslator } from "next-intl";
import { REFUSAL_CODES } from "@visit-once/workflows/contracts";
import { describe, expect, it } from "vitest";
import { LOCALES } from "@/i18n/locales";
import { loadMessages } from "@/i18n/messages";
import { describeRefusal } from "./refusal-message";

const PARAMS = {
  status: "COMPLETED",
  action: "cancel",
  taskStatus: "APPROVED",
  requestStatus: "ANSWERED",
  kind: "CONFLICT",
  resolution: "accept",
  office: "public-security",
  recordType: "vaccination",
  stepKey: "household-registration",
  max: 3,
  problem: "too-long",
};

describe("describeRefusal", () => {
  it("says every refusal in every language, with its values named as the pages name them", async () => {
    for (const locale of LOCALES) {
      const messages = (await loadMessages(locale)) as { common: Record<string, unknown> };
      const t = createTranslator({ locale, messages: messages.common, namespace: "case" as never }) as unknown as (
        k: string,
        v?: object,
      ) => string;
      for (const code of REFUSAL_CODES) {
        const params =
          code === "exception-not-open"
            ? { ...PARAMS, status: "RESOLVED" }
            : code === "correction-not-open"
              ? { ...PARAMS, status: "CORRECTED" }
              : code === "correction-invalid"
                ? { ...PARAMS, problem: "bad-value" }
                : PARAMS;
        const text = describeRefusal(t, locale, code, params, "newborn-registration");
        expect(text, `${locale} ${code}`).not.toMatch(/\{|case\.|refusals\./);
      }
    }
  });

  it("names statuses, steps and offices in the reader's language", async () => {
    const zh = (await loadMessages("zh-CN")) as { common: Record<string, unknown> };
    const t = createTranslator({ locale: "zh-CN", messages: zh.common, namespace: "case" as never }) as unknown as (
      k: string,
      v?: object,
    ) => string;
    expect(
      describeRefusal(
        t,
        "zh-CN",
        "step-not-awaiting",
        { stepKey: "household-registration", taskStatus: "APPROVED" },
        "newborn-registration",
      ),
    ).toBe("“户口登记”当前不在待审批状态：已办结。");
    expect(
      describeRefusal(
        t,
        "zh-CN",
        "case-not-taking",
        { status: "AWAITING_CASEWORKER", action: "decide" },
        "newborn-registration",
      ),
    ).toBe("该件当前状态为“综窗核实中”，暂不能进行部门审批。");
    const en = (await loadMessages("en")) as { common: Record<string, unknown> };
    const te = createTranslator({ locale: "en", messages: en.common, namespace: "case" as never }) as unknown as (
      k: string,
      v?: object,
    ) => string;
    expect(describeRefusal(t, "zh-CN", "text-invalid", { problem: "control-character" }, "newborn-registration")).toBe(
      "您提交的文字无法受理：含有控制字符（如空字符），请删除后再提交。",
    );
    expect(describeRefusal(te, "en", "text-invalid", { problem: "too-long", max: 1000 }, "newborn-registration")).toBe(
      "A text you sent cannot be accepted: it is too long; shorten it.",
    );
    expect(
      describeRefusal(
        te,
        "en",
        "wrong-office",
        { stepKey: "household-registration", office: "public-security" },
        "newborn-registration",
      ),
    ).toBe("“Household registration” is decided by the Public Security Bureau.");
  });
});
