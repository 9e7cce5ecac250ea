import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { SERVICES } from "@visit-once/workflows/contracts";
import { actOnCase, caseOf, expectNoSeriousA11yViolations, LEI, signIn } from "../../support/citizen";

// One open application per citizen, service and subject: Li Lei starts a business (a case that
// waits on the offices, so it stays open); a second one is refused in words, in both languages,
// with a link to the open one, and the service's page offers no second form.
const SERVICE = "business-startup";
const consent = SERVICES[SERVICE].evidence.map((e) => e.recordType);
const fields = {
  companyName: "李记小吃",
  registeredCapitalYuan: "100000",
  businessScope: "餐饮服务",
  address: "杭州市西湖区某路2号",
};

test("a second open application for the same service is refused, with a link to the open one, in English and Chinese", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, LEI);
  // A tab opened before the first submission still shows the form.
  const earlier = await context.newPage();
  await earlier.goto(`/services/${SERVICE}`);
  await expect(earlier.getByRole("checkbox")).toHaveCount(consent.length);

  const first = randomUUID();
  const created = await page.request.post("/api/applications", {
    data: { applicationId: first, serviceCode: SERVICE, consent, fields },
  });
  expect(created.status(), await created.text()).toBe(201);
  try {
    // Submitting the earlier tab's form: refused in plain words, linking the open application.
    for (const box of await earlier.getByRole("checkbox").all()) await box.check();
    await earlier.getByRole("button", { name: "Continue" }).click();
    await earlier.getByLabel("Company name").fill(fields.companyName);
    await earlier.getByLabel("Registered capital (yuan)").fill(fields.registeredCapitalYuan);
    await earlier.getByLabel("Business scope").fill(fields.businessScope);
    await earlier.getByLabel("Registered address").fill(fields.address);
    await earlier.getByRole("button", { name: "Continue" }).click();
    await earlier.getByRole("button", { name: "Submit application" }).click();
    const alert = earlier.locator("form").getByRole("alert");
    await expect(alert).toContainText("You already have an open application for this service.");
    await expect(alert.getByRole("link", { name: "Follow your open application" })).toHaveAttribute(
      "href",
      `/applications/${first}`,
    );
    await expectNoSeriousA11yViolations(earlier);
    await alert.getByRole("link", { name: "Follow your open application" }).click();
    await expect(earlier).toHaveURL(new RegExp(`/applications/${first}$`));

    // The API says the same, with the open one's id; nothing new was recorded.
    const second = randomUUID();
    const refused = await page.request.post("/api/applications", {
      headers: { "Idempotency-Key": randomUUID() },
      data: { applicationId: second, serviceCode: SERVICE, consent, fields },
    });
    expect(refused.status()).toBe(409);
    expect(await refused.json()).toMatchObject({
      code: "already-open",
      applicationId: first,
      url: `/applications/${first}`,
    });
    expect((await page.request.get(`/api/applications/${second}`)).status()).toBe(404);

    // The service's page now offers no second form, only the way to the open one.
    await page.goto(`/services/${SERVICE}`);
    const notice = page.getByTestId("open-application-notice");
    await expect(notice).toContainText(
      "You already have an open application for this service, so you cannot start a second one.",
    );
    await expect(notice.getByRole("link", { name: "Follow your open application" })).toHaveAttribute(
      "href",
      `/applications/${first}`,
    );
    await expect(page.getByRole("checkbox")).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Continue" })).toHaveCount(0);
    await expectNoSeriousA11yViolations(page);

    // In Chinese too.
    await page.getByRole("button", { name: "中文" }).click();
    await expect(notice).toContainText("您已有一件正在办理的同类申请，暂不能再次申请。");
    await expect(notice.getByRole("link", { name: "查看正在办理的申请" })).toHaveAttribute(
      "href",
      `/applications/${first}`,
    );
  } finally {
    // Cancelled, the service is offered again (and a retry of this spec starts from a clean slate).
    expect(
      (await actOnCase(page.request, first, { action: "cancel", reason: "applied twice by mistake" })).status(),
    ).toBe(200);
    await expect.poll(async () => (await caseOf(page.request, first)).status, { timeout: 30_000 }).toBe("CANCELLED");
  }
  await page.goto(`/services/${SERVICE}`);
  await expect(page.getByTestId("open-application-notice")).toHaveCount(0);
  await expect(page.getByRole("checkbox")).toHaveCount(consent.length);
  await context.close();
});
