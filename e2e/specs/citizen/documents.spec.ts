import { expect, test } from "@playwright/test";
import {
  completeNewbornCase,
  expectNoSeriousA11yViolations,
  LEI,
  MEI,
  signedInPage,
  submitNewborn,
} from "../../support/citizen";
import { issueLegacyDocument } from "../../support/database";

/** VO and six groups of four Crockford base32 symbols: 120 bits from the CSPRNG. */
const CODE_FORMAT = /^VO(-[0-9A-HJKMNP-TV-Z]{4}){6}$/;

test.describe("outcome documents", () => {
  test("a completed case gives PDFs to its owner only, a public verification page without personal data, and a rating", async ({
    browser,
  }) => {
    test.setTimeout(240_000);
    const mei = await signedInPage(browser, MEI);
    const applicationId = await submitNewborn(mei.request);
    await completeNewbornCase(browser, mei.request, applicationId);

    await mei.goto(`/applications/${applicationId}`);
    await expect(mei.getByTestId("application-status")).toHaveText("Completed");
    for (const key of ["household-registration", "medical-insurance-enrolment", "social-security-card"]) {
      await expect(mei.getByTestId(`step-${key}`)).toHaveAttribute("data-status", "DONE");
    }
    const household = mei.getByTestId("document-household-page");
    await expect(household).toContainText("Household register page");
    await expect(household).toContainText("Public Security Bureau");
    const code = (await household.getByTestId("verification-code").textContent())!.trim();
    expect(code).toMatch(CODE_FORMAT);
    // Each document has its own code.
    const insurance = (await mei
      .getByTestId("document-insurance-certificate")
      .getByTestId("verification-code")
      .textContent())!.trim();
    expect(insurance).toMatch(CODE_FORMAT);
    expect(insurance).not.toBe(code);
    await expect(mei.getByRole("button", { name: "Withdraw application" })).toHaveCount(0);
    await expectNoSeriousA11yViolations(mei);

    // The owner downloads the PDF, which carries the verification code.
    const download = mei.waitForEvent("download");
    await household.getByRole("link", { name: "Download Household register page (PDF)" }).click();
    expect((await download).suggestedFilename()).toBe(`household-page-${code}.pdf`);
    const pdf = await mei.request.get(`/api/documents/${code}/pdf`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    const bytes = await pdf.body();
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    // The document information's keywords carry the code (as a UTF-16 hex string, the way PDF stores text).
    const keywordsHex = `FEFF${Buffer.from(code, "utf16le").swap16().toString("hex")}`.toUpperCase();
    expect(bytes.toString("latin1").toUpperCase()).toContain(keywordsHex);

    // Another citizen cannot download it, even knowing the code.
    const lei = await signedInPage(browser, LEI);
    expect((await lei.request.get(`/api/documents/${code}/pdf`)).status()).toBe(404);
    await lei.context().close();

    // A code of the first format (documents issued before the 120-bit codes) keeps working.
    const legacy = await issueLegacyDocument(applicationId);
    const legacyPdf = await mei.request.get(`/api/documents/${legacy.toLowerCase()}/pdf`);
    expect(legacyPdf.status()).toBe(200);
    expect(legacyPdf.headers()["content-disposition"]).toContain(`legacy-household-page-${legacy}.pdf`);

    // Rating, once.
    await mei.getByLabel("Good", { exact: true }).check();
    await mei.getByLabel("Anything to add? (optional)").fill("Quick and clear.");
    await mei.getByRole("button", { name: "Send rating" }).click();
    await expect(mei.getByTestId("rating-thanks")).toBeVisible();
    await mei.reload();
    await expect(mei.getByTestId("rating-thanks")).toBeVisible();
    await expect(mei.getByRole("button", { name: "Send rating" })).toHaveCount(0);
    await mei.context().close();

    // Anyone can check the code: no sign-in, no personal data.
    const visitorContext = await browser.newContext();
    const visitor = await visitorContext.newPage();
    await visitor.goto("/verify");
    await expectNoSeriousA11yViolations(visitor);
    // Typed the forgiving way: lower case, spaces for hyphens, l for 1 and o for 0.
    const typed = code.toLowerCase().replaceAll("-", " ").replaceAll("1", "l").replaceAll("0", "o");
    await visitor.getByLabel("Verification code").fill(typed);
    await visitor.getByRole("button", { name: "Check", exact: true }).click();
    await expect(visitor).toHaveURL(new RegExp(`/verify/${code}$`));
    const result = visitor.getByTestId("verify-result");
    await expect(result).toHaveAttribute("data-valid", "valid");
    await expect(result).toContainText("Valid: this document was issued through Visit Once.");
    await expect(result).toContainText("Household register page");
    await expect(result).toContainText("Public Security Bureau");
    const text = await visitor.locator("main").innerText();
    for (const personal of ["Wang Mei", "王美", "330102199203150021", applicationId, "王小宝"])
      expect(text).not.toContain(personal);
    await expectNoSeriousA11yViolations(visitor);

    await visitor.goto(`/verify?code=${encodeURIComponent(` ${legacy.toLowerCase()} `)}`);
    await expect(visitor).toHaveURL(new RegExp(`/verify/${legacy}$`));
    await expect(result).toHaveAttribute("data-valid", "valid");
    await expect(result).toContainText("Household register page (earlier issue)");

    for (const unknown of ["VO-0000-0000-0000-0000-0000-0000", "VO-0000-0000-0000"]) {
      await visitor.goto(`/verify/${unknown}`);
      await expect(visitor.getByTestId("verify-result")).toHaveAttribute("data-valid", "not-found");
    }
    await expect(visitor.getByText("No document has this code")).toBeVisible();
    await visitor.goto("/verify/garbage");
    await expect(visitor.getByText("No document has this code")).toBeVisible();
    await expectNoSeriousA11yViolations(visitor);
    await visitorContext.close();
  });
});
