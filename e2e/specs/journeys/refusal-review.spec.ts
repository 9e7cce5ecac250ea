import { type Browser, expect, type Page, test } from "@playwright/test";
import {
  actOnCase,
  caseOf,
  expectNoSeriousA11yViolations,
  MEI,
  officer,
  signedInPage,
  signIn,
  submitNewborn,
} from "../../support/citizen";
import { readChinese } from "../../support/language";
import { expectNotFound, taskUrl, waitForTask } from "../../support/staff";
import { anotherStaffLike, reviewIdOf } from "../../support/reviews";

// Decision and review (复核) in the same case, across the citizen, the officer who refuses
// (A) and another officer of the same office who reviews (B): the refusal names its rule and
// the records it relied on; the review is asked for on the case page; A may not review it.

const OFFICE = "public-security";

async function staffPage(browser: Browser, email: string, chinese: boolean): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  if (chinese) await readChinese(page);
  return page;
}

test.describe("a refusal and its review in the same case", () => {
  test("officer A refuses with the rule and records; the citizen asks for a review; A may not review it; officer B overturns it and the case goes on (English)", async ({
    browser,
  }) => {
    test.setTimeout(240_000);
    const mei = await signedInPage(browser, MEI);
    const applicationId = await submitNewborn(mei.request);

    // Officer A refuses on the task page, naming the rule and the records relied on.
    const a = await staffPage(browser, officer(OFFICE), false);
    await waitForTask(a, applicationId);
    await a.goto(taskUrl(applicationId));
    await a.getByLabel("Reject", { exact: true }).check();
    await expect(a.getByTestId("refusal-basis")).toBeVisible();
    await a.getByLabel("Rule applied (for a rejection)").selectOption("step");
    await a.getByLabel("Reason (required)").fill("The household is registered in another city.");
    await expectNoSeriousA11yViolations(a);
    await a.getByRole("button", { name: "Reject the application" }).click();
    await expect(a.getByTestId("action-result")).toHaveAttribute("data-ok", "true", { timeout: 20_000 });

    // The citizen reads the rule, the finding and the records with their departments, and asks for a review.
    const reviewId = await reviewIdOf(applicationId);
    await mei.goto(`/applications/${applicationId}`);
    const refusal = mei.getByTestId("refusal");
    await expect(refusal).toBeVisible({ timeout: 20_000 });
    await expect(refusal.getByTestId("refusal-rule")).toHaveText("the conditions of Household registration");
    await expect(refusal.getByTestId("refusal-records")).toContainText("(Public Security Bureau)");
    await expect(refusal).toContainText("The household is registered in another city.");
    await expect(refusal.getByTestId("review-status")).toContainText("You may ask for a review until");
    await expectNoSeriousA11yViolations(mei);
    await refusal.getByRole("button", { name: "Ask for a review" }).click();
    await expect(refusal.getByText("Write your grounds for the review.")).toBeVisible();
    await refusal
      .getByLabel("Why is the refusal wrong? (your grounds)")
      .fill("We registered our household here in March.");
    await refusal.getByRole("button", { name: "Ask for a review" }).click();
    await expect(mei.getByTestId("review-status")).toHaveText("You asked for a review; a reviewer is looking at it.", {
      timeout: 20_000,
    });

    // Officer A, who refused, neither sees it in the queue nor opens it.
    await a.goto("/staff/reviews");
    await expect(a.locator(`tr[data-application="${applicationId}"]`)).toHaveCount(0);
    await expectNotFound(a, `/staff/reviews/${reviewId}`);
    const refused = await actOnCase(a.request, applicationId, {
      action: "review",
      reviewId,
      outcome: "overturn",
      reasons: "I changed my mind.",
    });
    expect(refused.status()).toBe(404);

    // Officer B, of the same office, overturns it.
    const b = await staffPage(browser, await anotherStaffLike(officer(OFFICE)), false);
    await b.goto("/staff/reviews");
    await b.locator(`tr[data-application="${applicationId}"]`).getByRole("link", { name: "Review" }).click();
    await expect(b.getByRole("heading", { name: "Review of a refusal" })).toBeVisible();
    await expect(b.getByTestId("review-grounds")).toHaveText("We registered our household here in March.");
    await expect(b.getByTestId("refusal-rule")).toHaveText("the conditions of Household registration");
    await expectNoSeriousA11yViolations(b);
    await b.getByRole("button", { name: "Send the review decision" }).click();
    await expect(b.getByText("Choose overturn or uphold.").first()).toBeVisible();
    await b.getByLabel("Overturn the refusal: the case resumes where it stopped").check();
    await b.getByLabel("Reasons (shown to the applicant)").fill("The household register shows the move in March.");
    await b.getByRole("button", { name: "Send the review decision" }).click();
    // Decided, the page shows the review as closed in place of the form.
    await expect(b.getByTestId("review-closed")).toHaveText("This review is decided: overturned.", { timeout: 20_000 });

    // The case resumes where the refusal stopped it: the step approved, the next office's step under way.
    await expect
      .poll(
        async () =>
          (await caseOf(mei.request, applicationId)).steps.find((s) => s.key === "household-registration")?.status,
        { timeout: 30_000 },
      )
      .toBe("DONE");
    await expect
      .poll(
        async () =>
          (await caseOf(mei.request, applicationId)).steps.find((s) => s.key === "medical-insurance-enrolment")?.status,
        { timeout: 60_000 },
      )
      .toBe("AWAITING_DECISION");
    await mei.goto(`/applications/${applicationId}`);
    await expect(mei.getByTestId("review-status")).toHaveText(
      "On review, the refusal was overturned: your application goes on.",
    );
    await expect(mei.getByTestId("review-reasons")).toContainText("The household register shows the move in March.");
    for (const p of [mei, a, b]) await p.context().close();
  });

  test("in Chinese: the refusal names its rule and records; the review is asked for and upheld, and the case closes with the reasons", async ({
    browser,
  }) => {
    test.setTimeout(240_000);
    const mei = await signedInPage(browser, MEI);
    await readChinese(mei);
    const applicationId = await submitNewborn(mei.request);
    const a = await staffPage(browser, officer(OFFICE), true);
    await waitForTask(a, applicationId);
    const res = await actOnCase(a.request, applicationId, {
      action: "decide",
      stepKey: "household-registration",
      decision: "reject",
      reason: "户籍登记在外地。",
      basis: { rule: "step", records: ["household"] },
    });
    expect(res.status(), await res.text()).toBe(200);

    const reviewId = await reviewIdOf(applicationId);
    await mei.goto(`/applications/${applicationId}`);
    const refusal = mei.getByTestId("refusal");
    await expect(mei.getByRole("heading", { name: "不予办理决定及复核" })).toBeVisible({ timeout: 20_000 });
    await expect(refusal.getByTestId("refusal-rule")).toHaveText("户口登记的办理条件");
    await expect(refusal.getByTestId("refusal-records")).toContainText("（公安局）");
    await expect(refusal.getByTestId("review-status")).toContainText("前申请复核");
    await expectNoSeriousA11yViolations(mei);
    await refusal.getByLabel("复核理由（该决定错在何处）").fill("我们三月已在本市落户。");
    await refusal.getByRole("button", { name: "申请复核" }).click();
    await expect(mei.getByTestId("review-status")).toHaveText("您已申请复核，正在复核中。", { timeout: 20_000 });

    const b = await staffPage(browser, await anotherStaffLike(officer(OFFICE)), true);
    await b.goto(`/staff/reviews/${reviewId}`);
    await expect(b.getByRole("heading", { name: "不予办理决定复核" })).toBeVisible();
    await expect(b.getByTestId("refusal-records")).toContainText("（公安局）");
    await expectNoSeriousA11yViolations(b);
    await b.getByLabel("维持原决定：申请按不予批准办结").check();
    await b.getByLabel("复核理由（申请人可见）").fill("户籍迁入尚未登记。");
    await b.getByRole("button", { name: "提交复核决定" }).click();
    await expect(b.getByTestId("review-closed")).toHaveText("该复核已办结：已维持原决定。", { timeout: 20_000 });

    await expect
      .poll(async () => (await caseOf(mei.request, applicationId)).status, { timeout: 60_000 })
      .toBe("REJECTED");
    await mei.goto(`/applications/${applicationId}`);
    await expect(mei.getByTestId("review-status")).toHaveText("经复核，维持原决定。");
    await expect(mei.getByTestId("case-reasons")).toContainText("复核维持原决定：户籍迁入尚未登记。");
    await expectNoSeriousA11yViolations(mei);
    for (const p of [mei, a, b]) await p.context().close();
  });
});
