import { randomUUID } from "node:crypto";
import { type APIRequestContext, type Browser, expect, test } from "@playwright/test";
import { database, freshStaffAccount } from "../../support/accounts";
import { MEI, signedInPage, signIn } from "../../support/citizen";
import { actionIdOf, callAction } from "../../support/server-action";
import { ADMIN, CASEWORKER, expectNotFound, officer } from "../../support/staff";

// Every admin page answers the standard 404 to everyone else (a citizen is sent home), and every
// admin action, called directly with its id (which any page's HTML gives away), changes nothing
// for them: the operation itself refuses, and a signed-in refusal is on the audit log.

const PAGES = [
  "/staff/admin/accounts",
  "/staff/admin/offices",
  "/staff/admin/offices/health",
  "/staff/admin/services",
  "/staff/admin/ledger",
  "/staff/admin/calendar",
];

interface Actions {
  invite: string;
  change: string;
  active: string;
  reset: string;
  saveOffice: string;
  deleteOffice: string;
}
let actions: Actions;
let target: { id: string; email: string };
let accountPage: string;

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000);
  // The target: an enrolled officer, so every action (the reset too) has something to do.
  const fresh = await freshStaffAccount("OFFICER", "health");
  await database().user.update({
    where: { id: fresh.id },
    data: { totpEnabledAt: new Date(), totpSecret: "sealed-placeholder" },
  });
  target = fresh;
  accountPage = `/staff/admin/accounts/${target.id}`;
  // The action ids, read from the administrator's own pages.
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, ADMIN);
  await admin.goto(accountPage);
  const change = await actionIdOf(
    admin.locator("form", { has: admin.getByRole("button", { name: "Save role and office" }) }),
  );
  const active = await actionIdOf(
    admin.locator("form", { has: admin.getByRole("button", { name: "Deactivate account" }) }),
  );
  const reset = await actionIdOf(
    admin.locator("form", { has: admin.getByRole("button", { name: "Reset sign-in code" }) }),
  );
  await admin.goto("/staff/admin/accounts");
  const invite = await actionIdOf(
    admin.locator("form", { has: admin.getByRole("button", { name: "Create account and link" }) }),
  );
  await admin.goto("/staff/admin/offices");
  const saveOffice = await actionIdOf(
    admin.locator("form", { has: admin.getByRole("button", { name: "Save office" }) }),
  );
  const deleteOffice = await actionIdOf(admin.getByTestId("office-health").locator("form"));
  actions = { invite, change, active, reset, saveOffice, deleteOffice };
  await admin.context().close();
});

