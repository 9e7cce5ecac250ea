import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { SERVICES } from "@visit-once/workflows/contracts";
import { database } from "../../support/accounts";
import { expectNoSeriousA11yViolations, signIn } from "../../support/citizen";
import { ADMIN } from "../../support/staff";

test("the admin adds an office under a supervising office, edits it, cannot delete an office in use, and deletes the new one", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const code = `archives-${randomUUID().slice(0, 6)}`;
  await signIn(page, ADMIN);
  await page.getByRole("navigation", { name: "Staff workspaces" }).getByRole("link", { name: "Offices" }).click();
  await expect(page.getByRole("heading", { name: "Offices", exact: true })).toBeVisible();
  // The migration's offices: every bureau under the general office.
  await expect(page.getByTestId("office-health").getByTestId("supervisor")).toHaveText(
    "Municipal Government General Office",
  );
  await expectNoSeriousA11yViolations(page);

  const add = page.getByRole("form", { name: "Add an office" });
  await add.getByLabel("Code").fill("Not A Code");
  await add.getByLabel("Name in English").fill("City Archives");
  await add.getByLabel("Name in Chinese").fill("市档案馆");
  await add.getByRole("button", { name: "Save office" }).click();
  await expect(add.getByText(/Enter a code of 2 to 40 lower-case letters/)).toBeVisible();
  await add.getByLabel("Code").fill(code);
  await add.getByLabel("Supervising office").selectOption({ label: "Civil Affairs Bureau" });
  await add.getByRole("button", { name: "Save office" }).click();
  await expect(add.getByTestId("office-outcome")).toHaveText("Office saved.");
  await page.reload();
  await expect(page.getByTestId(`office-${code}`).getByTestId("supervisor")).toHaveText("Civil Affairs Bureau");

  // Civil Affairs cannot be put under the office it supervises.
  await page.getByRole("link", { name: "Edit Civil Affairs Bureau" }).click();
  const editCivil = page.getByRole("form", { name: "Edit office civil-affairs" });
  await editCivil.getByLabel("Supervising office").selectOption({ label: "City Archives" });
  await editCivil.getByRole("button", { name: "Save office" }).click();
  await expect(
    editCivil.getByText("An office cannot be supervised by itself or by an office it supervises."),
  ).toBeVisible();
  expect((await database().office.findUniqueOrThrow({ where: { code: "civil-affairs" } })).supervisingOfficeCode).toBe(
    "general-office",
  );

  // Its own names change.
  await page.goto(`/staff/admin/offices/${code}`);
  const edit = page.getByRole("form", { name: `Edit office ${code}` });
  await edit.getByLabel("Name in English").fill("Municipal Archives");
  await edit.getByRole("button", { name: "Save office" }).click();
  await expect(edit.getByTestId("office-outcome")).toHaveText("Office saved.");
  await edit.getByRole("button", { name: "Save office" }).click();
  await expect(edit.getByTestId("office-outcome")).toHaveText("Nothing changed.");

  // An office in use stays; an unused one goes. Both are on the audit log.
  await page.goto("/staff/admin/offices");
  await page.getByRole("button", { name: "Delete Health Commission" }).click();
  await expect(page.getByTestId("office-status")).toHaveText(/This office is in use/);
  await page.getByRole("button", { name: "Delete Municipal Archives" }).click();
  await expect(page.getByTestId("office-status")).toHaveText("Office deleted.");
  await expect(page.getByTestId(`office-${code}`)).toHaveCount(0);
  const audit = await database().auditEntry.findMany({ where: { resource: `office:${code}` }, orderBy: { id: "asc" } });
  expect(audit.map((a) => [a.action, a.allowed, a.outcome])).toEqual([
    ["create", true, "done"],
    ["change", true, "done"],
    ["change", true, "unchanged"],
    ["delete", true, "done"],
  ]);
  expect(audit.every((a) => a.requestId && a.role === "ADMIN")).toBe(true);
});

test("the admin reads the services with their versions, in both languages", async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, ADMIN);
  await page.getByRole("navigation", { name: "Staff workspaces" }).getByRole("link", { name: "Services" }).click();
  await expect(page.getByRole("heading", { name: "Services", exact: true })).toBeVisible();
  for (const service of Object.values(SERVICES)) {
    await expect(page.getByTestId(`service-${service.code}`).getByTestId("service-version")).toHaveText(
      String(service.version),
    );
  }
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("button", { name: "中文" }).click();
  await expect(page.getByRole("heading", { name: "服务事项", exact: true })).toBeVisible();
  await expect(page.getByTestId("service-newborn-registration")).toContainText("新生儿出生");
  await page.getByRole("button", { name: "English" }).click();
});
