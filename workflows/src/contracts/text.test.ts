import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { cleanText, isStorable, storableText, TEXT_LIMITS, textProblem } from "./text";
import { caseActionSchema } from "./case-action-args";
import { safeText } from "./text-schema";

describe("the text rule", () => {
  it("refuses NUL and other control characters, but keeps tabs and line breaks", () => {
    expect(textProblem("bye\u0000now", 100)).toBe("control-character");
    expect(textProblem("a\u001bb", 100)).toBe("control-character");
    expect(textProblem("a\u007fb", 100)).toBe("control-character");
    expect(textProblem("line one\nline two\tand\r\nthree", 100)).toBeNull();
  });

  it("refuses lone surrogates, high or low, anywhere, and accepts real pairs", () => {
    for (const s of ["\ud800", "a\ud800", "\udc00b", "x\udbff\udbffy", "\udc00\ud800"])
      expect(textProblem(s, 100)).toBe("unpaired-surrogate");
    expect(textProblem("家 👶🏽 ok", 100)).toBeNull();
  });

  it("counts the length after cleaning, and cleans to NFC with one kind of line break", () => {
    expect(textProblem(`  ${"x".repeat(10)}  `, 10)).toBeNull();
    expect(textProblem("x".repeat(11), 10)).toBe("too-long");
    expect(cleanText(" e\u0301\r\nb\r")).toBe("é\nb");
  });

  it("accepts exactly what PostgreSQL can store: any string without a problem round-trips through JSON unchanged", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 50 }), (s) => {
        const problem = textProblem(s, 1000);
        const hasBad =
          // eslint-disable-next-line no-control-regex -- finding control characters is the point
          /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(s) ||
          /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);
        expect(problem !== null).toBe(hasBad);
      }),
    );
  });

  it("in a schema: says what is wrong, and gives the cleaned text", () => {
    const r = safeText("short").safeParse("bye\u0000now");
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(/control character/);
    expect(safeText("short").parse("  hi  ")).toBe("hi");
    expect(safeText("short").safeParse("x".repeat(TEXT_LIMITS.short + 1)).error?.issues[0]?.message).toBe(
      "is too long: at most 200 characters",
    );
  });
});

describe("what PostgreSQL can store", () => {
  it("tells NUL and unpaired surrogates apart from everything else, and cleans them out", () => {
    expect([isStorable("周敏"), isStorable("a\u0000b"), isStorable("a\ud800b"), isStorable("👶")]).toEqual([
      true,
      false,
      false,
      true,
    ]);
    expect(storableText("a\u0000b\ud800c\udc00")).toBe("ab\ufffdc\ufffd");
    expect(storableText("👶 ok")).toBe("👶 ok");
  });
});

describe("case action requests", () => {
  const uuid = "00000000-0000-4000-8000-000000000000";
  it("refuses broken text in every typed field", () => {
    const bad = ["bye\u0000now", "a\ud800"];
    for (const t of bad) {
      for (const body of [
        { action: "cancel", reason: t },
        { action: "reply", informationRequestId: uuid, reply: t },
        { action: "dispute", recordType: "birth-certificate", explanation: t },
        { action: "decide", stepKey: "household-registration", decision: "reject", reason: t },
        { action: "resolve", exceptionId: uuid, resolution: { kind: "choose-value", value: t, justification: "x" } },
        { action: "resolve", exceptionId: uuid, resolution: { kind: "accept", justification: t } },
        { action: "resolve", exceptionId: uuid, resolution: { kind: "ask-citizen", question: t } },
        { action: "resolve", exceptionId: uuid, resolution: { kind: "escalate", note: t } },
        { action: "resolve", exceptionId: uuid, resolution: { kind: "reject", reason: t } },
      ]) {
        expect(caseActionSchema.safeParse(body).success, JSON.stringify(body)).toBe(false);
      }
    }
  });

  it("takes record types and step keys only from their closed sets, without echoing a huge value", () => {
    const huge = "x".repeat(1024 * 1024);
    const r = caseActionSchema.safeParse({ action: "dispute", recordType: huge, explanation: "wrong" });
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error?.issues).length).toBeLessThan(2000);
    expect(caseActionSchema.safeParse({ action: "decide", stepKey: huge, decision: "approve" }).success).toBe(false);
    expect(
      caseActionSchema.safeParse({ action: "decide", stepKey: "household-registration", decision: "approve" }).success,
    ).toBe(true);
  });
});
