import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations, officer, signedInPage } from "../../support/citizen";
import { readChinese } from "../../support/language";
import { ADMIN, expectNotFound } from "../../support/staff";
import { seedPastCases } from "../../support/statistics";

test.describe("the reform's statistics", () => {
  test("the public page shows aggregates with small cells suppressed; administrators see every cell; an office sees its own figures; both languages", async ({
    browser,
  }) => {
    test.setTimeout(180_000);
    const month = await seedPastCases();

    // Anyone, signed out, from the home page.
    const context = await browser.newContext();
    const visitor = await context.newPage();
    await visitor.goto("/");
    await visitor.getByRole("link", { name: "The reform in figures" }).click();
    await expect(visitor).toHaveURL(/\/statistics$/);
    await expect(visitor.getByRole("heading", { level: 1 })).toHaveText("The reform in figures");
    for (const section of ["applications", "cycle-times", "clean", "days-saved", "data-flows"]) {
      await expect(visitor.getByTestId(`statistics-${section}`)).toBeVisible();
      await expect(visitor.getByTestId(`table-${section}`)).toBeVisible();
    }
    await expect(visitor.getByTestId("chart-applications")).toBeVisible();
    // Six retirements that month are shown; the two school enrolments are not.
    await expect(visitor.getByTestId(`applications-${month}-retirement`)).toHaveText("6");
    await expect(visitor.getByTestId(`applications-${month}-school-enrolment`)).toHaveText("fewer than 5");
    await expect(visitor.getByTestId("saved-retirement")).toContainText("33 working days, 5 visits");
    await expect(visitor.getByTestId("paper-sources")).toContainText("Derived, not published");
    await expect(visitor.getByTestId("flow-human-resources-retirement")).toContainText(
      "Human Resources and Social Security Bureau",
    );
    // No case reference, no name.
    const text = await visitor.locator("main").innerText();
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(text).not.toContain("Seeded Applicant");
    await expectNoSeriousA11yViolations(visitor);
    await readChinese(visitor);
    await visitor.reload();
    await expect(visitor.getByRole("heading", { level: 1 })).toHaveText("改革成效数据");
    await expect(visitor.getByTestId(`applications-${month}-school-enrolment`)).toHaveText("少于 5 件");
    await expect(visitor.getByTestId("saved-retirement")).toContainText("33 个工作日，跑 5 次");
    await expectNoSeriousA11yViolations(visitor);
    await context.close();

    // An office's own figures: Human Resources sees its retirements, not the Education Bureau's cases, nor every office's page.
    const hr = await signedInPage(browser, officer("human-resources"));
    await hr.goto("/staff/tasks");
    await hr.getByRole("navigation", { name: "Staff workspaces" }).getByRole("link", { name: "Statistics" }).click();
    await expect(hr).toHaveURL(/\/staff\/statistics\/human-resources$/);
    await expect(hr.getByRole("heading", { level: 1 })).toHaveText(
      "Human Resources and Social Security Bureau: our figures",
    );
    await expect(hr.getByTestId(`applications-${month}-retirement`)).toHaveText("6");
    await expect(hr.getByTestId(`applications-${month}-school-enrolment`)).toHaveCount(0);
    await expect(hr.getByTestId("cycle-retirement-pension-approval")).toContainText("Pension");
    await expectNoSeriousA11yViolations(hr);
    await expectNotFound(hr, "/staff/statistics/education");
    await expectNotFound(hr, "/staff/statistics");
    await readChinese(hr);
    await hr.goto("/staff/statistics/human-resources");
    await expect(hr.getByRole("heading", { level: 1 })).toHaveText("人力资源和社会保障局：本部门数据");
    await expectNoSeriousA11yViolations(hr);
    await hr.context().close();

    // Administrators: every office's, every cell.
    const admin = await signedInPage(browser, ADMIN);
    await admin.goto("/staff/statistics");
    await expect(admin.getByRole("heading", { level: 1 })).toHaveText("The reform's statistics");
    await expect(admin.getByTestId(`applications-${month}-school-enrolment`)).toHaveText("2");
    await expect(admin.getByTestId(`applications-${month}-retirement`)).toHaveText("6");
    await expectNoSeriousA11yViolations(admin);
    await admin.getByRole("link", { name: "Education Bureau" }).click();
    await expect(admin.getByTestId(`applications-${month}-school-enrolment`)).toHaveText("2");
    await expect(admin.getByTestId(`applications-${month}-retirement`)).toHaveCount(0);
    await admin.context().close();
  });
});
