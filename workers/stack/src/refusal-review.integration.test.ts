// Decision and review (复核) in the same case, on a real Temporal server: every refusal is
// explained (rule, facts, records) and offered for review; another officer of the refusing
// office or its supervising office — never the one who refused — overturns it (the case
// resumes where it stopped) or upholds it (the case closes with the review's reasons).
import { randomUUID } from "node:crypto";
import type { WorkflowHandle } from "@temporalio/client";
import { DEMO_CITIZENS } from "@visit-once/prisma";
import { type CaseActionArgs, type CaseView, caseUpdates } from "@visit-once/workflows/contracts";
import { describe, expect, it } from "vitest";
import { approveAll, decideReview, offeredReview, refusal, requestReview, waitForCase } from "./testing/case-driver";
import { result, saveHistory, submit, useCaseStack } from "./testing/case-stack";
import { createTestTemporal } from "./testing/temporal-env";

const stack = useCaseStack(createTestTemporal);
const [mei, lei, , zhou] = DEMO_CITIZENS;

const awaiting = (key: string) => (v: CaseView) =>
  v.tasks.some((t) => t.key === key && t.status === "AWAITING_DECISION");
const decide = (handle: WorkflowHandle, args: Omit<CaseActionArgs<"decide">, "requestId">) =>
  handle.executeUpdate(caseUpdates.decide, { args: [{ requestId: randomUUID(), ...args }] });
const eventKinds = async (applicationId: string) =>
  (await stack.db.caseEvent.findMany({ where: { applicationId }, orderBy: { at: "asc" } })).map((e) => e.kind);

