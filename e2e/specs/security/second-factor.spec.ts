import { randomUUID } from "node:crypto";
import { expect, type Page, test } from "@playwright/test";
import { database, freshStaffAccount } from "../../support/accounts";
import { ADMIN, expectNotFound, freshCode, passSecondFactor } from "../../support/staff";
import { DEMO_PASSWORD, expectNoSeriousA11yViolations, signIn } from "../../support/citizen";

test.describe.configure({ mode: "serial" });

async function submitPassword(page: Page, email: string) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/signin/);
}

test("a new member of staff enrols right after the password, gets recovery codes once, and an administrator can reset them", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const account = await freshStaffAccount();
  const context = await browser.newContext();
  const page = await context.newPage();

  // After the password: enrolment, and nothing else until it is done.
  await submitPassword(page, account.email);
  await expect(page).toHaveURL(/\/signin\/enrol/);
  await expect(page.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  const secret = (await page.getByTestId("totp-secret").textContent())!.replace(/\s/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await page.goto("/staff/exceptions");
  await expect(page).toHaveURL(/\/signin\/enrol/);
  // Route handlers treat the half-signed-in session as signed out (a signed-in person would get 404 here).
  expect((await page.request.get(`/api/applications/${randomUUID()}`)).status()).toBe(401);
  await expect(page.getByTestId("signed-in-user")).toHaveCount(0);

  await page.getByLabel("Code from the app").fill("000000");
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page.locator("p[role=alert]")).toHaveText(/That code is not right/);
  await page.getByLabel("Code from the app").fill(await freshCode(account.email, secret));
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByTestId("recovery-code")).toHaveCount(10);
  const codes = await page.getByTestId("recovery-code").allTextContents();
  expect(new Set(codes).size).toBe(10);
  // Stored only as hashes.
  const stored = await database().recoveryCode.findMany({ where: { userId: account.id } });
  expect(stored.map((r) => r.codeHash)).not.toContain(codes[0]);
  await page.getByRole("link", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/staff/);
  await expect(page.getByTestId("signed-in-user")).toContainText(account.name);
  await signOut(page);

  // Next time: the code step. A wrong code is refused; a recovery code works once.
  await submitPassword(page, account.email);
  await expect(page).toHaveURL(/\/signin\/code/);
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("textbox", { name: "Code" }).fill("000000");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.locator("p[role=alert]")).toHaveText(/That code is not right, or it was already used/);
  await page.getByRole("textbox", { name: "Code" }).fill(codes[0]!);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByTestId("signed-in-user")).toContainText(account.name);
  await signOut(page);
  await submitPassword(page, account.email);
  await page.getByRole("textbox", { name: "Code" }).fill(codes[0]!);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.locator("p[role=alert]")).toHaveText(/already used/);
  await passSecondFactor(page, account.email, secret);
  await expect(page.getByTestId("signed-in-user")).toContainText(account.name);

  // A caseworker cannot open the administrators' page.
  await expectNotFound(page, "/staff/admin/accounts");

  // The administrator resets the new caseworker's second factor…
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, ADMIN);
  await admin.getByRole("link", { name: "Staff accounts" }).click();
  const row = admin.getByTestId(`account-${account.email}`);
  await expect(row.getByTestId("second-factor")).toHaveText("Set up");
  await expect(row.getByTestId("open-sessions")).not.toHaveText("0");
  await expectNoSeriousA11yViolations(admin);
  await row.getByRole("button", { name: `Reset sign-in code for ${account.name}` }).click();
  await expect(admin.getByTestId("reset-outcome")).toHaveText(
    `The sign-in code of ${account.name} was reset and their sessions ended.`,
  );
  await expect(row.getByTestId("second-factor")).toHaveText("Not set up");
  await expect(row.getByTestId("open-sessions")).toHaveText("0");
  const audit = await database().auditEntry.findMany({ where: { resource: `account:${account.id}/second-factor` } });
  expect(audit.map((a) => [a.action, a.allowed, a.role])).toEqual([["reset", true, "ADMIN"]]);

  // …which ends their session at once, and they enrol again at their next sign-in.
  await page.reload();
  await expect(page).toHaveURL(/\/signin/);
  await submitPassword(page, account.email);
  await expect(page).toHaveURL(/\/signin\/enrol/);
  expect((await page.getByTestId("totp-secret").textContent())!.replace(/\s/g, "")).not.toBe(secret);
  await adminContext.close();
  await context.close();
});

test("a demo member of staff signs in with the documented development secret", async ({ page }) => {
  await submitPassword(page, ADMIN);
  await passSecondFactor(page, ADMIN);
  await expect(page.getByTestId("signed-in-user")).toContainText("Administrator");
});
