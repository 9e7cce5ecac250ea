import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { actOnCase, expectNoSeriousA11yViolations, LEI, MEI, signedInPage, submitNewborn } from "../../support/citizen";

test.describe("a citizen reaches only their own cases", () => {
  test("lei cannot see, act on or guess his way into mei's case", async ({ browser }) => {
    const mei = await signedInPage(browser, MEI);
    const applicationId = await submitNewborn(mei.request);
    const lei = await signedInPage(browser, LEI);

    // Page and API answer as if the case did not exist.
    expect((await lei.request.get(`/api/applications/${applicationId}`)).status()).toBe(404);
    const response = await lei.goto(`/applications/${applicationId}`);
    expect(response?.status()).toBe(404);
    await expect(lei.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(lei.getByText(applicationId)).toHaveCount(0);
    await expectNoSeriousA11yViolations(lei);

    // Direct calls to the actions route for someone else's case: 404, and the case is untouched.
    for (const body of [
      { action: "cancel", reason: "not mine" },
      { action: "dispute", recordType: "household", explanation: "not mine" },
      { action: "reply", informationRequestId: randomUUID(), reply: "not mine" },
    ]) {
      const res = await actOnCase(lei.request, applicationId, body);
      expect(res.status(), JSON.stringify(body)).toBe(404);
    }
    const own = await (await mei.request.get(`/api/applications/${applicationId}`)).json();
    expect(own.status).not.toBe("CANCELLED");

    // Guessed ids are not found either.
    expect((await lei.request.get(`/api/applications/${randomUUID()}`)).status()).toBe(404);
    expect((await lei.request.get("/api/applications/not-a-uuid")).status()).toBe(404);
    expect((await actOnCase(lei.request, randomUUID(), { action: "cancel", reason: "" })).status()).toBe(404);

    await mei.context().close();
    await lei.context().close();
  });

  test("guessed and malformed document codes are not found, and a signed-out caller is asked to sign in", async ({
    browser,
    playwright,
    baseURL,
  }) => {
    const lei = await signedInPage(browser, LEI);
    for (const code of [
      "VO-0000-0000-0000-0000-0000-0000",
      "vo zzzz zzzz zzzz zzzz zzzz zzzz",
      "VO-0000-0000-0000",
      "VO-FFFF-FFFF-FFFF",
      "not-a-code",
      "..%2F..%2Fetc",
    ]) {
      expect((await lei.request.get(`/api/documents/${code}/pdf`)).status(), code).toBe(404);
    }
    await lei.context().close();
    const anonymous = await playwright.request.newContext({ baseURL });
    expect((await anonymous.get("/api/documents/VO-0000-0000-0000/pdf")).status()).toBe(401);
    await anonymous.dispose();
  });
});
