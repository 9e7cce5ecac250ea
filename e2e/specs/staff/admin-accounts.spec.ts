import { randomUUID } from "node:crypto";
import { expect, type Page, test } from "@playwright/test";
import { database } from "../../support/accounts";
import { expectNoSeriousA11yViolations, signIn } from "../../support/citizen";
import { ADMIN, freshCode, passSecondFactor } from "../../support/staff";

test.describe.configure({ mode: "serial" });

const PASSWORD = "a long new password";

async function submitPassword(page: Page, email: string, password = PASSWORD) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("the admin invites an officer, who sets a password, enrols and signs in; deactivated, their open session ends and they cannot sign in; reactivated, they can", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const tag = randomUUID().slice(0, 8);
  const email = `officer-${tag}@e2e.visit-once.local`;
  const name = `Officer Lin ${tag}`;

  // The administrator invites a Health Commission officer and gets the link once.
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, ADMIN);
  await admin
    .getByRole("navigation", { name: "Staff workspaces" })
    .getByRole("link", { name: "Staff accounts" })
    .click();
  await expect(admin.getByRole("heading", { name: "Staff accounts" })).toBeVisible();
  const invite = admin.getByRole("region", { name: "Invite a member of staff" });
  // The browser lets this through (type=email), the server does not: no dot in the domain.
  await invite.getByLabel("Email").fill("someone@localhost");
  await invite.getByLabel("Name").fill(name);
  await invite.getByLabel("Role").selectOption({ label: "Department officer" });
  await invite.getByRole("button", { name: "Create account and link" }).click();
  await expect(invite.getByText("Enter an email address, like name@example.gov.cn.")).toBeVisible();
  expect(await database().user.count({ where: { name } })).toBe(0);
  await invite.getByLabel("Email").fill(email);
  await invite.getByRole("button", { name: "Create account and link" }).click();
  await expect(invite.getByText("A department officer belongs to an office: choose one.")).toBeVisible();
  // The form is drawn again with the last answer's values just after that answer shows: an
  // office chosen in between can be put back to none (it failed once in a full run). Nothing is
  // created while an office is missing, so choosing it again and sending again is safe.
  const shown = admin.getByTestId("invitation-link");
  await expect(async () => {
    await invite.getByLabel("Office (department officers only)").selectOption({ label: "Health Commission" });
    await invite.getByRole("button", { name: "Create account and link" }).click();
    await expect(shown).toBeVisible({ timeout: 20_000 });
  }).toPass({ timeout: 60_000 });
  await expect(shown).toContainText(`Invitation link for ${name}`);
  await expectNoSeriousA11yViolations(admin);
  const link = (await shown.locator("code").textContent())!;
  expect(link).toMatch(/\/signin\/invitation#[A-Za-z0-9_-]{43}$/);
  const account = await database().user.findUniqueOrThrow({ where: { email } });
  expect(account).toMatchObject({
    role: "OFFICER",
    departmentCode: "health",
    totpEnabledAt: null,
    deactivatedAt: null,
  });
  // Only the hash is kept, and the audit entry names the new account, the request, never the token.
  const token = link.split("#")[1]!;
  const invitation = await database().staffInvitation.findFirstOrThrow({ where: { userId: account.id } });
  expect(invitation.tokenHash).not.toContain(token);
  const invited = await database().auditEntry.findFirstOrThrow({
    where: { action: "invite", outcome: `invited:${account.id}` },
  });
  expect(invited.requestId).toMatch(/^[0-9a-f-]{36}$/);
  // Leaving and coming back does not show the link again.
  await admin.reload();
  await expect(admin.getByTestId("invitation-link")).toHaveCount(0);

  // The new officer opens the link, sets a password, enrols a second factor and reaches her tasks.
  const officer = await (await browser.newContext()).newPage();
  await officer.goto(link);
  await expect(officer.getByRole("heading", { name: "Set your password" })).toBeVisible();
  await expect(officer).toHaveURL(/\/signin\/invitation$/);
  await officer.getByLabel("New password").fill("short");
  await officer.getByLabel("Type it again").fill("short");
  await officer.getByRole("button", { name: "Set password" }).click();
  await expect(officer.locator("p[role=alert]")).toHaveText("Choose a password of at least 12 characters.");
  await officer.getByLabel("New password").fill(PASSWORD);
  await officer.getByLabel("Type it again").fill(PASSWORD);
  await officer.getByRole("button", { name: "Set password" }).click();
  await expect(officer.getByTestId("invitation-accepted")).toHaveText(
    `Your password is set. Sign in with ${email} and your new password.`,
  );
  await expectNoSeriousA11yViolations(officer);
  // The link works once.
  const again = await (await browser.newContext()).newPage();
  await again.goto(link);
  await again.getByLabel("New password").fill("another long password");
  await again.getByLabel("Type it again").fill("another long password");
  await again.getByRole("button", { name: "Set password" }).click();
  await expect(again.locator("p[role=alert]")).toHaveText(/This invitation link no longer works/);
  await again.context().close();

  await submitPassword(officer, email);
  await expect(officer).toHaveURL(/\/signin\/enrol/);
  const secret = (await officer.getByTestId("totp-secret").textContent())!.replace(/\s/g, "");
  await officer.getByLabel("Code from the app").fill(await freshCode(email, secret));
  await officer.getByRole("button", { name: "Confirm" }).click();
  await expect(officer.getByTestId("recovery-code")).toHaveCount(10);
  await officer.getByRole("link", { name: "Continue" }).click();
  await expect(officer).toHaveURL(/\/staff\/tasks/);
  await expect(officer.getByTestId("signed-in-user")).toContainText(name);

  // The administrator finds her by searching, and sees her open session.
  await admin.getByLabel("Search by name, email or office").fill(tag);
  await admin.getByRole("button", { name: "Search", exact: true }).click();
  const row = admin.getByTestId(`account-${email}`);
  await expect(row.getByTestId("account-status")).toHaveText("Active");
  await expect(row.getByTestId("second-factor")).toHaveText("Set up");
  await expect(row.getByTestId("open-sessions")).toHaveText("1");
  await row.getByRole("link", { name: `Manage ${name}` }).click();
  await expect(admin.getByRole("heading", { name: `Staff account: ${name}` })).toBeVisible();
  await expectNoSeriousA11yViolations(admin);

  // Deactivated: her open session ends at once, and her password no longer signs her in.
  await admin.getByRole("button", { name: "Deactivate account" }).click();
  await expect(admin.getByTestId("account-outcome")).toHaveText(
    `The account of ${name} is deactivated and its sessions ended.`,
  );
  await expect(admin.getByTestId("account-status")).toHaveText("Deactivated");
  await expect(admin.getByTestId("open-sessions")).toHaveText("0");
  await officer.goto("/staff/tasks");
  await expect(officer).toHaveURL(/\/signin/);
  await submitPassword(officer, email);
  await expect(officer.locator("p[role=alert]")).toBeVisible();
  await expect(officer).toHaveURL(/\/signin(\?|$)/);
  const deactivated = await database().auditEntry.findFirstOrThrow({
    where: { action: "deactivate", resource: `account:${account.id}` },
  });
  expect(deactivated).toMatchObject({
    actorId: expect.any(String),
    role: "ADMIN",
    allowed: true,
    outcome: "done:1-sessions-ended",
  });

  // Reactivated: she signs in again with her password and her code.
  await admin.getByRole("button", { name: "Reactivate account" }).click();
  await expect(admin.getByTestId("account-outcome")).toHaveText(`The account of ${name} is active again.`);
  await submitPassword(officer, email);
  await passSecondFactor(officer, email, secret);
  await expect(officer.getByTestId("signed-in-user")).toContainText(name);

  // Moved to another office: her session ends (it began with the old one).
  await admin.getByLabel("Office (department officers only)").selectOption({ label: "Tax Bureau" });
  await admin.getByRole("button", { name: "Save role and office" }).click();
  await expect(admin.getByTestId("change-outcome")).toHaveText("Role and office saved. The person signs in again.");
  await officer.goto("/staff/tasks");
  await expect(officer).toHaveURL(/\/signin/);
  expect((await database().user.findUniqueOrThrow({ where: { id: account.id } })).departmentCode).toBe("taxation");
  await officer.context().close();
  await admin.context().close();
});

