import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations, LEI, MEI, signedInPage, submitNewborn } from "../../support/citizen";

test.describe("citizen: who used my data", () => {
  test("a citizen who applied sees the department fetches of her case, in her words and both languages; filters work", async ({
    browser,
    baseURL,
  }) => {
    test.setTimeout(180_000);
    const page = await signedInPage(browser, MEI);
    const applicationId = await submitNewborn(page.request);

    // From the case page, the case's own uses.
    await page.goto(`/applications/${applicationId}`);
    await page.getByRole("link", { name: "Who used my data for this case" }).click();
    await expect(page).toHaveURL(new RegExp(`/my-data\\?case=${applicationId}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Who used my data");
    await expect(page.getByTestId("data-use-case-only")).toContainText("Register a newborn");

    // The workers write each fetch as its record arrives: wait for Public Security's identity record.
    const fetches = page.locator(
      `[data-testid="data-use-entry"][data-action="department-fetch"][data-case="${applicationId}"]`,
    );
    const identity = fetches.filter({ hasText: "Resident Identity Card Law, art. 13" });
    await expect
      .poll(
        async () => {
          await page.goto(`/my-data?case=${applicationId}`);
          return identity.count();
        },
        { timeout: 120_000, intervals: [1000] },
      )
      .toBe(1);
    const entry = identity.first();
    await expect(entry.getByRole("heading")).toHaveText("Your records were sent for your case");
    await expect(entry).toContainText("Public Security Bureau");
    await expect(entry).toContainText("The system, fetching for your case");
    await expect(entry).toContainText("Confirm who you are and where your household is registered");
    await expect(entry).toContainText("identity record");
    await expect(entry).toContainText("Full name");
    // No raw codes: the words, not the department or record codes.
    await expect(entry).not.toContainText("public-security");
    await expect(entry.getByRole("link", { name: "Register a newborn" })).toHaveAttribute(
      "href",
      `/applications/${applicationId}`,
    );
    const state = page.getByTestId("chain-state");
    await expect(state).toHaveAttribute("data-ok", "true");
    await expect(state).toContainText(/The record is intact: verified up to entry no\. \d+ of /);
    await expectNoSeriousA11yViolations(page);

    // By department, chosen in the form (the case filter stays): only the Health Commission's.
    await page.getByLabel("Department or office").selectOption({ label: "Health Commission" });
    await page.getByRole("button", { name: "Show" }).click();
    await expect(page).toHaveURL(/department=health/);
    await expect(page).toHaveURL(new RegExp(`case=${applicationId}`));
    await expect
      .poll(
        async () => {
          await page.reload();
          return page.getByTestId("data-use-entry").count();
        },
        { timeout: 60_000 },
      )
      .toBeGreaterThan(0);
    for (const text of await page.getByTestId("data-use-entry").allInnerTexts())
      expect(text).toContain("Health Commission");
    await expect(page.getByTestId("data-use-entry").first()).toContainText("medical birth certificate");

    // By service: none of her uses was for school enrolment in this case.
    await page.getByLabel("Service").selectOption({ label: "Enrol a child in school" });
    await page.getByLabel("Department or office").selectOption({ label: "Any department" });
    await page.getByRole("button", { name: "Show" }).click();
    await expect(page).toHaveURL(/service=school-enrolment/);
    await expect(page.getByTestId("data-use-empty")).toHaveText("No use of your data matches these filters.");

    // Everything of hers, from the header: her own sign-in is hers.
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Who used my data" }).click();
    await expect(page).toHaveURL(/\/my-data$/);
    const signIn = page.locator('[data-testid="data-use-entry"][data-action="sign-in"][data-own="true"]').first();
    await expect(signIn).toContainText("Signed in to your account");
    await expect(signIn).toContainText("You");

    // A wrong filter is named and shows nothing.
    const wrong = await page.goto("/my-data?department=ministry-of-magic");
    expect(wrong?.status()).toBe(200);
    await expect(page.getByTestId("data-use-filter-error")).toHaveText(
      "There is no such department. Choose one from the list.",
    );
    await expect(page.getByTestId("data-use-entry")).toHaveCount(0);

    await page.context().addCookies([{ name: "NEXT_LOCALE", value: "zh-CN", url: baseURL! }]);
    await page.goto(`/my-data?case=${applicationId}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("谁使用了我的数据");
    await expect(page.getByTestId("chain-state")).toContainText("记录完整");
    const zh = fetches.filter({ hasText: "《中华人民共和国居民身份证法》第十三条" });
    await expect(zh).toHaveCount(1);
    await expect(zh).toContainText("公安局");
    await expect(zh).toContainText("核实您的身份和户籍所在地");
    await expect(zh.getByRole("link", { name: "新生儿出生“一件事”" })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await page.context().close();

    // Another citizen cannot read Mei's case through the filter: refused like a case that does not exist.
    const lei = await signedInPage(browser, LEI);
    await lei.goto(`/my-data?case=${applicationId}`);
    await expect(lei.getByTestId("data-use-filter-error")).toHaveText(
      "That is not one of your case numbers. Open the list without it to see all your cases.",
    );
    await expect(lei.getByTestId("data-use-entry")).toHaveCount(0);
    await lei.goto("/my-data");
    await expect(lei.locator(`[data-testid="data-use-entry"][data-case="${applicationId}"]`)).toHaveCount(0);
    await lei.context().close();
  });
});
