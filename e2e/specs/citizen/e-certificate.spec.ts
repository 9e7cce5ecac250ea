import { expect, type Page, test } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { SERVICES } from "@visit-once/workflows/contracts";
import {
  aBabyName,
  actOnCase,
  completeNewbornCase,
  expectNoSeriousA11yViolations,
  MEI,
  signedInPage,
  submitNewborn,
} from "../../support/citizen";
import { pdfText } from "../../support/pdf-text";

/** Uploads `file` on a fresh /verify (so no earlier result can be mistaken for this one) and returns the result panel. */
async function uploadOnVerify(page: Page, file: { name: string; mimeType: string; buffer: Buffer }, button: string) {
  await page.goto("/verify");
  await page.locator("#verify-file").setInputFiles(file);
  await page.getByRole("button", { name: button }).click();
  return page.getByTestId("verify-file-result");
}

test.describe("the e-certificate (电子证照)", () => {
  test("is a Chinese PDF naming the holder and the decision; /verify accepts it as issued and refuses it altered", async ({
    browser,
  }) => {
    test.setTimeout(420_000);
    const mei = await signedInPage(browser, MEI);
    const applicationId = await submitNewborn(mei.request);
    await completeNewbornCase(browser, mei.request, applicationId);
    await mei.goto(`/applications/${applicationId}`);
    const code = (await mei
      .getByTestId("document-household-page")
      .getByTestId("verification-code")
      .textContent())!.trim();

    // Downloaded by a citizen reading Chinese: Chinese only.
    const zhRes = await mei.request.get(`/api/documents/${code}/pdf`, { headers: { "Accept-Language": "zh-CN" } });
    expect(zhRes.status()).toBe(200);
    const zhPdf = await zhRes.body();
    const zhText = await pdfText(zhPdf);
    expect(zhText).toContain("户口簿登记页");
    expect(zhText).toMatch(/持证人\s*王美/);
    expect(zhText).toContain("3301**********0021");
    expect(zhText).not.toContain("330102199203150021");
    expect(zhText).toContain(`经审核，准予办理${SERVICES["newborn-registration"].title.zh}，核发户口簿登记页。`);
    expect(zhText).toMatch(/发证机关\s*公安局/);
    expect(zhText).toMatch(/发证日期\s*\d{4}年\d{1,2}月\d{1,2}日/);
    expect(zhText).toContain(`/verify/${code}`);
    expect(zhText).not.toMatch(/Holder|Approved|Household register page/);
    // Downloaded again: the same bytes (so the registered hash stays one).
    expect(
      Buffer.compare(
        await (await mei.request.get(`/api/documents/${code}/pdf`, { headers: { "Accept-Language": "zh-CN" } })).body(),
        zhPdf,
      ),
    ).toBe(0);

    // A citizen reading English gets the English beneath the Chinese.
    const enText = await pdfText(
      await (await mei.request.get(`/api/documents/${code}/pdf`, { headers: { "Accept-Language": "en" } })).body(),
    );
    expect(enText).toContain("户口簿登记页");
    expect(enText).toContain("Household register page");
    expect(enText).toContain(`Approved: ${SERVICES["newborn-registration"].title.en}. Household register page issued.`);

    // A later application reuses the certificate: school enrolment takes the household record from it, and says so.
    const schoolId = randomUUID();
    const school = SERVICES["school-enrolment"];
    const submitted = await mei.request.post("/api/applications", {
      data: {
        applicationId: schoolId,
        serviceCode: school.code,
        consent: school.evidence.map((e) => e.recordType),
        fields: { childName: aBabyName() },
      },
    });
    expect(submitted.status(), await submitted.text()).toBe(201);
    await mei.goto(`/applications/${schoolId}`);
    const provenance = mei.getByTestId("record-household").getByTestId("record-certificate");
    await expect(provenance).toContainText(`From your e-certificate No. ${code}, issued`, { timeout: 60_000 });
    await expect(provenance).toContainText("by Public Security Bureau: not fetched again.");
    await expectNoSeriousA11yViolations(mei);
    await mei.context().addCookies([{ name: "NEXT_LOCALE", value: "zh-CN", url: mei.url() }]);
    await mei.reload();
    await expect(mei.getByTestId("record-household").getByTestId("record-certificate")).toContainText(
      `来自您的电子证照（编号 ${code}），`,
    );
    await expect(mei.getByTestId("record-household").getByTestId("record-certificate")).toContainText(
      "由公安局签发，未重复调取。",
    );
    // The use is on her data-use ledger as the certificate's, not as a new fetch from the department.
    await mei.goto(`/my-data?case=${schoolId}`);
    await expect(mei.locator('[data-testid="data-use-entry"][data-action="certificate-reuse"]')).toHaveCount(1);
    await actOnCase(mei.request, schoolId, { action: "cancel", reason: "" }); // one open enrolment per citizen: leave none behind
    await mei.context().close();

    // Anyone checks the file on /verify, without signing in.
    const visitorContext = await browser.newContext({ locale: "zh-CN" });
    const visitor = await visitorContext.newPage();
    await visitor.goto("/verify");
    await expect(visitor.locator("html")).toHaveAttribute("lang", "zh-CN");
    const genuine = await uploadOnVerify(
      visitor,
      { name: "certificate.pdf", mimeType: "application/pdf", buffer: zhPdf },
      "核验文件",
    );
    await expect(genuine).toHaveAttribute("data-verdict", "genuine");
    await expect(genuine).toContainText("真实有效");
    await expect(genuine).toContainText("户口簿登记页");
    await expect(genuine).toContainText(code);
    await expect(genuine).not.toContainText("王美");
    await expectNoSeriousA11yViolations(visitor);

    // A forger's edit: one byte of a drawn page changed, the valid code kept.
    const edited = Buffer.from(zhPdf);
    const stream = edited.indexOf("stream\n", edited.indexOf("/FlateDecode")) + 20;
    edited[stream] = edited[stream]! ^ 0xff;
    const altered = await uploadOnVerify(
      visitor,
      { name: "certificate.pdf", mimeType: "application/pdf", buffer: edited },
      "核验文件",
    );
    await expect(altered).toHaveAttribute("data-verdict", "altered");
    await expect(altered).toContainText("已被篡改");
    // An incremental update appended to the genuine file (how PDF editors save changes) is refused too.
    const appended = Buffer.concat([zhPdf, Buffer.from("\n1 0 obj\n<< /Title (forged) >>\nendobj\n%%EOF\n")]);
    await expect(
      await uploadOnVerify(
        visitor,
        { name: "certificate.pdf", mimeType: "application/pdf", buffer: appended },
        "核验文件",
      ),
    ).toHaveAttribute("data-verdict", "altered");

    // Not a PDF: a specific error at the field and in the summary, nothing checked.
    await visitor.goto("/verify");
    await visitor
      .locator("#verify-file")
      .setInputFiles({ name: "photo.png", mimeType: "image/png", buffer: Buffer.from("\x89PNG\r\n") });
    await visitor.getByRole("button", { name: "核验文件" }).click();
    await expect(visitor.locator("#verify-file-error")).toHaveText("所选文件不是 PDF，请选择证照 PDF 文件");
    await expect(visitor.getByRole("alert", { name: "出现问题" })).toContainText("所选文件不是 PDF");
    await expect(visitor.getByTestId("verify-file-result")).toHaveCount(0);
    await expectNoSeriousA11yViolations(visitor);
    await visitorContext.close();

    // The same check in English.
    const englishContext = await browser.newContext({ locale: "en-GB" });
    const english = await englishContext.newPage();
    await english.goto("/verify");
    const result = await uploadOnVerify(
      english,
      { name: "certificate.pdf", mimeType: "application/pdf", buffer: zhPdf },
      "Check the file",
    );
    await expect(result).toHaveAttribute("data-verdict", "genuine");
    await expect(result).toContainText("Genuine: this file is a valid certificate issued through Visit Once.");
    await english.goto("/verify");
    await english.getByRole("button", { name: "Check the file" }).click();
    await expect(english.locator("#verify-file-error")).toHaveText("Choose the certificate's PDF file to check");
    await englishContext.close();
  });
});
