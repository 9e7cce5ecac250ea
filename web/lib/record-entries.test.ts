import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { loadMessages } from "@/i18n/messages";
import { type CitizenWords, recordEntries, recordFieldRows, recordName } from "./record-entries";

describe("recordEntries", () => {
  it("turns a record into readable rows", () => {
    expect(
      recordEntries({
        householdNo: "H1",
        members: [
          { nationalId: "1", fullName: "A", relationToHead: "02" },
          { nationalId: "2", fullName: "B", relationToHead: "01" },
        ],
        partyNationalIds: ["1", "2"],
        encumbered: false,
        fatherNationalId: null,
        areaSquareMetres: 89.5,
      }),
    ).toEqual([
      { key: "householdNo", value: "H1" },
      { key: "members", value: "1 / A / 02; 2 / B / 01" },
      { key: "partyNationalIds", value: "1; 2" },
      { key: "encumbered", value: false },
      { key: "fatherNationalId", value: null },
      { key: "areaSquareMetres", value: "89.5" },
    ]);
  });
  it("gives nothing for data that is not an object", () => {
    expect(recordEntries(null)).toEqual([]);
    expect(recordEntries([1])).toEqual([]);
    expect(recordEntries("x")).toEqual([]);
  });
});

/** A catalogue with a few words, like next-intl's `t` for "citizen". */
const WORDS: Record<string, string> = {
  "records.household": "household registration",
  "recordFields.householdNo": "Household number",
  "case.yes": "Yes",
  "case.no": "No",
};
const t = Object.assign((key: string) => WORDS[key] ?? `missing:${key}`, {
  has: (key: string) => key in WORDS,
}) as CitizenWords;

describe("recordName", () => {
  it("names a known record type, and falls back to the code", () => {
    expect(recordName(t, "household")).toBe("household registration");
    expect(recordName(t, "unheard-of")).toBe("unheard-of");
  });
});

describe("recordFieldRows", () => {
  it("labels the fields it knows, says yes/no for flags and a dash for nothing", () => {
    expect(
      recordFieldRows({ householdNo: "H1", encumbered: false, verified: true, fatherNationalId: null }, t),
    ).toEqual([
      { key: "householdNo", label: "Household number", value: "H1" },
      { key: "encumbered", label: "encumbered", value: "No" },
      { key: "verified", label: "verified", value: "Yes" },
      { key: "fatherNationalId", label: "fatherNationalId", value: "—" },
    ]);
  });
  it("gives nothing for data that is not an object", () => {
    expect(recordFieldRows(null, t)).toEqual([]);
  });
  it("says every coded value the real catalogues know in words, nested ones too (sex, relation, scheme, vaccine)", async () => {
    const { citizen } = (await loadMessages("zh-CN")) as { citizen: Record<string, unknown> };
    const zh = createTranslator({ locale: "zh-CN", messages: citizen }) as unknown as CitizenWords;
    const rows = recordFieldRows(
      {
        sex: "M",
        scheme: "urban-employee",
        status: "active",
        members: [{ nationalId: "3301**********0021", fullName: "陈华", relationToHead: "head" }],
        doses: [{ vaccine: "HepB", doseNo: 1, date: "2026-10-01" }],
        householdNo: "H1",
      },
      zh,
    );
    expect(Object.fromEntries(rows.map((r) => [r.key, r.value]))).toEqual({
      sex: "男",
      scheme: "城镇职工基本医疗保险",
      status: "正常",
      members: "3301**********0021 / 陈华 / 户主",
      doses: "乙肝疫苗 / 1 / 2026-10-01",
      householdNo: "H1",
    });
  });
});
