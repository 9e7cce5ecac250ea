import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { aBabyName, caseOf, MEI, NEWBORN, NEWBORN_CONSENTS, signedInPage, submitNewborn } from "../../support/citizen";
import { serveOtherOrigin } from "../../support/other-origin";

// A page on another origin (same host, other port: same-site, so the session cookie goes
// along) tries to act as the signed-in citizen. Every attempt is refused; nothing is created
// or changed.

test("cross-origin form and fetch POSTs are refused and change nothing", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const mei = await signedInPage(browser, MEI);
  const applicationId = await submitNewborn(mei.request);
  const forged = randomUUID();
  const payload = JSON.stringify({
    applicationId: forged,
    serviceCode: NEWBORN,
    consent: NEWBORN_CONSENTS,
    fields: { babyName: "x" },
    pad: "",
  }).slice(0, -2);
  // A text/plain form posts `name=value`: the name carries the JSON, the value closes it.
  const attacker = await serveOtherOrigin(`<!doctype html><html><body>
    <form id="submit" method="POST" enctype="text/plain" action="${baseURL}/api/applications">
      <input name='${payload.replace(/'/g, "&#39;")}' value='"}'>
    </form>
    <form id="action" method="POST" enctype="multipart/form-data" action="${baseURL}/">
      <input name="$ACTION_ID_0000000000000000000000000000000000000000" value="">
      <input name="locale" value="en">
    </form>
    <script>
      window.forgeFetch = () => fetch(${JSON.stringify(`${baseURL}/api/applications/${applicationId}/actions`)}, {
        method: "POST", mode: "no-cors", credentials: "include",
        headers: { "Content-Type": "text/plain" },
        body: JSON.stringify({ action: "cancel", reason: "forged" }),
      }).then(() => "sent", (e) => String(e));
    </script>
  </body></html>`);
  try {
    const page = await mei.context().newPage();
    await page.goto(attacker.origin);

    const fetchAnswer = page.waitForResponse((r) => r.url().endsWith(`/api/applications/${applicationId}/actions`));
    await page.evaluate("window.forgeFetch()");
    expect((await fetchAnswer).status()).toBe(403);

    const formAnswer = page.waitForResponse((r) => r.url() === `${baseURL}/api/applications`);
    await page.evaluate("document.getElementById('submit').submit()");
    const submitted = await formAnswer;
    expect(submitted.status()).toBe(403);
    expect(await submitted.text()).toContain("did not come from this site");

    await page.goto(attacker.origin);
    const actionAnswer = page.waitForResponse((r) => r.url() === `${baseURL}/` && r.request().method() === "POST");
    await page.evaluate("document.getElementById('action').submit()");
    expect((await actionAnswer).status()).toBe(403);

    // Nothing created, nothing cancelled.
    expect((await mei.request.get(`/api/applications/${forged}`)).status()).toBe(404);
    expect((await caseOf(mei.request, applicationId)).status).not.toBe("CANCELLED");
  } finally {
    await attacker.close();
    await mei.context().close();
  }
});

test("the same requests from the app's own pages still work", async ({ browser }) => {
  const mei = await signedInPage(browser, MEI);
  await mei.goto("/applications");
  // A same-origin fetch with the browser's own Origin header: the route answers it.
  const res = await mei.evaluate(
    async ({ consent, babyName }) => {
      const r = await fetch("/api/applications", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({
          applicationId: crypto.randomUUID(),
          serviceCode: "newborn-registration",
          consent,
          fields: { babyName },
        }),
      });
      return r.status;
    },
    { consent: NEWBORN_CONSENTS, babyName: aBabyName() },
  );
  expect(res).toBe(201);
  // Same-origin text/plain is still not JSON: refused with 415, not processed.
  const plain = await mei.evaluate(
    async () =>
      (await fetch("/api/applications", { method: "POST", headers: { "Content-Type": "text/plain" }, body: "{}" }))
        .status,
  );
  expect(plain).toBe(415);
  await mei.context().close();
});
