import { expect, type Page, test } from "@playwright/test";
import {
  decideAsOfficer,
  expectNoSeriousA11yViolations,
  MEI,
  officer,
  signedInPage,
  submitNewborn,
} from "../../support/citizen";

// A department's question reaches the citizen (her inbox, with the unread count in the header,
// and the development mailbox), she answers it, and the office is told, in both languages.

const messageFor = (page: Page, kind: string, href: string) =>
  page.locator(`[data-testid="inbox-message"][data-kind="${kind}"]:has(a[href="${href}"])`);

test.describe("notifications", () => {
  test("a question reaches the citizen's inbox and mailbox; her answer reaches the office", async ({ browser }) => {
    test.setTimeout(180_000);
    const mei = await signedInPage(browser, MEI);
    const applicationId = await submitNewborn(mei.request);
    const caseHref = `/applications/${applicationId}`;
    await decideAsOfficer(
      browser,
      mei.request,
      applicationId,
      "household-registration",
      "request-correction",
      "Please confirm the spelling of the baby's name.",
    );

    const question = messageFor(mei, "information-requested", caseHref);
    await expect
      .poll(
        async () => {
          await mei.goto("/inbox");
          return question.count();
        },
        { timeout: 30_000 },
      )
      .toBe(1);
    await expect(mei.getByTestId("unread-count")).toContainText("unread");
    await expect(question).toHaveAttribute("data-read", "false");
    await expect(question).toContainText(
      "Register a newborn: we need information from you for Household registration. Please reply by ",
    );
    await expectNoSeriousA11yViolations(mei);

    // The same message by email, kept by the development mailbox (in Chinese: her default).
    await mei.goto("/dev/mailbox");
    const mail = mei.getByTestId("dev-mail").filter({ hasText: applicationId });
    await expect(mail.filter({ hasText: "请补充信息：新生儿出生“一件事”" })).toHaveCount(1);
    await expect(mail.first()).toContainText(MEI);
    await expectNoSeriousA11yViolations(mei);

    // She opens it and answers on her case page.
    await mei.goto("/inbox");
    await question.getByRole("link", { name: "Open" }).click();
    await expect(mei).toHaveURL(new RegExp(`${caseHref}$`));
    const request = mei.locator('[data-testid^="request-"]');
    await request.getByLabel("Your answer").fill("The spelling 王小宝 is right.");
    await request.getByRole("button", { name: "Send answer" }).click();
    await expect(mei.getByText("Your answer: The spelling 王小宝 is right.")).toBeVisible({ timeout: 10_000 });

    await mei.goto("/inbox");
    await question.getByRole("button", { name: "Mark as read" }).click();
    await expect(question).toHaveAttribute("data-read", "true");

    // The office that asked is told, in its officers' shared inbox.
    const office = await signedInPage(browser, officer("public-security"));
    const answered = messageFor(office, "information-provided", `/staff/tasks/${applicationId}/household-registration`);
    await expect
      .poll(
        async () => {
          await office.goto("/inbox");
          return answered.count();
        },
        { timeout: 30_000 },
      )
      .toBe(1);
    await expect(answered).toContainText(
      "Register a newborn: the applicant answered the request for information (Household registration).",
    );
    await expect(answered).toContainText("For your office");
    await expect(office.getByTestId("unread-count")).toBeVisible();
    await expectNoSeriousA11yViolations(office);
    await office.context().close();
    await mei.context().close();
  });

  test("in Chinese: the message settings, the inbox, and the question by SMS", async ({ browser }) => {
    test.setTimeout(180_000);
    const mei = await signedInPage(browser, MEI);
    await mei.goto("/inbox/settings");
    await mei.getByRole("button", { name: "中文" }).click();
    await expect(mei.getByRole("heading", { level: 1 })).toHaveText("消息设置");
    // A wrong number is refused in words, at the field, and changes nothing.
    await mei.getByLabel("接收短信的手机号码（选填）").fill("12345");
    await mei.getByLabel("同时通过短信发送").check();
    await mei.getByRole("button", { name: "保存设置" }).click();
    await expect(mei.getByRole("link", { name: /请填写11位中国大陆手机号码/ })).toBeVisible();
    await expect(mei.locator("#phone-error")).toContainText("请填写11位中国大陆手机号码");
    await expect(mei.getByLabel("接收短信的手机号码（选填）")).toHaveAttribute("aria-invalid", "true");
    await expectNoSeriousA11yViolations(mei);
    await mei.getByLabel("接收短信的手机号码（选填）").fill("13800138000");
    await mei.getByLabel("同时通过短信发送").check();
    await mei.getByRole("button", { name: "保存设置" }).click();
    await expect(mei.getByRole("status")).toHaveText("设置已保存。");
    await expect(mei.getByLabel("接收短信的手机号码（选填）")).toHaveValue("13800138000");
    await expectNoSeriousA11yViolations(mei);

    try {
      const applicationId = await submitNewborn(mei.request);
      await decideAsOfficer(
        browser,
        mei.request,
        applicationId,
        "household-registration",
        "request-correction",
        "请上传出生医学证明。",
      );
      const question = messageFor(mei, "information-requested", `/applications/${applicationId}`);
      await expect
        .poll(
          async () => {
            await mei.goto("/inbox");
            return question.count();
          },
          { timeout: 30_000 },
        )
        .toBe(1);
      await expect(mei.getByRole("heading", { level: 1 })).toHaveText("消息");
      await expect(question).toContainText("新生儿出生“一件事”：需要您补充信息（户口登记），请在");
      await expect(mei.getByTestId("unread-count")).toContainText("条未读");
      await expectNoSeriousA11yViolations(mei);

      // The SMS gateway sandbox got it too, in her language, shown on the development page.
      await mei.goto("/dev/mailbox");
      await expect(mei.getByRole("heading", { level: 1 })).toHaveText("开发邮箱");
      // The case's other messages (its preview to confirm) are listed too: the question is there once.
      await expect(
        mei.getByTestId("dev-sms").filter({ hasText: applicationId }).filter({ hasText: "需要您补充信息" }),
      ).toHaveCount(1);
      await expectNoSeriousA11yViolations(mei);
    } finally {
      // Back to no SMS, as the other journeys expect her.
      await mei.goto("/inbox/settings");
      await mei.getByLabel("接收短信的手机号码（选填）").fill("");
      await mei.getByLabel("同时通过短信发送").uncheck();
      await mei.getByRole("button", { name: "保存设置" }).click();
      await expect(mei.getByRole("status")).toHaveText("设置已保存。");
    }
    await mei.getByRole("button", { name: "English" }).click();
    await expect(mei.getByRole("heading", { level: 1 })).toHaveText("Message settings");
    await mei.context().close();
  });
});
