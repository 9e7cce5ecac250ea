import {
  explainCaseworkRefusal,
  explainEligibility,
  explainStepRefusal,
  SERVICES,
} from "@visit-once/workflows/contracts";
import { describe, expect, it } from "vitest";
import { sayEventRow } from "./case-words";
import { sayRefusal } from "./refusal-words";

// The pages say every refusal's rule, facts and records (with the departments holding them)
// in the reader's language, from the explanation the workflow sent as data.

const prov = {
  departmentCode: "x",
  sourceRecordId: "x",
  retrievedAt: "2026-11-27T00:00:00.000Z",
  rawSha256: "0".repeat(64),
};
const ENGLISH = /[A-Za-z]{3,}/;

describe("refusal explanations on the pages", () => {
  it("a rule's refusal names the rule, the value read and the record with its department, in both languages", () => {
    const transfer = SERVICES["property-transfer"];
    const x = explainEligibility(transfer, transfer.eligibility[0]!, [
      { recordType: "property", data: { encumbered: true }, provenance: prov },
    ]);
    const en = sayRefusal("en", x, transfer.code);
    expect(en.rule).toBe("the rule “The property is mortgaged: the mortgage must be released first.”");
    expect(en.facts).toEqual(["Real estate registration, mortgaged: true"]);
    expect(en.records).toEqual([expect.stringMatching(/^Real estate registration \(.*Natural Resources.*\)$/)]);
    const zh = sayRefusal("zh-CN", x, transfer.code);
    expect(zh.rule).toBe("“房屋存在抵押，须先办理抵押注销。”的规定");
    expect(zh.records[0]).toMatch(/^不动产登记信息（.*自然资源.*）$/);
    expect(zh.sentence).toMatch(
      /^依据“房屋存在抵押，须先办理抵押注销。”的规定不予办理。事实：不动产登记信息中的是否抵押：true。所依据的记录：/,
    );
  });

  it("an officer's refusal names the step's conditions, the finding and the records ticked", () => {
    const newborn = SERVICES["newborn-registration"];
    const step = newborn.steps[0]!;
    const x = explainStepRefusal(newborn, step, "户籍在外地。", { rule: "step", records: ["household"] });
    const en = sayRefusal("en", x, newborn.code);
    expect(en.by).toBe("the Public Security Bureau");
    expect(en.sentence).toMatch(
      /^Refused under the conditions of Household registration\. Finding: 户籍在外地。 Records relied on: .+ \(Public Security Bureau\)\.$/,
    );
    const zh = sayRefusal("zh-CN", x, newborn.code);
    expect(zh.sentence).toMatch(/^依据户口登记的办理条件不予办理。认定：户籍在外地。所依据的记录：.+（公安局）。$/);
    expect(zh.sentence.replace("户籍在外地。", "")).not.toMatch(ENGLISH);
  });

  it("a caseworker's refusal names what could not be settled; the history line offers the review until its day", () => {
    const newborn = SERVICES["newborn-registration"];
    const x = explainCaseworkRefusal(newborn, { kind: "MISSING_RECORD", recordType: "marriage" }, "无婚姻登记。");
    expect(sayRefusal("en", x, newborn.code).rule).toBe(
      "the caseworkers' check (a record the service needs is missing)",
    );
    const line = sayEventRow(
      { id: "e", messageEn: "", messageZh: "", words: { kind: "case-refused", refusal: x, dueDay: "2026-12-15" } },
      newborn.code,
    );
    expect(line.messageEn).toBe(
      "Your application was refused. Refused under the caseworkers' check (a record the service needs is missing). Finding: 无婚姻登记。 Records relied on: Marriage registration (Civil Affairs Bureau). You may ask for a review until December 15, 2026.",
    );
    expect(line.messageZh).toBe(
      "您的申请未获批准。依据人工核查（缺少办理所需的记录）不予办理。认定：无婚姻登记。所依据的记录：婚姻登记信息（民政局）。您可在2026年12月15日前申请复核。",
    );
  });
});
