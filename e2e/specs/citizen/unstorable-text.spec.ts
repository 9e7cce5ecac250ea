import { expect, test } from "@playwright/test";
import { actOnCase, caseOf, LEI, signIn, submitNewborn } from "../../support/citizen";

// A NUL byte or a broken character once wedged a case: the action answered 200, the page then
// showed the old status for ever. Now it is refused with a specific error, changes nothing,
// and the case goes on, its page agreeing with the workflow.
test.describe("text a case cannot store", () => {
  test("a withdrawal or a dispute with NUL or a lone surrogate is refused and the case goes on", async ({ page }) => {
    test.setTimeout(120_000);
    await signIn(page, LEI);
    const applicationId = await submitNewborn(page.request);
    await page.goto(`/applications/${applicationId}`);
    await expect(page.getByTestId("record-identity")).toBeVisible({ timeout: 60_000 });
    const before = (await caseOf(page.request, applicationId)).status;

    for (const bad of ["bye\u0000now", "bye\ud800now"]) {
      const cancel = await actOnCase(page.request, applicationId, { action: "cancel", reason: bad });
      expect(cancel.status()).toBe(400);
      expect((await cancel.json()).error).toMatch(/reason: contains (a control character|a broken character)/);
      const dispute = await actOnCase(page.request, applicationId, {
        action: "dispute",
        recordType: "identity",
        explanation: bad,
      });
      expect(dispute.status()).toBe(400);
    }
    const huge = await actOnCase(page.request, applicationId, {
      action: "dispute",
      recordType: "x".repeat(10_000),
      explanation: "wrong",
    });
    expect(huge.status()).toBe(400);
    expect((await huge.text()).length).toBeLessThan(1000);

    // Nothing changed: the page and the API agree the case is still open, and it still takes a withdrawal.
    expect((await caseOf(page.request, applicationId)).status).toBe(before);
    await page.reload();
    await expect(page.getByTestId("application-status")).not.toHaveAttribute("data-status", "CANCELLED");
    await page.getByRole("button", { name: "Withdraw application" }).click();
    await page.getByLabel("Why are you withdrawing? (optional)").fill("Applied at the hospital.");
    await page.getByRole("button", { name: "Yes, withdraw" }).click();
    await expect(page.getByTestId("application-status")).toHaveAttribute("data-status", "CANCELLED", {
      timeout: 20_000,
    });
    expect((await caseOf(page.request, applicationId)).status).toBe("CANCELLED");
  });
});