test("the last active administrator cannot deactivate or demote themselves", async ({ page }) => {
  test.setTimeout(90_000);
  const db = database();
  const others = await db.user.findMany({
    where: { role: "ADMIN", deactivatedAt: null, email: { not: ADMIN } },
    select: { id: true },
  });
  // Only the demo administrator stays active for this test (other specs' administrators, if any, are put back after).
  await db.user.updateMany({ where: { id: { in: others.map((o) => o.id) } }, data: { deactivatedAt: new Date() } });
  try {
    await signIn(page, ADMIN);
    const me = await db.user.findUniqueOrThrow({ where: { email: ADMIN } });
    await page.goto(`/staff/admin/accounts/${me.id}`);
    await page.getByRole("button", { name: "Deactivate account" }).click();
    await expect(page.getByTestId("account-outcome")).toHaveText(
      "This is the last active administrator. Make someone else an administrator first.",
    );
    await page.locator("select[name=role]").selectOption({ label: "Caseworker" });
    await page.getByRole("button", { name: "Save role and office" }).click();
    await expect(
      page.getByText("This is the last active administrator. Make someone else an administrator first."),
    ).toHaveCount(1);
    expect(await db.user.findUniqueOrThrow({ where: { email: ADMIN } })).toMatchObject({
      role: "ADMIN",
      deactivatedAt: null,
    });
  } finally {
    await db.user.updateMany({ where: { id: { in: others.map((o) => o.id) } }, data: { deactivatedAt: null } });
  }
});

test("the staff accounts page speaks Chinese", async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, ADMIN);
  await page.goto("/staff/admin/accounts");
  await page.getByRole("button", { name: "中文" }).click();
  await expect(page.getByRole("heading", { name: "邀请工作人员" })).toBeVisible();
  await expect(page.getByRole("button", { name: "创建账号和链接" })).toBeVisible();
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { name: "Invite a member of staff" })).toBeVisible();
});