describe("review of an officer's refusal", () => {
  it("another officer of the office overturns it: the step is approved and the case completes; the refusing officer may not review it", async () => {
    const { applicationId, handle } = await submit(stack, lei.email);
    await waitForCase(handle, awaiting("household-registration"));
    await decide(handle, {
      actorId: "officer-a",
      stepKey: "household-registration",
      office: "public-security",
      decision: "approve",
      reason: "",
    });
    await waitForCase(handle, awaiting("medical-insurance-enrolment"));
    expect(
      await refusal(
        decide(handle, {
          actorId: "officer-a",
          stepKey: "medical-insurance-enrolment",
          office: "medical-security",
          decision: "reject",
          reason: "x",
          basis: { rule: "step", records: ["vaccination"] },
        }),
      ),
    ).toBe("This step does not rely on the vaccination record.");
    await decide(handle, {
      actorId: "officer-a",
      stepKey: "medical-insurance-enrolment",
      office: "medical-security",
      decision: "reject",
      reason: "The baby is already insured in another city.",
      basis: { rule: "step", records: ["birth-certificate"] },
    });

    // The refusal, explained as data: the rule, the finding, the records and their departments.
    const review = await offeredReview(handle);
    expect(review).toMatchObject({
      status: "OFFERED",
      desk: "medical-security",
      stepKey: "medical-insurance-enrolment",
      refusedById: "officer-a",
      refusal: {
        by: "officer",
        office: "medical-security",
        rule: { kind: "step-condition", stepKey: "medical-insurance-enrolment" },
        statement: "The baby is already insured in another city.",
        records: [{ recordType: "birth-certificate", department: "health" }],
      },
    });
    const row = await stack.db.caseReview.findUniqueOrThrow({ where: { id: review.id } });
    expect(row).toMatchObject({ applicationId, status: "OFFERED", desk: "medical-security", refusedById: "officer-a" });
    const refused = await stack.db.caseEvent.findFirstOrThrow({ where: { applicationId, kind: "case-refused" } });
    expect(refused.messageEn).toMatch(
      /^Refused under the conditions of Medical insurance enrolment\. Finding: The baby is already insured in another city\. Records relied on: Medical birth certificate \(Health Commission\)\. You may ask for a review until \d{4}-\d{2}-\d{2}\.$/,
    );
    expect(refused.messageZh).toContain("医保参保登记的办理条件");

    // Nobody decides a review that was not asked for; the citizen asks with her grounds.
    expect(
      await refusal(
        decideReview(
          handle,
          review.id,
          "overturn",
          { kind: "officer", office: "medical-security", supervising: false },
          "officer-b",
        ),
      ),
    ).toBe("This refusal has no review request awaiting a decision.");
    expect(await refusal(requestReview(handle, review.id, "  "))).toBe(
      "Say why the refusal is wrong: a review needs your grounds.",
    );
    await requestReview(handle, review.id, "The baby has never been insured anywhere.", "lei");
    expect(await refusal(requestReview(handle, review.id, "again"))).toBe(
      "This refusal is not open for a review request.",
    );

    // The officer who refused cannot review it; another office cannot either.
    expect(
      await refusal(
        decideReview(
          handle,
          review.id,
          "overturn",
          { kind: "officer", office: "medical-security", supervising: false },
          "officer-a",
        ),
      ),
    ).toBe("The officer who refused cannot review the refusal: another officer or the supervising office reviews it.");
    expect(
      await refusal(
        decideReview(
          handle,
          review.id,
          "overturn",
          { kind: "officer", office: "taxation", supervising: false },
          "officer-t",
        ),
      ),
    ).toBe("This review belongs to another office.");
    expect(await refusal(decideReview(handle, review.id, "overturn", { kind: "caseworker" }, "caseworker-c"))).toBe(
      "This review belongs to another office.",
    );
    expect(
      await decideReview(
        handle,
        review.id,
        "overturn",
        { kind: "officer", office: "medical-security", supervising: false },
        "officer-b",
        "No insurance found in the national register.",
      ),
    ).toEqual({
      status: "IN_DEPARTMENTS",
    });

    // Resumed where the refusal stopped it: the step approved, the next one starts.
    await waitForCase(handle, awaiting("social-security-card"));
    expect((await approveAll(handle)).status).toBe("COMPLETED");
    await saveHistory(stack, "newborn-registration-review-overturned", handle);

    expect(await stack.db.caseReview.findUniqueOrThrow({ where: { id: review.id } })).toMatchObject({
      status: "OVERTURNED",
      grounds: "The baby has never been insured anywhere.",
      reviewerId: "officer-b",
      reasons: "No insurance found in the national register.",
    });
    const step = await stack.db.applicationStep.findUniqueOrThrow({
      where: { applicationId_key: { applicationId, key: "medical-insurance-enrolment" } },
    });
    expect(step.status).toBe("DONE");
    expect(await eventKinds(applicationId)).toEqual(
      expect.arrayContaining([
        "step-reject",
        "case-refused",
        "review-requested",
        "review-overturned",
        "case-completed",
      ]),
    );
    // Told: the citizen of the refusal and its review offer, the office of the request, the citizen of the outcome.
    const told = await stack.db.notification.findMany({
      where: {
        applicationId,
        channel: "IN_APP",
        kind: { in: ["case-refused", "review-requested", "review-overturned"] },
      },
      orderBy: { createdAt: "asc" },
    });
    const { supervisingOfficeCode } = await stack.db.office.findUniqueOrThrow({ where: { code: "medical-security" } });
    expect(told.map((n) => [n.kind, n.recipient.startsWith("office:") ? n.recipient : "citizen"])).toEqual([
      ["case-refused", "citizen"],
      ["review-requested", "office:medical-security"],
      ["review-requested", `office:${supervisingOfficeCode}`],
      ["review-overturned", "citizen"],
    ]);
  }, 90_000);

  it("the supervising office upholds it: the case closes REJECTED with the review's reasons", async () => {
    const { applicationId, handle } = await submit(stack, mei.email);
    await waitForCase(handle, awaiting("household-registration"));
    await decide(handle, {
      actorId: "officer-a",
      stepKey: "household-registration",
      office: "public-security",
      decision: "reject",
      reason: "The household is registered in another city.",
    });
    const review = await offeredReview(handle);
    await requestReview(handle, review.id, "We moved here last year.");
    const { supervisingOfficeCode } = await stack.db.office.findUniqueOrThrow({ where: { code: "public-security" } });
    await decideReview(
      handle,
      review.id,
      "uphold",
      { kind: "officer", office: supervisingOfficeCode!, supervising: true },
      "supervisor-s",
      "The move was never registered.",
    );
    expect(await result(handle)).toMatchObject({
      status: "REJECTED",
      reasons: [
        "Household registration: The household is registered in another city.",
        "Upheld on review: The move was never registered.",
      ],
    });
    expect(await stack.db.caseReview.findUniqueOrThrow({ where: { id: review.id } })).toMatchObject({
      status: "UPHELD",
      reviewerId: "supervisor-s",
    });
    const told = await stack.db.notification.findMany({
      where: { applicationId, channel: "IN_APP", kind: { in: ["review-upheld", "case-rejected"] } },
    });
    expect(told.map((n) => n.kind).sort()).toEqual(["case-rejected", "review-upheld"]);
  }, 60_000);
});

