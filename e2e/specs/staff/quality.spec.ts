import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations, signedInPage } from "../../support/citizen";
import { ADMIN, CASEWORKER, officer, overflowingElements } from "../../support/staff";

test.describe("staff: every page, on a phone, in both languages", () => {
  test("the staff pages have no serious accessibility problems and fit a phone screen", async ({ browser }) => {
    test.setTimeout(120_000);
    const pages = [
      { who: CASEWORKER, urls: ["/staff/exceptions", "/staff/exceptions?state=resolved&overdue=1", "/staff/board"] },
      {
        who: officer("health"),
        urls: ["/staff/tasks", "/staff/tasks?tab=overdue", "/staff/tasks?tab=citizen", "/staff/tasks?tab=done"],
      },
      { who: ADMIN, urls: ["/staff/board"] },
    ];
    for (const { who, urls } of pages) {
      const page = await signedInPage(browser, who);
      await page.setViewportSize({ width: 375, height: 740 });
      for (const url of urls) {
        expect((await page.goto(url))?.status(), url).toBe(200);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        await expectNoSeriousA11yViolations(page);
        // Nothing sticks out sideways: wide tables scroll inside their own region.
        expect(await overflowingElements(page), url).toEqual([]);
      }
      await page.context().close();
    }
  });

  test("an office with nothing to do says so plainly", async ({ browser }) => {
    // The Health Commission decides no step of any service: its lists stay empty whatever other specs apply for.
    const page = await signedInPage(browser, officer("health"));
    await expect(page.getByTestId("tasks-empty")).toHaveText(
      "No step is awaiting your office's decision. New ones appear here by themselves.",
    );
    await page.getByTestId("tab-citizen").click();
    await expect(page.getByTestId("tasks-empty")).toHaveText("No step is waiting for a citizen's correction.");
  });

  test("the workspace speaks Chinese when chosen", async ({ browser, baseURL }) => {
    const page = await signedInPage(browser, CASEWORKER);
    await page.context().addCookies([{ name: "NEXT_LOCALE", value: "zh-CN", url: baseURL! }]);
    await page.goto("/staff/exceptions");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("综窗异常件");
    await expect(page.getByRole("button", { name: "筛选" })).toBeVisible();
    await page.goto("/staff/board");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("办件效能看板");
    await expect(page.getByTestId("board-public-security")).toContainText("公安局");
    await expectNoSeriousA11yViolations(page);
  });
});
