import { expect, type Page, test } from "@playwright/test";
import { SERVICES } from "@visit-once/workflows/contracts";
import { expectChinesePage, readInChinese } from "../../support/chinese-pages";
import { caseOf, completeNewbornCase, MEI, signedInPage, submitNewborn } from "../../support/citizen";
import { ADMIN, CASEWORKER, officer, waitForTask } from "../../support/staff";

// Every citizen and staff page in zh-CN, as each demo role reaches it, shows no English beyond
// codes, names and product names, and no full identity number. Chen Hua's case (no birth
// certificate on record) is the example: its history said the Health Commission's
// English sentence under "✕ 失败".

const HUA = "hua@demo.visit-once.local";
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

/** The staff pages a role's navigation offers it. */
async function staffNavigation(page: Page): Promise<string[]> {
  await page.goto("/staff");
  const hrefs = await page
    .locator('main nav a[href^="/staff"]')
    .evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  expect(hrefs.length).toBeGreaterThan(0);
  return [...new Set(hrefs)];
}

async function inChinese(page: Page): Promise<Page> {
  await readInChinese(page);
  return page;
}

test.describe.configure({ mode: "serial" });

test("every page a citizen and each member of staff reaches speaks Chinese in zh-CN", async ({ browser }) => {
  test.setTimeout(600_000);

  // Chen Hua applies: no birth certificate and no marriage on record, so a caseworker is needed.
  const hua = await inChinese(await signedInPage(browser, HUA));
  const huaCase = await submitNewborn(hua.request, { babyName: "陈小宝" });
  await expect
    .poll(async () => (await caseOf(hua.request, huaCase)).status, { timeout: 120_000 })
    .toBe("AWAITING_CASEWORKER");

  await test.step("the citizen's pages", async () => {
    const services = Object.keys(SERVICES);
    const guides = ["/guides", ...services.map((code) => `/guides/${code}`)];
    const messages = ["/inbox", "/inbox/settings", "/dev/mailbox"];
    for (const path of [
      "/",
      "/services",
      ...services.map((code) => `/services/${code}`),
      ...guides,
      "/applications",
      `/applications/${huaCase}`,
      "/my-data",
      "/account/mandates",
      "/statistics",
      "/verify",
      ...messages,
    ]) {
      await expectChinesePage(hua, path);
    }
    // The failed record step is said in Chinese, not in the workflow's English.
    await hua.goto(`/applications/${huaCase}`);
    await expect(hua.getByTestId("step-fetch:birth-certificate")).toContainText(
      "卫生健康委员会没有申请人的出生医学证明",
    );
  });

  await test.step("the apply wizard's three stages", async () => {
    const wizard = hua.getByTestId("apply-wizard");
    await hua.goto("/services/newborn-registration");
    // Ticks made before the page has hydrated are lost (the consents are React state): tick
    // again until the form has them and lets her go on.
    const next = hua.getByRole("button", { name: "下一步" });
    await expect(async () => {
      for (const box of await hua.getByRole("checkbox").all()) await box.check();
      await expect(next).toBeEnabled({ timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
    await next.click();
    await expect(wizard).toHaveAttribute("data-stage", "details");
    // The draft lives in the tab, so opening a stage's address again shows that stage.
    await expectChinesePage(hua, "/services/newborn-registration?stage=details");
    await expect(wizard).toHaveAttribute("data-stage", "details");
    await hua.getByLabel("新生儿登记姓名").fill("陈小宝");
    await hua.getByRole("button", { name: "下一步" }).click();
    await expect(wizard).toHaveAttribute("data-stage", "review");
    await expectChinesePage(hua, "/services/newborn-registration?stage=review");
    await expect(wizard).toHaveAttribute("data-stage", "review");
  });

  // Wang Mei's clean case goes to the offices: an officer's task page, then to the end, with its documents.
  const mei = await inChinese(await signedInPage(browser, MEI));
  const meiCase = await submitNewborn(mei.request);
  const householdOfficer = await inChinese(await signedInPage(browser, officer("public-security")));
  await waitForTask(householdOfficer, meiCase);

  await test.step("an officer's pages", async () => {
    for (const path of [
      ...(await staffNavigation(householdOfficer)),
      `/staff/tasks/${meiCase}/household-registration`,
      "/inbox",
    ])
      await expectChinesePage(householdOfficer, path);
  });

  await test.step("a caseworker's pages, with Chen Hua's exceptions", async () => {
    const caseworker = await inChinese(await signedInPage(browser, CASEWORKER));
    const pages = await staffNavigation(caseworker);
    for (const path of pages) await expectChinesePage(caseworker, path);
    await caseworker.goto("/staff/exceptions?kind=MISSING_RECORD");
    const exceptionLinks = await caseworker
      .locator('a[href^="/staff/exceptions/"]')
      .evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
    const exceptions = [...new Set(exceptionLinks.filter((href) => UUID.test(href)))];
    expect(exceptions.length).toBeGreaterThan(0);
    for (const path of exceptions.slice(0, 2)) await expectChinesePage(caseworker, path);
  });

  await test.step("an administrator's pages", async () => {
    const admin = await inChinese(await signedInPage(browser, ADMIN));
    const pages = await staffNavigation(admin);
    for (const path of pages) await expectChinesePage(admin, path);
    await admin.goto("/staff/admin/accounts");
    const account = await admin.locator('a[href^="/staff/admin/accounts/"]').first().getAttribute("href");
    await admin.goto("/staff/admin/offices");
    const office = await admin.locator('a[href^="/staff/admin/offices/"]').first().getAttribute("href");
    for (const path of [account, office, "/staff/shared-data/public-security"])
      if (path) await expectChinesePage(admin, path);
  });

  await test.step("the finished case and its documents", async () => {
    await completeNewbornCase(browser, mei.request, meiCase);
    await expectChinesePage(mei, `/applications/${meiCase}`);
    const code = (
      await mei
        .getByText(/VO(-[0-9A-Z]{4}){6}/)
        .first()
        .textContent()
    )?.match(/VO(-[0-9A-Z]{4}){6}/)?.[0];
    expect(code).toBeTruthy();
    await expectChinesePage(mei, `/verify/${code}`);
  });

  await test.step("signed out", async () => {
    const context = await browser.newContext({ locale: "zh-CN" });
    const anonymous = await context.newPage();
    for (const path of ["/signin", "/verify", "/guides", "/guides/retirement", "/statistics"])
      await expectChinesePage(anonymous, path);
    await context.close();
  });
});
