import { expect, test } from "@playwright/test";
import {
  expectNoSeriousA11yViolations,
  MEI,
  NEWBORN_FIELDS,
  officer,
  signedInPage,
  submitNewborn,
} from "../../support/citizen";
import { ADMIN, CASEWORKER, expectNotFound } from "../../support/staff";

/** This month in China time, as the page's counts name it. */
const chinaMonth = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);

test.describe("office: our data, shared", () => {
  test("an officer sees her office's records sent to a case, counted by month and purpose; another office's officer does not", async ({
    browser,
    baseURL,
  }) => {
    test.setTimeout(180_000);
    const citizen = await signedInPage(browser, MEI);
    const applicationId = await submitNewborn(citizen.request);
    await citizen.context().close();

    const health = await signedInPage(browser, officer("health"));
    await health.goto("/staff/tasks");
    await health
      .getByRole("navigation", { name: "Staff workspaces" })
      .getByRole("link", { name: "Our data, shared" })
      .click();
    await expect(health).toHaveURL(/\/staff\/shared-data\/health$/);
    await expect(health.getByRole("heading", { level: 1 })).toHaveText("Our data, shared");
    await expect(health.getByTestId("shared-office")).toHaveText("Health Commission: records sent to cases");

    // The birth certificate goes out as the case fetches it.
    const row = health.locator(`[data-testid="shared-record"][data-case="${applicationId}"]`);
    await expect
      .poll(
        async () => {
          await health.goto("/staff/shared-data/health?service=newborn-registration");
          return row.count();
        },
        { timeout: 120_000, intervals: [1000] },
      )
      .toBe(1);
    await expect(row).toHaveAttribute("data-record", "birth-certificate");
    await expect(row).toContainText("medical birth certificate");
    await expect(row).toContainText("Maternal and Infant Health Care Law, art. 23");
    await expect(row).toContainText("Register a newborn");
    await expect(row).toContainText(applicationId);
    // Whose record it was is not on the page: no name, no identity number, not the baby's name she typed.
    const main = health.locator("main");
    await expect(main).not.toContainText("王美");
    await expect(main).not.toContainText(NEWBORN_FIELDS.babyName);
    expect(await main.innerText()).not.toMatch(/\d{17}[\dX]/);

    const count = health.locator(
      `[data-testid="shared-count"][data-month="${chinaMonth()}"][data-service="newborn-registration"]`,
    );
    await expect(count).toContainText("Register a newborn");
    expect(Number(await count.locator("td").last().innerText())).toBeGreaterThanOrEqual(1);
    await expectNoSeriousA11yViolations(health);

    // By month, in the form: a month long past has nothing.
    await health.getByLabel("Month (China time)").fill("2019-01");
    await health.getByRole("button", { name: "Show" }).click();
    await expect(health).toHaveURL(/month=2019-01/);
    await expect(health.getByTestId("shared-empty")).toHaveText("No records sent match these filters.");
    await expect(health.getByTestId("shared-count")).toHaveCount(0);
    const wrong = await health.goto("/staff/shared-data/health?month=2026-13");
    expect(wrong?.status()).toBe(200);
    await expect(health.getByTestId("shared-filter-error")).toHaveText(
      "That is not a month. Write it as year and month, e.g. 2026-11.",
    );

    // Not another office's.
    await expectNotFound(health, "/staff/shared-data/public-security");

    await health.context().addCookies([{ name: "NEXT_LOCALE", value: "zh-CN", url: baseURL! }]);
    await health.goto("/staff/shared-data/health?service=newborn-registration");
    await expect(health.getByRole("heading", { level: 1 })).toHaveText("本部门数据共享");
    await expect(row).toContainText("《中华人民共和国母婴保健法》第二十三条");
    await expectNoSeriousA11yViolations(health);
    await health.context().close();

    // Public Security's officer sees its own records of the case, never Health's.
    const police = await signedInPage(browser, officer("public-security"));
    await expect
      .poll(
        async () => {
          await police.goto("/staff/shared-data/public-security?service=newborn-registration");
          return police.locator(`[data-testid="shared-record"][data-case="${applicationId}"]`).count();
        },
        { timeout: 60_000, intervals: [1000] },
      )
      .toBeGreaterThan(0);
    await expect(
      police.locator(`[data-testid="shared-record"][data-case="${applicationId}"][data-record="birth-certificate"]`),
    ).toHaveCount(0);
    await expectNotFound(police, "/staff/shared-data/health");
    await police.context().close();
  });

  test("administrators choose any office; citizens and caseworkers get 404", async ({ browser }) => {
    // Three sign-ins, two with a second factor.
    test.setTimeout(90_000);
    const admin = await signedInPage(browser, ADMIN);
    await admin.goto("/staff/shared-data");
    await expect(admin).toHaveURL(/\/staff\/shared-data\/public-security$/);
    await admin.getByRole("navigation", { name: "Office" }).getByRole("link", { name: "Health Commission" }).click();
    await expect(admin.getByTestId("shared-office")).toHaveText("Health Commission: records sent to cases");
    await expectNotFound(admin, "/staff/shared-data/ministry-of-magic");
    await admin.context().close();

    for (const email of [MEI, CASEWORKER]) {
      const page = await signedInPage(browser, email);
      await expectNotFound(page, "/staff/shared-data/health");
      await expectNotFound(page, "/staff/shared-data");
      await expect(page.getByRole("link", { name: "Our data, shared" })).toHaveCount(0);
      await page.context().close();
    }
  });
});
