import { randomUUID } from "node:crypto";
import { expect, type Page, test } from "@playwright/test";
import { expectNoSeriousA11yViolations, MEI, officer, signedInPage, submitNewborn } from "../../support/citizen";
import { readChinese } from "../../support/language";
import { expectNotFound } from "../../support/staff";

// Correction at the source: the citizen disputes her birth certificate, the Health Commission's
// officer corrects the record in the workbench, and the citizen sees the corrected value and
// the correction's progress on her case page. In English and in Chinese.

/** The citizen's case page, once the records are in and a dispute is taken. */
async function openCase(page: Page, applicationId: string): Promise<void> {
  await page.goto(`/applications/${applicationId}`);
  await expect(page.getByTestId("record-birth-certificate").getByRole("button")).toBeVisible({ timeout: 90_000 });
}

/** The correction's row in the officer's queue (it arrives by itself), then its page. */
async function openCorrection(officerPage: Page, applicationId: string): Promise<void> {
  await officerPage.goto("/staff/tasks");
  const row = officerPage.locator(`tr[data-testid="correction-row"][data-application-id="${applicationId}"]`);
  await expect(row).toBeVisible({ timeout: 30_000 });
  await expect(row).toHaveAttribute("data-record-type", "birth-certificate");
  await row.getByRole("link").click();
  await expect(officerPage).toHaveURL(/\/staff\/corrections\/[0-9a-f-]{36}$/);
}

