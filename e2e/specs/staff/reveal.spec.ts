// Identity numbers and bank accounts are masked on every page; an officer whose step shows a
// number may reveal it on purpose, which goes on the access ledger the admin reads.
import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations, MEI, signedInPage, submitNewborn } from "../../support/citizen";
import { ADMIN, officer, taskUrl, waitForTask } from "../../support/staff";

const MEI_ID = "330102199203150021";
const MASKED = "3301**********0021";

test("an officer sees the identity number masked, reveals it in full, and the admin ledger shows the reveal, in both languages", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const citizen = await signedInPage(browser, MEI);
  const applicationId = await submitNewborn(citizen.request);

  const office = await signedInPage(browser, officer("public-security"));
  await waitForTask(office, applicationId);
  await office.goto(taskUrl(applicationId));
  const identity = office.getByTestId("evidence-identity");
  const number = identity.getByTestId("revealable-nationalId");
  await expect(number.getByTestId("shown-value")).toHaveText(MASKED);
  // Masked on the server: the full number is not in the HTML until it is revealed.
  expect(await office.content()).not.toContain(MEI_ID);
  await expectNoSeriousA11yViolations(office);
  await number.getByRole("button", { name: "Show Identity number in full (recorded on the access ledger)" }).click();
  await expect(number.getByTestId("shown-value")).toHaveText(MEI_ID);
  await expect(number.getByTestId("shown-value")).toHaveAttribute("data-revealed", "true");
  await expect(number.getByRole("button")).toHaveCount(0);

  // The same in Chinese: masked again on the next visit, revealed again on request.
  await office.context().addCookies([{ name: "NEXT_LOCALE", value: "zh-CN", url: baseURL! }]);
  await office.goto(taskUrl(applicationId));
  await expect(number.getByTestId("shown-value")).toHaveText(MASKED);
  await number.getByRole("button", { name: "显示完整的身份证号（将记入数据使用记录）" }).click();
  await expect(number.getByTestId("shown-value")).toHaveText(MEI_ID);
  await office.context().close();

  // Her own case page shows her number masked too.
  await citizen.goto(`/applications/${applicationId}`);
  await expect(citizen.getByText(MASKED).first()).toBeVisible({ timeout: 60_000 });
  expect(await citizen.content()).not.toContain(MEI_ID);
  await citizen.context().close();

  const admin = await signedInPage(browser, ADMIN);
  await admin.goto(`/staff/admin/ledger?case=${applicationId}&action=reveal`);
  const reveals = admin.locator(`[data-testid="ledger-entry"][data-action="reveal"][data-case="${applicationId}"]`);
  await expect(reveals).toHaveCount(2);
  await expect(reveals.first()).toContainText("Reveal of a masked number");
  await expect(reveals.first()).toContainText("OFFICER · public-security");
  expect(await admin.content()).not.toContain(MEI_ID);
  await admin.context().close();
});
