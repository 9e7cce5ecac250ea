import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations, MEI, signedInPage, submitNewborn } from "../../support/citizen";
import { ADMIN, CASEWORKER, expectNotFound } from "../../support/staff";

test.describe("admin: the access ledger", () => {
  test("an admin sees a citizen's sign-in and the department fetches of her new case, with the chain verified, in both languages", async ({
    browser,
    baseURL,
  }) => {
    test.setTimeout(180_000);
    // The citizen signs in (a ledger entry) and applies: the departments' records for her case are fetched (more entries).
    const citizen = await signedInPage(browser, MEI);
    const applicationId = await submitNewborn(citizen.request);
    await citizen.context().close();

    const admin = await signedInPage(browser, ADMIN);
    await admin.goto("/staff/admin/accounts");
    await admin
      .getByRole("navigation", { name: "Staff workspaces" })
      .getByRole("link", { name: "Access ledger" })
      .click();
    await expect(admin).toHaveURL(/\/staff\/admin\/ledger$/);
    await expect(admin.getByRole("heading", { level: 1 })).toHaveText("Access ledger");

    // The case's fetches, by the case filter (the workers write them as the records arrive:
    // wait for the identity record from Public Security, one of several fetched in parallel).
    const fetches = admin.locator(
      `[data-testid="ledger-entry"][data-action="department-fetch"][data-case="${applicationId}"]`,
    );
    // Public Security holds two of her records (identity, household): wait for the identity fetch itself.
    const identity = fetches.filter({ hasText: "Resident Identity Card Law, art. 13" });
    await expect
      .poll(
        async () => {
          await admin.goto(`/staff/admin/ledger?case=${applicationId}`);
          return identity.count();
        },
        { timeout: 120_000, intervals: [1000] },
      )
      .toBeGreaterThan(0);
    await expect(identity.first()).toContainText("Public Security Bureau");
    await expect(fetches.first()).toContainText("The system (for the case)");

    // Sign-ins, by the kind filter, chosen in the form.
    await admin.goto("/staff/admin/ledger");
    await admin.getByLabel("Kind").selectOption("sign-in");
    await admin.getByRole("button", { name: "Show" }).click();
    await expect(admin).toHaveURL(/action=sign-in/);
    const signIns = admin.locator('[data-testid="ledger-entry"][data-action="sign-in"]');
    await expect(signIns.filter({ hasText: "success" }).first()).toBeVisible();
    await expect(admin.locator('[data-testid="ledger-entry"]:not([data-action="sign-in"])')).toHaveCount(0);

    const state = admin.getByTestId("ledger-state");
    await expect(state).toHaveAttribute("data-ok", "true");
    await expect(state).toContainText(/Chain verified: \d+ entries up to no\. \d+, \d+ signed checkpoints/);
    await expectNoSeriousA11yViolations(admin);

    // A wrong filter is named and changes nothing.
    const wrong = await admin.goto("/staff/admin/ledger?case=not-a-case");
    expect(wrong?.status()).toBe(200);
    await expect(admin.getByTestId("ledger-filter-error")).toHaveText(
      "That is not a case number. A case number looks like 3f2b8c1e-….",
    );
    await expect(admin.getByTestId("ledger-entry")).toHaveCount(0);

    await admin.context().addCookies([{ name: "NEXT_LOCALE", value: "zh-CN", url: baseURL! }]);
    await admin.goto(`/staff/admin/ledger?case=${applicationId}`);
    await expect(admin.getByRole("heading", { level: 1 })).toHaveText("数据使用记录");
    await expect(admin.getByTestId("ledger-state")).toContainText("链已核验");
    await expect(fetches.first()).toContainText("部门数据调取");
    await expectNoSeriousA11yViolations(admin);
    await admin.context().close();
  });

  test("only administrators open the ledger; its public key is public", async ({ browser, request }) => {
    const caseworker = await signedInPage(browser, CASEWORKER);
    await expectNotFound(caseworker, "/staff/admin/ledger");
    await caseworker.goto("/staff/exceptions");
    await expect(caseworker.getByRole("navigation", { name: "Staff workspaces" }).getByRole("link")).not.toHaveCount(0);
    await expect(caseworker.getByRole("link", { name: "Access ledger" })).toHaveCount(0);
    await caseworker.context().close();

    const res = await request.get("/api/ledger/public-key");
    expect(res.status()).toBe(200);
    const body = (await res.json()) as { algorithm: string; keyId: string; publicKey: string };
    expect(body.algorithm).toBe("Ed25519");
    expect(body.keyId).toMatch(/^[0-9a-f]{16}$/);
    expect(body.publicKey).toContain("-----BEGIN PUBLIC KEY-----");
    expect(body.publicKey).not.toContain("PRIVATE");
  });
});
