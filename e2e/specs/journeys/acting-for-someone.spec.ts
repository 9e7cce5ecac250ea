import { randomUUID } from "node:crypto";
import { expect, type Page, test } from "@playwright/test";
import { beijingDay, SERVICES } from "@visit-once/workflows/contracts";
import { database } from "../../support/accounts";
import { confirmPreviewOnPage, expectNoSeriousA11yViolations, MEI, signedInPage, signIn } from "../../support/citizen";
import { readChinese } from "../../support/language";
import { CASEWORKER, officer, taskUrl, waitForTask, ZHOU } from "../../support/staff";

// Acting for someone else (代办), across the roles: a parent applies for her minor child (the
// relation proven from the household and birth records), a grantor gives a mandate in the portal
// and revokes it, a caseworker registers a notarised one. Both languages, axe on each page.

const WU = "wu@demo.visit-once.local";
const LEI = "lei@demo.visit-once.local";
const WU_ID = "330105196403080027";
const MEI_ID = "330102199203150021";
const LEI_ID = "330106199001010018";
const nextYear = () => {
  const today = beijingDay(new Date());
  return `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;
};
test.describe.configure({ mode: "serial" });

/** Ticks every consent, goes through the details (filling `fields` by label) and submits; returns the new case's id. */
async function applyThroughWizard(page: Page, fields: Record<string, string> = {}): Promise<string> {
  for (const box of await page.getByTestId("apply-wizard").getByRole("checkbox").all()) await box.check();
  await page.getByRole("button", { name: "Continue" }).click();
  for (const [label, value] of Object.entries(fields)) await page.getByLabel(label).fill(value);
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByRole("button", { name: "Submit application" }).click();
  await expect(page).toHaveURL(/\/applications\/[0-9a-f-]{36}$/, { timeout: 30_000 });
  return page.url().split("/").pop()!;
}

test("a parent applies for her minor child; the case and the ledger name the child, with the parent acting for her", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const page = await signedInPage(browser, ZHOU);
  // A retry starts afresh: the child's open enrolment from a failed run is closed.
  await database().application.updateMany({
    where: {
      serviceCode: "child-medical-insurance",
      citizen: { email: ZHOU },
      status: { notIn: ["COMPLETED", "REJECTED", "CANCELLED", "FAILED"] },
    },
    data: { status: "CANCELLED" },
  });
  await page.goto("/services/child-medical-insurance");
  const chooser = page.getByTestId("acting-for-chooser");
  await expect(chooser.getByRole("heading", { name: "Who is this application for?" })).toBeVisible();
  // No "for myself" on a service about a child; her school-age child from the records, not the newborn (no identity number yet).
  await expect(chooser.getByRole("link", { name: "For myself" })).toHaveCount(0);
  const options = chooser.getByRole("link");
  await expect(options).toHaveCount(1, { timeout: 30_000 });
  await expect(options.first()).toContainText("Your child, born 20");
  const childName = (await options.first().innerText()).split("\n")[0]!.trim();
  await expect(page.getByTestId("apply-wizard")).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
  await options.first().click();
  await expect(page.getByTestId("applying-for")).toContainText(`You are applying for your child ${childName}`);
  await expect(options.first()).toHaveAttribute("aria-current", "true");
  await expectNoSeriousA11yViolations(page);
  const applicationId = await applyThroughWizard(page);

  // The case: the parent's view names the child; the history says "X for Y".
  await expect(page.getByTestId("acting-for")).toHaveText(`You applied for your child ${childName}.`);
  await expect(
    page.getByText(`周敏 Zhou Min applied for ${childName}, as the parent of a child under 18`),
  ).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // The child's side, on the ledger: her records (identity, household) were fetched, the entries name her (never the parent) as the subject, with the parent acting for her.
  const zhouId = (await database().user.findUniqueOrThrow({ where: { email: ZHOU } })).id;
  await expect
    .poll(
      async () =>
        (await database().accessEvent.findMany({ where: { applicationId, action: "department-fetch" } }))
          .map((e) => e.recordTypes[0])
          .sort(),
      { timeout: 90_000 },
    )
    .toEqual(["household", "identity"]);
  for (const e of await database().accessEvent.findMany({ where: { applicationId, action: "department-fetch" } })) {
    expect(e.subjectId).toMatch(/^person:/);
    expect(e.consent).toContain(`user:${zhouId}, acting for the subject as the parent of a minor`);
  }
  const identity = await database().evidenceRecord.findUniqueOrThrow({
    where: { applicationId_recordType: { applicationId, recordType: "identity" } },
  });
  expect((identity.data as { fullName: string }).fullName).toBe(childName);
  expect(
    await database().auditEntry.findFirst({
      where: { resource: `case:${applicationId}`, action: "submit" },
      select: { onBehalfOf: true },
    }),
  ).toEqual({ onBehalfOf: expect.stringMatching(/^person:/) });

  // The office deciding the child's enrolment is told someone applied for her, and why, never who
  // (once the parent has confirmed the child's records, as every case asks).
  await page.goto(`/applications/${applicationId}`);
  await confirmPreviewOnPage(page);
  const medical = await signedInPage(browser, officer("medical-security"));
  await waitForTask(medical, applicationId, "resident-enrolment");
  await medical.goto(taskUrl(applicationId, "resident-enrolment"));
  await expect(medical.getByTestId("acting-basis")).toHaveText(
    "A child under 18, by a parent (the relation proven from the departments' records)",
  );
  await expect(medical.getByText("周敏")).toHaveCount(0);
  await expectNoSeriousA11yViolations(medical);
  await readChinese(medical);
  await medical.reload();
  await expect(medical.getByTestId("acting-basis")).toHaveText("父母为未成年子女代办（亲属关系已由部门记录核实）");
  await medical.context().close();

  // Who used my data, for the case she applied for on the child's behalf: "X for Y".
  await page.goto(`/my-data?case=${applicationId}`);
  await expect(page.getByTestId("data-use-on-behalf").first()).toHaveText(`周敏 Zhou Min for ${childName}`);
  await expectNoSeriousA11yViolations(page);

  // In Chinese.
  await readChinese(page);
  await page.goto(`/applications/${applicationId}`);
  await expect(page.getByTestId("acting-for")).toHaveText(`您为子女${childName}代办了此申请。`);
  await expect(page.getByText(`周敏 Zhou Min为${childName}代办申请`)).toBeVisible();
  await page.goto("/services/child-medical-insurance");
  await expect(page.getByRole("heading", { name: "为谁申请？" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.goto(`/my-data?case=${applicationId}`);
  await expect(page.getByTestId("data-use-on-behalf").first()).toHaveText(`周敏 Zhou Min代${childName}办理`);
  await page.context().close();
});

test("a mother grants a mandate, the holder applies for her, she sees it; once she revokes it the holder can neither apply nor open the case", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const db = database();
  const wuAccount = await db.user.findUniqueOrThrow({ where: { email: WU } });
  // A retry starts afresh: no mandate from Wu standing, no open case Mei started for her.
  await db.mandate.updateMany({ where: { grantorId: wuAccount.id, revokedAt: null }, data: { revokedAt: new Date() } });
  await db.application.updateMany({
    where: {
      citizen: { email: MEI },
      subjectUserId: wuAccount.id,
      status: { notIn: ["COMPLETED", "REJECTED", "CANCELLED", "FAILED"] },
    },
    data: { status: "CANCELLED" },
  });

  const wu = await signedInPage(browser, WU);
  await wu.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Mandates" }).click();
  await expect(wu.getByRole("heading", { level: 1, name: "Mandates" })).toBeVisible();
  const form = wu.getByRole("form", { name: "Grant a mandate" });
  // Bad input: a specific error, nothing granted.
  await form.getByLabel("Identity number of the person acting for you").fill("330102199203150022");
  await form.getByLabel("Their name").fill("王美");
  await form.getByRole("button", { name: "Grant mandate" }).click();
  await expect(wu.getByText("This is not a valid 18-character identity number")).toBeVisible();
  await expect(wu.getByText("This is required.")).toBeVisible();
  await expectNoSeriousA11yViolations(wu);
  const again = wu.getByRole("form", { name: "Grant a mandate" });
  await again.getByLabel("Identity number of the person acting for you").fill(MEI_ID);
  await again.getByLabel("Their name").fill("王美");
  await again.getByLabel("Last day it holds").fill(nextYear());
  await again.getByLabel(SERVICES.retirement.title.en).check();
  await again.getByRole("button", { name: "Grant mandate" }).click();
  await expect(wu.getByTestId("mandate-granted")).toBeVisible();
  const granted = wu.getByTestId("mandates-granted").getByTestId("mandate").filter({ hasText: "王美" }).first();
  await expect(granted).toHaveAttribute("data-state", "active");
  await expect(granted).toContainText("Retire");
  await expectNoSeriousA11yViolations(wu);

  // Mei applies for Wu, under the mandate.
  const mei = await signedInPage(browser, MEI);
  await mei.goto("/services/retirement");
  const chooser = mei.getByTestId("acting-for-chooser");
  await expect(chooser.getByRole("link", { name: "For myself" })).toBeVisible();
  await chooser.getByRole("link", { name: /吴芳 Wu Fang/ }).click();
  await expect(mei.getByTestId("applying-for")).toContainText(
    "You are applying for 吴芳 Wu Fang, under the mandate they granted you.",
  );
  await expectNoSeriousA11yViolations(mei);
  const applicationId = await applyThroughWizard(mei, { "Bank account for the pension": "6222021234567890" });
  await expect(mei.getByTestId("acting-for")).toHaveText(
    "You applied for 吴芳 Wu Fang, under the mandate they granted you.",
  );
  await expect(
    mei.getByText("王美 Wang Mei applied for 吴芳 Wu Fang, under the mandate 吴芳 Wu Fang granted."),
  ).toBeVisible();

  // Wu sees the case among hers, and her records' uses for it: "X for Y".
  await wu.goto("/applications");
  await expect(wu.locator(`a[href="/applications/${applicationId}"]`).first()).toBeVisible();
  await wu.goto(`/applications/${applicationId}`);
  await expect(wu.getByTestId("acting-for")).toHaveText(
    "王美 Wang Mei applied for you, under the mandate you granted.",
  );
  await expectNoSeriousA11yViolations(wu);
  await expect
    .poll(
      async () => {
        await wu.goto(`/my-data?case=${applicationId}`);
        return wu.getByTestId("data-use-on-behalf").count();
      },
      { timeout: 90_000, intervals: [1000] },
    )
    .toBeGreaterThan(0);
  await expect(wu.getByTestId("data-use-on-behalf").first()).toHaveText("王美 Wang Mei for 吴芳 Wu Fang");
  await readChinese(wu);
  await wu.reload();
  await expect(wu.getByTestId("data-use-on-behalf").first()).toHaveText("王美 Wang Mei代吴芳 Wu Fang办理");
  await wu.goto(`/applications/${applicationId}`);
  await expect(wu.getByTestId("acting-for")).toHaveText("王美 Wang Mei受您委托为您代办了此申请。");

  // Wu revokes (in Chinese): at once, Mei can no longer apply for her, nor open the case she started.
  await wu.goto("/account/mandates");
  await expect(wu.getByRole("heading", { level: 1, name: "委托代办" })).toBeVisible();
  await expectNoSeriousA11yViolations(wu);
  await wu.getByRole("button", { name: "撤销对王美的授权" }).first().click();
  await expect(wu.getByTestId("mandate-revoked")).toContainText("授权已撤销");
  await expect(
    wu.getByTestId("mandates-granted").getByTestId("mandate").filter({ hasText: "王美" }).first(),
  ).toHaveAttribute("data-state", "revoked");

  await mei.goto("/services/retirement");
  await expect(mei.getByTestId("acting-for-chooser")).toHaveCount(0);
  const mandateId = (await db.application.findUniqueOrThrow({ where: { id: applicationId } })).mandateId!;
  const refused = await mei.request.post("/api/applications", {
    data: {
      applicationId: randomUUID(),
      serviceCode: "retirement",
      consent: SERVICES.retirement.evidence.map((e) => e.recordType),
      fields: { bankAccount: "6222021234567890" },
      actingFor: { kind: "mandate", ref: mandateId },
    },
  });
  expect(refused.status()).toBe(400);
  expect((await refused.json()).code).toBe("mandate-ended");
  expect((await mei.request.get(`/api/applications/${applicationId}`)).status()).toBe(404);
  await mei.goto(`/applications/${applicationId}`);
  await expect(mei.getByRole("heading", { level: 1 })).not.toHaveText("Retire");
  // The case goes on, and Wu still has it.
  expect((await wu.request.get(`/api/applications/${applicationId}`)).status()).toBe(200);
  await mei.context().close();
  await wu.context().close();
});

test("a caseworker registers a notarised mandate, in both languages; its holder and its grantor see it", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const certificate = `(2026)浙杭证字第${randomUUID().slice(0, 6)}号`;
  await signIn(page, CASEWORKER);
  await page
    .getByRole("navigation", { name: "Staff workspaces" })
    .getByRole("link", { name: "Notarised mandates" })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Notarised mandates" })).toBeVisible();
  const form = page.getByRole("form", { name: "Register a notarised mandate" });
  await form.getByLabel("Notarial certificate number").fill(certificate);
  await form.getByLabel("Grantor's identity number").fill(WU_ID);
  await form.getByLabel("Grantor's name").fill("吴芳");
  await form.getByLabel("Identity number of the person acting for you").fill(WU_ID);
  await form.getByLabel("Their name").fill("李磊");
  await form.getByLabel("Last day it holds").fill(nextYear());
  await form.getByLabel(SERVICES["property-transfer"].title.en).check();
  await form.getByRole("button", { name: "Register mandate" }).click();
  // The same person on both sides is refused, and nothing is registered.
  await expect(page.getByText("The grantor and the person acting for them must be different people.")).toBeVisible();
  expect(await database().mandate.count({ where: { notarialCertificateNo: certificate } })).toBe(0);
  await expectNoSeriousA11yViolations(page);
  const again = page.getByRole("form", { name: "Register a notarised mandate" });
  await again.getByLabel("Identity number of the person acting for you").fill(LEI_ID);
  await again.getByRole("button", { name: "Register mandate" }).click();
  await expect(page.getByTestId("mandate-granted")).toBeVisible();
  const row = page.getByTestId("mandates-notarised").getByTestId("mandate").filter({ hasText: certificate });
  await expect(row).toHaveAttribute("data-state", "active");
  await expect(row).toContainText("吴芳");
  await expect(row).toContainText("李磊");
  await expectNoSeriousA11yViolations(page);
  const mandate = await database().mandate.findFirstOrThrow({ where: { notarialCertificateNo: certificate } });
  expect(mandate).toMatchObject({
    source: "NOTARISED",
    services: ["property-transfer"],
    grantorId: (await database().user.findUniqueOrThrow({ where: { email: WU } })).id,
  });
  expect(
    await database().auditEntry.count({ where: { resource: `mandate:${mandate.id}`, action: "grant", allowed: true } }),
  ).toBe(1);

  // In Chinese.
  await readChinese(page);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "公证委托登记" })).toBeVisible();
  await expect(
    page.getByTestId("mandates-notarised").getByTestId("mandate").filter({ hasText: certificate }),
  ).toContainText(`公证委托，公证书编号 ${certificate}`);
  await expectNoSeriousA11yViolations(page);

  // Its holder may now apply for the grantor, for the service it names; the grantor sees it among hers.
  const lei = await signedInPage(browser, LEI);
  await lei.goto("/account/mandates");
  await expect(
    lei.getByTestId("mandates-received").getByTestId("mandate").filter({ hasText: certificate }),
  ).toHaveAttribute("data-state", "active");
  await lei.goto("/services/property-transfer");
  await expect(lei.getByTestId("acting-for-chooser").getByRole("link", { name: /吴芳/ }).first()).toBeVisible();
  const wu = await signedInPage(browser, WU);
  await wu.goto("/account/mandates");
  await expect(
    wu.getByTestId("mandates-granted").getByTestId("mandate").filter({ hasText: certificate }),
  ).toBeVisible();

  // The caseworker records its revocation: it ends at once.
  await page
    .getByTestId("mandates-notarised")
    .getByTestId("mandate")
    .filter({ hasText: certificate })
    .getByRole("button", { name: "撤销对李磊的授权" })
    .click();
  await expect(
    page.getByTestId("mandates-notarised").getByTestId("mandate").filter({ hasText: certificate }),
  ).toHaveAttribute("data-state", "revoked");
  await lei.goto("/services/property-transfer");
  await expect(lei.getByTestId("acting-for-chooser").getByRole("link", { name: /吴芳/ })).toHaveCount(0);
  await lei.context().close();
  await wu.context().close();
});
