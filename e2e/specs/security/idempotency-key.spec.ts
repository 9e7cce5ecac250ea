import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { MEI, signedInPage, submitNewborn } from "../../support/citizen";

test("an Idempotency-Key reused with another body is refused with 422 and changes nothing", async ({ browser }) => {
  const mei = await signedInPage(browser, MEI);
  const applicationId = await submitNewborn(mei.request);
  const key = randomUUID();
  const send = (reason: string) =>
    mei.request.post(`/api/applications/${applicationId}/actions`, {
      headers: { "Idempotency-Key": key, "Accept-Language": "en" },
      data: { action: "cancel", reason },
    });

  // Another body under a key already used for a first request: 422, in plain words.
  const first = await send("changed my mind");
  expect(first.status(), await first.text()).toBe(200);
  const reused = await send("a different reason");
  expect(reused.status()).toBe(422);
  expect(((await reused.json()) as { error: string }).error).toBe(
    "This request key was already used for a different request. Nothing was changed: send the action again as a new request.",
  );

  // The same request again is still a repeat, not a conflict.
  expect((await send("changed my mind")).status()).not.toBe(422);
  await expect.poll(async () => ((await (await mei.request.get(`/api/applications/${applicationId}`)).json()) as { status: string }).status).toBe("CANCELLED");
  await mei.context().close();
});
