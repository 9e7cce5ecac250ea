import { describe, expect, it } from "vitest";
import { allowedStage, parseDraft, parseStage, serialiseDraft } from "./apply-draft";

const ID = "3f2b8c1e-0000-4000-8000-000000000001";

describe("the apply draft", () => {
  it("keeps consents and ordinary details through a round trip, but never identity numbers or bank accounts", () => {
    const text = serialiseDraft(
      {
        applicationId: ID,
        agreed: { identity: true, household: false },
        values: {
          babyName: "王小宝",
          bankAccount: "6222021234567890",
          buyerNationalId: "11010519491231002X",
          childId: "x",
        },
      },
      { childId: "national-id" },
    );
    expect(text).not.toContain("6222021234567890");
    expect(text).not.toContain("11010519491231002X");
    expect(parseDraft(text)).toEqual({
      applicationId: ID,
      agreed: { identity: true, household: false },
      values: { babyName: "王小宝" },
    });
  });

  it("ignores what is not a draft", () => {
    expect(parseDraft(null)).toBeNull();
    expect(parseDraft("not json")).toBeNull();
    expect(parseDraft(JSON.stringify({ applicationId: "nope" }))).toBeNull();
    expect(
      parseDraft(JSON.stringify({ applicationId: ID, agreed: { a: "yes" }, values: { n: 1, bankAccount: "1" } })),
    ).toEqual({ applicationId: ID, agreed: {}, values: {} });
  });
});

describe("stages", () => {
  it("reads a stage from the URL, anything else as the first", () => {
    expect(parseStage("review")).toBe("review");
    expect(parseStage("nope")).toBe("consent");
    expect(parseStage(null)).toBe("consent");
  });

  it("sends a stage the answers do not allow yet back to the first one that needs work", () => {
    expect(allowedStage("review", false, true)).toBe("consent");
    expect(allowedStage("details", false, false)).toBe("consent");
    expect(allowedStage("review", true, false)).toBe("details");
    expect(allowedStage("review", true, true)).toBe("review");
    expect(allowedStage("details", true, false)).toBe("details");
  });
});
