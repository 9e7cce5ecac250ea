import { expect, test } from "@playwright/test";
import {
  decideAsOfficer,
  expectNoSeriousA11yViolations,
  MEI,
  signedInPage,
  submitNewborn,
} from "../../support/citizen";
import { readChinese } from "../../support/language";

test.describe("the case page opens with where the case is", () => {
  test("status, who has it and what the citizen must do by when come before the form and the records", async ({
    browser,
  }) => {
    test.setTimeout(150_000);
    const mei = await signedInPage(browser, MEI);
    const applicationId = await submitNewborn(mei.request);
    await mei.goto(`/applications/${applicationId}`);

    const summary = mei.getByTestId("case-summary");
    await expect(summary).toBeVisible();
    // While an office decides, the office is named and the citizen has nothing to do.
    await expect(mei.getByTestId("case-holder")).toHaveAttribute("data-holder", "office", { timeout: 90_000 });
    await expect(mei.getByTestId("case-todo")).toHaveText("Nothing for now. We will tell you if we need anything.");
    // While the office holds it nothing changes: the page's poll sends back its tag and is told so (304,
    // no case read); the decision below still reaches the page.
    const unchanged = await mei.waitForResponse(
      (r) => r.url().endsWith(`/api/applications/${applicationId}`) && r.status() === 304,
      { timeout: 15_000 },
    );
    expect(unchanged.headers()["etag"]).toMatch(/^"[0-9a-f]{32}"$/);
    // A page loaded while nothing changes starts from the tag it was rendered at: its very first poll
    // is already a 304. (Away first, so no poll of the page before can answer for it.)
    await mei.goto("about:blank");
    const firstPoll = mei.waitForResponse((r) => r.url().endsWith(`/api/applications/${applicationId}`), {
      timeout: 15_000,
    });
    await mei.goto(`/applications/${applicationId}`);
    expect((await firstPoll).status()).toBe(304);
    await expect(mei.getByTestId("case-holder")).toHaveAttribute("data-holder", "office");

    // The summary sits above the filled-in form and the raw records.
    await expect(mei.getByTestId("record-identity")).toBeVisible({ timeout: 60_000 });
    const top = async (selector: string) => (await mei.locator(selector).first().boundingBox())!.y;
    const order = {
      summary: await top('[data-testid="case-summary"]'),
      steps: await top("#steps-title"),
      details: await top("#details-title"),
      records: await top('[data-testid="record-identity"]'),
    };
    expect(order.summary).toBeLessThan(order.steps);
    expect(order.steps).toBeLessThan(order.details);
    expect(order.details).toBeLessThan(order.records);

    await decideAsOfficer(
      browser,
      mei.request,
      applicationId,
      "household-registration",
      "request-correction",
      "Please confirm the spelling of the baby's name.",
    );
    await expect(mei.getByTestId("case-holder")).toHaveText("You");
    await expect(mei.getByTestId("case-step")).toHaveText("Step: Household registration");
    await expect(mei.getByTestId("case-todo")).toHaveText("Answer the question below");
    // A day with the working days left on the calendar, never a time.
    await expect(mei.getByTestId("case-due")).toContainText(/^by \d{1,2} \w+( \d{4})? \(\d+ working days? left\)$/);
    await expect(mei.getByTestId("case-due")).not.toContainText(/\d{1,2}:\d{2}/);
    await expectNoSeriousA11yViolations(mei);
    // The link goes to the question.
    await mei.getByRole("link", { name: "Answer the question below" }).click();
    await expect(mei).toHaveURL(/#requests-title$/);

    // In Chinese, on a phone: the same summary, nothing wider than the screen.
    await readChinese(mei);
    await mei.setViewportSize({ width: 390, height: 800 });
    await mei.goto(`/applications/${applicationId}`);
    await expect(mei.getByTestId("case-holder")).toHaveText("您本人");
    await expect(mei.getByTestId("case-todo")).toHaveText("请回答下方的 1 个问题");
    await expect(mei.getByTestId("case-due")).toContainText(/前（还剩\d+个工作日）$/);
    await expect(mei.getByText("您需要做什么")).toBeVisible();
    expect(await mei.locator("html").evaluate((html) => html.scrollWidth)).toBeLessThanOrEqual(390);
    await expectNoSeriousA11yViolations(mei);
    await mei.context().close();
  });
});
