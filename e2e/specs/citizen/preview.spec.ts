// The preview (issue 13, item 5), across the citizen and the office: before anything reaches an
// office she sees the values retrieved for her with their sources, withdraws her consent for a
// record the service can do without, is refused for one it needs, and confirms; the office's
// task page then holds no trace of the withdrawn record. In English and in Chinese.
import { type Browser, expect, type Page, test } from "@playwright/test";
import { actOnCase, expectNoSeriousA11yViolations, LEI, MEI, signedInPage, submitNewborn } from "../../support/citizen";
import { readChinese } from "../../support/language";
import { officer, taskUrl, waitForTask } from "../../support/staff";

interface Words {
  title: string;
  source: RegExp;
  optional: string;
  required: string;
  withdrawOpen: string;
  withdrawYes: string;
  withdrawn: string;
  confirm: string;
  due: RegExp;
}

const EN: Words = {
  title: "Check the records retrieved for you",
  source: /^From .+, retrieved .+ \(record .+\)$/,
  optional: "Optional for this service: you may withdraw your consent for it.",
  required: "Needed for this service.",
  withdrawOpen: "Withdraw consent: marriage record",
  withdrawYes: "Yes, withdraw it",
  withdrawn: "You withdrew your consent for this record; its values were removed and no office will see them.",
  confirm: "Confirm these records",
  due: /^Confirm by .*\d{4}\. Without your answer/,
};
/** The refusal is said in the reader's language (the case page's own words). */
const REFUSED = /cannot be done without the medical birth certificate|办理本事项必须使用/i;

const ZH: Words = {
  title: "核对为您调取的材料",
  source: /^来源：.+/,
  optional: "本事项非必需：您可以撤回对该材料的授权。",
  required: "办理本事项必需。",
  withdrawOpen: "撤回授权：婚姻登记信息",
  withdrawYes: "确定撤回",
  withdrawn: "您已撤回对该材料的授权，相关信息已删除，任何部门都不会看到。",
  confirm: "确认以上材料",
  due: /^请于\d{4}年\d{1,2}月\d{1,2}日前确认/,
};

async function reviewWithdrawConfirm(citizen: Page, applicationId: string, w: Words) {
  await citizen.goto(`/applications/${applicationId}`);
  const preview = citizen.getByTestId("preview");
  await expect(preview).toBeVisible({ timeout: 120_000 });
  await expect(preview.getByRole("heading", { name: w.title })).toBeVisible();
  await expect(preview.getByTestId("preview-due")).toHaveText(w.due);
  await expect(citizen.getByTestId("case-todo")).toHaveAttribute("data-todo", "confirm");
  // Each retrieved value with its source: the department, when it was fetched, the department's record.
  for (const type of ["identity", "household", "birth-certificate", "marriage", "medical-insurance"]) {
    const record = preview.getByTestId(`record-${type}`);
    await expect(record.getByTestId("record-source")).toHaveText(w.source);
    await expect(record.getByTestId("record-need")).toHaveText(type === "marriage" ? w.optional : w.required);
  }
  // Only the optional record offers a withdrawal.
  await expect(
    preview.getByTestId("record-birth-certificate").getByRole("button", { name: w.withdrawOpen }),
  ).toHaveCount(0);
  await expectNoSeriousA11yViolations(citizen);

  // A record the service needs cannot be withdrawn, whatever is sent; nothing changes.
  const refused = await actOnCase(citizen.request, applicationId, {
    action: "withdraw",
    recordType: "birth-certificate",
  });
  expect(refused.status()).toBe(409);
  expect((await refused.json()).error).toMatch(REFUSED);

  await preview.getByTestId("record-marriage").getByRole("button", { name: w.withdrawOpen }).click();
  await preview.getByRole("button", { name: w.withdrawYes }).click();
  await expect(preview.getByTestId("withdrawn-marriage")).toContainText(w.withdrawn);
  await expect(preview.getByTestId("record-marriage")).toHaveCount(0);
  await expect(preview.getByTestId("record-birth-certificate")).toBeVisible();
  await expectNoSeriousA11yViolations(citizen);

  await preview.getByRole("button", { name: w.confirm }).click();
  await expect(preview).toHaveCount(0, { timeout: 30_000 });
  await expect(citizen.getByTestId("application-status")).toHaveAttribute("data-status", "IN_DEPARTMENTS", {
    timeout: 60_000,
  });
  // The withdrawal stays said on the case page.
  await expect(citizen.getByTestId("withdrawn-marriage")).toContainText(w.withdrawn);
}

async function officeSeesNoMarriage(browser: Browser, applicationId: string) {
  const office = await signedInPage(browser, officer("public-security"));
  await waitForTask(office, applicationId);
  await office.goto(taskUrl(applicationId));
  await expect(office.getByTestId("evidence-birth-certificate")).toBeVisible();
  // The step is granted marriage fields, but the record left the case: the office is shown none of it.
  await expect(office.getByTestId("evidence-marriage")).toHaveCount(0);
  await expectNoSeriousA11yViolations(office);
  await office.context().close();
}

test("in English: the citizen reviews her records with their sources, withdraws the optional one, confirms; the office never sees it", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const lei = await signedInPage(browser, LEI);
  const applicationId = await submitNewborn(lei.request, undefined, { leavePreview: true });
  await reviewWithdrawConfirm(lei, applicationId, EN);
  await officeSeesNoMarriage(browser, applicationId);
});

test("in Chinese: the same preview, withdrawal and confirmation", async ({ browser }) => {
  test.setTimeout(240_000);
  const mei = await signedInPage(browser, MEI);
  await readChinese(mei);
  const applicationId = await submitNewborn(mei.request, undefined, { leavePreview: true });
  await reviewWithdrawConfirm(mei, applicationId, ZH);
  await officeSeesNoMarriage(browser, applicationId);
});