describe("review of a caseworker's and a rule's refusal", () => {
  it("a caseworker's rejection is reviewed by another caseworker; overturned, the case goes on to the departments", async () => {
    const { applicationId, handle } = await submit(stack, zhou.email);
    const view = await waitForCase(
      handle,
      (v) => v.status === "AWAITING_CASEWORKER" && v.exceptions.some((x) => x.status === "OPEN"),
    );
    const exceptionId = view.exceptions[0]!.id;
    await handle.executeUpdate(caseUpdates.resolve, {
      args: [
        {
          requestId: randomUUID(),
          actorId: "caseworker-a",
          exceptionId,
          resolution: { kind: "reject", reason: "The name could not be confirmed." },
        },
      ],
    });
    const review = await offeredReview(handle);
    expect(review).toMatchObject({
      desk: "caseworker",
      exceptionId,
      refusedById: "caseworker-a",
      refusal: { by: "caseworker", rule: { kind: "casework", exception: "CONFLICT" } },
    });
    expect(review.refusal.records.map((r) => r.recordType).sort()).toEqual([
      "household",
      "identity",
      "medical-insurance",
    ]);
    await requestReview(handle, review.id, "Both names are mine: 周敏 is on my identity card.");
    expect(await refusal(decideReview(handle, review.id, "overturn", { kind: "caseworker" }, "caseworker-a"))).toBe(
      "The officer who refused cannot review the refusal: another officer or the supervising office reviews it.",
    );
    await decideReview(
      handle,
      review.id,
      "overturn",
      { kind: "caseworker" },
      "caseworker-b",
      "The identity card settles the name.",
    );
    expect((await approveAll(handle)).status).toBe("COMPLETED");
    expect(await eventKinds(applicationId)).toEqual(
      expect.arrayContaining([
        "exception-rejected",
        "case-refused",
        "review-requested",
        "review-overturned",
        "in-departments",
      ]),
    );
  }, 90_000);

  it("a rule's refusal names the rule, the values it read and the records; a caseworker overturns it and the departments take the case", async () => {
    const { applicationId, handle } = await submit(stack, lei.email, { serviceCode: "property-transfer" });
    const review = await offeredReview(handle);
    expect(review.refusal).toEqual({
      by: "rule",
      rule: {
        kind: "eligibility",
        index: 0,
        message: {
          en: "The property is mortgaged: the mortgage must be released first.",
          zh: "房屋存在抵押，须先办理抵押注销。",
        },
      },
      facts: [{ recordType: "property", field: "encumbered", value: true }],
      statement: "",
      records: [{ recordType: "property", department: "natural-resources" }],
    });
    const row = await stack.db.caseEvent.findFirstOrThrow({ where: { applicationId, kind: "case-refused" } });
    expect(row.messageEn).toContain(
      'Refused under the rule "The property is mortgaged: the mortgage must be released first.". Facts: Real estate registration encumbered: true.',
    );
    await requestReview(handle, review.id, "The mortgage was released last week.");
    await decideReview(
      handle,
      review.id,
      "overturn",
      { kind: "caseworker" },
      "caseworker-b",
      "The bank's release letter is on file.",
    );
    await waitForCase(handle, (v) => v.status === "IN_DEPARTMENTS");
  }, 60_000);
});
