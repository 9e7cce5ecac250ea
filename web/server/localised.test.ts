import { describe, expect, it } from "vitest";
import { durationParts, joinList, officeLabel, pick, recordLabel, serviceLabel, stepLabel } from "./localised";

describe("localised names", () => {
  it("picks Chinese for zh-CN and English otherwise", () => {
    expect(pick("zh-CN", { en: "Health", zh: "卫健" })).toBe("卫健");
    expect(pick("en", { en: "Health", zh: "卫健" })).toBe("Health");
  });

  it("joins a list the way each language writes one", () => {
    expect(joinList("zh-CN", ["公安局", "医疗保障局"])).toBe("公安局、医疗保障局");
    expect(joinList("en", ["Health", "Education"])).toBe("Health, Education");
    expect(joinList("en", ["Health"])).toBe("Health");
    expect(joinList("zh-CN", [])).toBe("");
  });

  it("names offices, services, records and steps, falling back to the code", () => {
    expect(officeLabel("en", "education")).toBe("Education Bureau");
    expect(officeLabel("zh-CN", "public-security")).toBe("公安局");
    expect(officeLabel("en", "ministry-of-magic")).toBe("ministry-of-magic");
    expect(officeLabel("en", null)).toBe("");
    expect(serviceLabel("en", "newborn-registration")).toBe("Register a newborn");
    expect(serviceLabel("en", "nope")).toBe("nope");
    expect(recordLabel("en", "identity")).toBe("Identity record");
    expect(recordLabel("en", "nope")).toBe("nope");
    expect(stepLabel("zh-CN", "newborn-registration", "household-registration")).toBe("户口登记");
    expect(stepLabel("en", "newborn-registration", "nope")).toBe("nope");
  });

  it("splits a duration into its two largest units", () => {
    expect(durationParts(30)).toEqual({ unit: "minutes", days: 0, hours: 0, minutes: 1 });
    expect(durationParts(3 * 3600 + 5 * 60)).toEqual({ unit: "hours", days: 0, hours: 3, minutes: 5 });
    expect(durationParts(2 * 86400 + 4 * 3600)).toEqual({ unit: "days", days: 2, hours: 4, minutes: 0 });
    expect(durationParts(-5)).toEqual({ unit: "minutes", days: 0, hours: 0, minutes: 0 });
  });
});
