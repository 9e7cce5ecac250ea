import { expect, test } from "@playwright/test";
import {
  completeNewbornCase,
  expectNoSeriousA11yViolations,
  MEI,
  officer,
  signedInPage,
  submitNewborn,
} from "../../support/citizen";
import { readChinese } from "../../support/language";
import { ADMIN, expectNotFound } from "../../support/staff";

test.describe("ratings that are answered (好差评)", () => {
  test("a bad rating goes to the office it names, whose officer answers it; the citizen sees the answer and rates again; the board counts it", async ({
    browser,
  }) => {
    test.setTimeout(300_000);
    const mei = await signedInPage(browser, MEI);
    const applicationId = await submitNewborn(mei.request);
    await completeNewbornCase(browser, mei.request, applicationId);

    // She rates the Medical Security Bureau badly.
    await mei.goto(`/applications/${applicationId}`);
    await expect(mei.getByTestId("application-status")).toHaveText("Completed");
    await mei.getByLabel("Bad", { exact: true }).check();
    await mei.getByLabel("Which office is your rating about?").selectOption({ label: "Medical Security Bureau" });
    await mei.getByLabel("Anything to add? (optional)").fill("Nobody answered the insurance counter's phone.");
    await mei.getByRole("button", { name: "Send rating" }).click();
    await expect(mei.getByTestId("rating-thanks")).toBeVisible();
    await mei.reload();
    await expect(mei.getByTestId("rating-round-1")).toContainText("Your rating: Bad");
    await expect(mei.getByTestId("rating-round-1")).toContainText("Medical Security Bureau will answer by");
    await expect(mei.getByTestId("rating-thanks")).toHaveText(
      "Thank you. The office will answer your rating; you will see its answer here.",
    );
    await expect(mei.getByTestId("rating-form")).toHaveCount(0);
    await expectNoSeriousA11yViolations(mei);

    // The office is told in its inbox, with the day to answer by; the message leads to its bad ratings.
    const medical = await signedInPage(browser, officer("medical-security"));
    await medical.goto("/inbox");
    const told = medical.locator(`[data-testid="inbox-message"][data-kind="rating-bad"][data-case="${applicationId}"]`);
    await expect(told).toContainText("an applicant rated your office's service bad. Answer what you have put right by");
    await expect(told).toContainText("For your office");
    await expect(told.getByRole("link", { name: "Open" })).toHaveAttribute("href", "/staff/ratings");
    await expectNoSeriousA11yViolations(medical);

    // The office's officer finds it in her workspace.
    await medical.goto("/staff/tasks");
    await medical
      .getByRole("navigation", { name: "Staff workspaces" })
      .getByRole("link", { name: "Bad ratings to answer" })
      .click();
    await expect(medical.getByRole("heading", { level: 1 })).toHaveText(
      "Medical Security Bureau: bad ratings to answer",
    );
    const row = medical.getByTestId(`rectification-${applicationId}`);
    await expect(row).toContainText("Nobody answered the insurance counter's phone.");
    await expect(row.getByTestId("rectification-state")).toHaveText("Awaiting your answer");
    await expectNoSeriousA11yViolations(medical);
    await row.getByRole("link").click();
    await expect(medical.getByRole("heading", { level: 1 })).toHaveText("A bad rating to answer");
    const detail = new URL(medical.url()).pathname;

    // Another office's officer sees neither the row nor the page.
    const police = await signedInPage(browser, officer("public-security"));
    await police.goto("/staff/ratings");
    await expect(police.getByTestId(`rectification-${applicationId}`)).toHaveCount(0);
    await expectNotFound(police, detail);
    await police.context().close();

    // Both answers are needed; a blank one is refused with its reason and nothing is sent.
    await medical.getByLabel("Your answer to the applicant").fill("We are sorry that nobody answered.");
    await medical.getByLabel("What your office fixed").fill("   ");
    await medical.getByRole("button", { name: "Send the answer" }).click();
    await expect(medical.getByTestId("error-summary")).toContainText("Say what your office fixed.");
    await expect(medical.getByLabel("Your answer to the applicant")).toHaveValue("We are sorry that nobody answered.");
    await medical.getByLabel("What your office fixed").fill("A second officer now answers the counter's phone.");
    await medical.getByRole("button", { name: "Send the answer" }).click();
    // The page shows the answer in place of the form.
    await expect(medical.getByTestId("rectification-answer")).toContainText(
      "A second officer now answers the counter's phone.",
    );
    await expect(medical.getByRole("button", { name: "Send the answer" })).toHaveCount(0);
    await expectNoSeriousA11yViolations(medical);

    // She sees the answer on her case and rates again; the first rating stays listed.
    await mei.reload();
    const reply = mei.getByTestId("rating-round-1").getByTestId("rating-reply");
    await expect(reply).toContainText("Medical Security Bureau answered on");
    await expect(reply).toContainText("We are sorry that nobody answered.");
    await expect(reply).toContainText("A second officer now answers the counter's phone.");
    await mei.getByLabel("Good", { exact: true }).check();
    await mei.getByRole("button", { name: "Send rating" }).click();
    await expect(mei.getByTestId("rating-thanks")).toHaveText("Thank you for rating this service.");
    await mei.reload();
    await expect(mei.getByTestId("rating-round-2")).toContainText("Your rating: Good");
    await expect(mei.getByTestId("rating-round-2")).toContainText("(current)");
    await expect(mei.getByTestId("rating-round-1")).toContainText("Your rating: Bad");
    await expect(mei.getByTestId("rating-form")).toHaveCount(0);
    await expectNoSeriousA11yViolations(mei);

    // The board shows the office's bad ratings and answers.
    const admin = await signedInPage(browser, ADMIN);
    await admin.goto("/staff/board");
    const figures = admin.getByTestId("board-ratings-medical-security");
    expect(Number(await figures.getByTestId("bad").innerText())).toBeGreaterThanOrEqual(1);
    expect(Number(await figures.getByTestId("replied").innerText())).toBeGreaterThanOrEqual(1);
    await expect(figures.getByTestId("reply-median")).not.toHaveText("No answers yet");
    await expectNoSeriousA11yViolations(admin);
    // Administrators read every office's rectifications, and answer none.
    await admin.goto(detail);
    await expect(admin.getByTestId("rectification-answer")).toBeVisible();
    await expect(admin.getByRole("button", { name: "Send the answer" })).toHaveCount(0);

    // In Chinese.
    await readChinese(mei);
    await mei.reload();
    await expect(mei.getByRole("heading", { name: "服务评价" })).toBeVisible();
    await expect(mei.getByTestId("rating-round-1").getByTestId("rating-reply")).toContainText("医疗保障局于");
    await expect(mei.getByTestId("rating-round-1").getByTestId("rating-reply")).toContainText("整改措施：");
    await expectNoSeriousA11yViolations(mei);
    await readChinese(medical);
    await medical.goto("/staff/ratings");
    await expect(medical.getByRole("heading", { level: 1 })).toHaveText("医疗保障局：差评整改");
    await expect(medical.getByTestId(`rectification-${applicationId}`).getByTestId("rectification-state")).toHaveText(
      "已答复",
    );
    await expectNoSeriousA11yViolations(medical);
    await readChinese(admin);
    await admin.goto("/staff/board");
    await expect(admin.getByText("各部门差评及答复情况")).toBeVisible();
    await expectNoSeriousA11yViolations(admin);

    for (const page of [mei, medical, admin]) await page.context().close();
  });
});