test.describe("correction at the source", () => {
  test("a citizen disputes her birth certificate; the Health Commission corrects it in the workbench; she sees the corrected value and the progress", async ({
    browser,
  }) => {
    test.setTimeout(240_000);
    const place = `杭州市妇产科医院（更正${randomUUID().slice(0, 4)}）`;
    const mei = await signedInPage(browser, MEI);
    const applicationId = await submitNewborn(mei.request);
    await openCase(mei, applicationId);

    await mei.getByRole("button", { name: "This is wrong: medical birth certificate" }).click();
    await mei
      .getByLabel("What is wrong with your medical birth certificate?")
      .fill(`The place of birth should read ${place}.`);
    await mei.getByRole("button", { name: "Send", exact: true }).click();
    // The dispute is an update the case answers once its correction is written: under the e2e
    // stage's load that took more than the default 10 s once (CI, stop 19), so it gets 30 s.
    await expect(mei.getByTestId("dispute-birth-certificate-sent")).toContainText(
      "We asked the department that holds this record to correct it",
      { timeout: 30_000 },
    );
    await mei.reload();
    const correction = mei.getByTestId("correction");
    await expect(correction).toHaveAttribute("data-status", "OPEN");
    await expect(correction).toContainText("Medical birth certificate — Health Commission");
    await expect(correction.getByTestId("correction-status")).toHaveText("With the department");
    await expect(mei.getByTestId("case-events")).toContainText(
      "The Health Commission was asked to correct its medical birth certificate.",
    );
    await expectNoSeriousA11yViolations(mei);

    // Another department's officer finds nothing: not in the queue, and the page is absent.
    const officerPage = await signedInPage(browser, officer("health"));
    await openCorrection(officerPage, applicationId);
    const correctionUrl = officerPage.url();
    const stranger = await signedInPage(browser, officer("public-security"));
    await stranger.goto("/staff/tasks");
    await expect(
      stranger.locator(`tr[data-testid="correction-row"][data-application-id="${applicationId}"]`),
    ).toHaveCount(0);
    await expectNotFound(stranger, new URL(correctionUrl).pathname);
    await stranger.context().close();

    await expect(officerPage.getByRole("heading", { level: 1 })).toHaveText(
      "Correction of a record: Medical birth certificate",
    );
    await expect(officerPage.getByTestId("correction-explanation")).toContainText(place);
    await expect(officerPage.getByTestId("correction-status")).toHaveAttribute("data-status", "OPEN");
    await expectNoSeriousA11yViolations(officerPage);
    // Nothing changed is refused in words, and nothing is sent.
    await officerPage.getByRole("button", { name: "Correct the record" }).click();
    await expect(officerPage.getByTestId("error-summary")).toContainText(
      "Change at least one value, or refuse the correction.",
    );
    await officerPage.getByLabel("Place of birth").fill(place);
    await officerPage.getByLabel("Note for the case (optional)").fill("Checked against the delivery register.");
    await officerPage.getByRole("button", { name: "Correct the record" }).click();
    await expect(officerPage.getByTestId("action-result")).toHaveAttribute("data-ok", "true", { timeout: 30_000 });
    await expect(officerPage.getByTestId("correction-status")).toHaveAttribute("data-status", "CORRECTED");
    await expect(officerPage.getByTestId("correction-closed")).toBeVisible();

    // The board counts it for the Health Commission.
    await officerPage.goto("/staff/board");
    await expect(officerPage.getByTestId("corrections-health").getByTestId("corrected")).not.toHaveText("0");
    await expectNoSeriousA11yViolations(officerPage);
    await officerPage.context().close();

    // The citizen sees the corrected record, fetched again from the department, and the progress.
    await expect
      .poll(
        async () => {
          await mei.reload();
          return mei.getByTestId("correction").getAttribute("data-status");
        },
        { timeout: 30_000 },
      )
      .toBe("CORRECTED");
    await expect(mei.getByTestId("correction").getByTestId("corrected-values")).toContainText(
      `Place of birth: ${place}`,
    );
    await expect(mei.getByTestId("correction-progress")).toContainText("the case uses the corrected record");
    await expect(mei.getByTestId("record-birth-certificate")).toContainText(place, { timeout: 30_000 });
    await expect(mei.getByTestId("case-events")).toContainText(
      "The Health Commission corrected its medical birth certificate",
    );
    await expectNoSeriousA11yViolations(mei);
    await mei.context().close();
  });

  test("in Chinese: 出生医学证明 corrected by 卫生健康委员会, the progress in Chinese", async ({ browser }) => {
    test.setTimeout(240_000);
    const place = `杭州市第一人民医院（更正${randomUUID().slice(0, 4)}）`;
    const mei = await signedInPage(browser, MEI);
    await readChinese(mei);
    const applicationId = await submitNewborn(mei.request);
    await openCase(mei, applicationId);
    const record = mei.getByTestId("record-birth-certificate");
    await record.getByRole("button").click();
    await mei.locator("#dispute-birth-certificate").fill(`出生地点应为${place}。`);
    await record.locator("form button[type=submit]").click();
    await expect(mei.getByTestId("dispute-birth-certificate-sent")).toContainText("已请持有该记录的部门更正");
    await mei.reload();
    await expect(mei.getByTestId("correction").getByTestId("correction-status")).toHaveText("部门办理中");
    await expect(mei.getByRole("heading", { name: "部门更正进度" })).toBeVisible();
    await expectNoSeriousA11yViolations(mei);

    const officerPage = await signedInPage(browser, officer("health"));
    await readChinese(officerPage);
    await openCorrection(officerPage, applicationId);
    await expect(officerPage.getByRole("heading", { level: 1 })).toContainText("记录更正");
    await expect(officerPage.getByTestId("correction-explanation")).toContainText(place);
    await expectNoSeriousA11yViolations(officerPage);
    await officerPage.getByLabel("出生地点").fill(place);
    await officerPage.getByRole("button", { name: "更正记录" }).click();
    await expect(officerPage.getByTestId("action-result")).toHaveAttribute("data-ok", "true", { timeout: 30_000 });
    await officerPage.context().close();

    await expect
      .poll(
        async () => {
          await mei.reload();
          return mei.getByTestId("correction").getAttribute("data-status");
        },
        { timeout: 30_000 },
      )
      .toBe("CORRECTED");
    await expect(mei.getByTestId("correction").getByTestId("correction-status")).toHaveText("已更正");
    await expect(mei.getByTestId("correction").getByTestId("corrected-values")).toContainText(place);
    await expect(mei.getByTestId("record-birth-certificate")).toContainText(place, { timeout: 30_000 });
    await expect(mei.getByTestId("case-events")).toContainText("卫生健康委员会已更正出生医学证明");
    await expectNoSeriousA11yViolations(mei);
    await mei.context().close();
  });
});