/** Every admin action, as whoever `request` is; then nothing has changed. */
async function tryEveryAction(request: APIRequestContext, baseURL: string, tag: string) {
  const email = `intruder-${tag}@e2e.visit-once.local`;
  const answers = [
    await callAction(
      request,
      baseURL,
      "/staff/admin/accounts",
      actions.invite,
      { email, name: "Intruder", role: "ADMIN", office: "" },
      true,
    ),
    await callAction(
      request,
      baseURL,
      accountPage,
      actions.change,
      { userId: target.id, role: "ADMIN", office: "" },
      true,
    ),
    await callAction(request, baseURL, accountPage, actions.active, { userId: target.id, active: "false" }, false),
    await callAction(request, baseURL, accountPage, actions.reset, { userId: target.id }, false),
    await callAction(
      request,
      baseURL,
      "/staff/admin/offices",
      actions.saveOffice,
      { mode: "change", code: "health", nameEn: "Taken over", nameZh: "被改", supervisor: "" },
      true,
    ),
    await callAction(
      request,
      baseURL,
      "/staff/admin/offices",
      actions.saveOffice,
      { mode: "create", code: `x-${tag}`, nameEn: "New", nameZh: "新", supervisor: "" },
      true,
    ),
    await callAction(request, baseURL, "/staff/admin/offices", actions.deleteOffice, { code: `x-${tag}` }, false),
  ];
  // Each reached its action (the edge refuses a malformed one with 400/403/413/415) and none failed.
  for (const a of answers) expect([400, 403, 413, 415], `${a.status()} ${a.url()}`).not.toContain(a.status());
  for (const a of answers) expect(a.status(), a.url()).toBeLessThan(500);
  return Promise.all(
    answers.map(
      async (a) => `${a.status()} ${a.headers()["x-action-redirect"] ?? ""} ${(await a.text()).slice(0, 120)}`,
    ),
  );
  const db = database();
  expect(await db.user.count({ where: { email } })).toBe(0);
  expect(await db.user.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({
    role: "OFFICER",
    departmentCode: "health",
    deactivatedAt: null,
    totpSecret: "sealed-placeholder",
  });
  expect(await db.office.findUniqueOrThrow({ where: { code: "health" } })).toMatchObject({
    nameEn: "Health Commission",
    supervisingOfficeCode: "general-office",
  });
  expect(await db.office.count({ where: { code: `x-${tag}` } })).toBe(0);
}

async function signedInAs(browser: Browser, email: string) {
  return signedInPage(browser, email);
}

for (const who of [
  { role: "caseworker", email: CASEWORKER },
  { role: "officer", email: officer("health") },
]) {
  test(`a ${who.role} gets 404 on every admin page and every admin action changes nothing, each refusal audited`, async ({
    browser,
    baseURL,
  }) => {
    test.setTimeout(120_000);
    const page = await signedInAs(browser, who.email);
    for (const url of PAGES) await expectNotFound(page, url);
    await expectNotFound(page, accountPage);
    // No link to an admin page in their navigation.
    const nav = page.getByRole("navigation", { name: "Staff workspaces" });
    for (const name of ["Staff accounts", "Offices", "Services", "Access ledger"])
      await expect(nav.getByRole("link", { name, exact: true })).toHaveCount(0);
    const since = new Date();
    const answers = await tryEveryAction(page.request, baseURL!, randomUUID().slice(0, 8));
    const me = await database().user.findUniqueOrThrow({ where: { email: who.email } });
    const refused = await database().auditEntry.findMany({
      where: {
        actorId: me.id,
        allowed: false,
        at: { gte: since },
        action: { in: ["invite", "change", "deactivate", "reset", "create", "delete"] },
      },
    });
    expect(new Set(refused.map((r) => r.action)), answers.join("\n")).toEqual(
      new Set(["invite", "change", "deactivate", "reset", "create", "delete"]),
    );
    await page.context().close();
  });
}

test("the same direct calls, made by the administrator, do what they say (so the refusals above are refusals)", async ({
  browser,
  baseURL,
}) => {
  const admin = await signedInAs(browser, ADMIN);
  const someone = await freshStaffAccount("OFFICER", "health");
  const page = `/staff/admin/accounts/${someone.id}`;
  await callAction(
    admin.request,
    baseURL!,
    page,
    actions.change,
    { userId: someone.id, role: "OFFICER", office: "taxation" },
    true,
  );
  await callAction(admin.request, baseURL!, page, actions.active, { userId: someone.id, active: "false" }, false);
  expect(await database().user.findUniqueOrThrow({ where: { id: someone.id } })).toMatchObject({
    departmentCode: "taxation",
    deactivatedAt: expect.any(Date),
  });
  await admin.context().close();
});

test("a citizen is sent home from every admin page, and every admin action changes nothing", async ({
  browser,
  baseURL,
}) => {
  // A sign-in, every admin page and every action: past the default 30 s once in a full run on 2 busy cores.
  test.setTimeout(90_000);
  const mei = await signedInAs(browser, MEI);
  for (const url of [...PAGES, accountPage]) {
    await mei.goto(url);
    await expect(mei, url).toHaveURL(/\/services$/);
  }
  await tryEveryAction(mei.request, baseURL!, randomUUID().slice(0, 8));
  await mei.context().close();
});

test("someone signed out is sent to sign in from every admin page, and every admin action changes nothing", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(90_000);
  for (const url of [...PAGES, accountPage]) {
    await page.goto(url);
    await expect(page, url).toHaveURL(/\/signin/);
  }
  await tryEveryAction(page.request, baseURL!, randomUUID().slice(0, 8));
});
