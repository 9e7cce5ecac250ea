import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { aBabyName, MEI, NEWBORN, NEWBORN_CONSENTS, signedInPage, submitNewborn } from "../../support/citizen";

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
  await expect
    .poll(
      async () =>
        ((await (await mei.request.get(`/api/applications/${applicationId}`)).json()) as { status: string }).status,
    )
    .toBe("CANCELLED");
  await mei.context().close();
});

test("a submission honours its Idempotency-Key: the same body is the same application, another body is refused with 422", async ({
  browser,
}) => {
  const mei = await signedInPage(browser, MEI);
  const key = randomUUID();
  const body = {
    applicationId: randomUUID(),
    serviceCode: NEWBORN,
    consent: NEWBORN_CONSENTS,
    fields: { babyName: aBabyName() },
  };
  const submit = (data: object) => mei.request.post("/api/applications", { headers: { "Idempotency-Key": key }, data });

  const first = await submit(body);
  expect(first.status(), await first.text()).toBe(201);
  const repeat = await submit(body);
  expect(repeat.status()).toBe(200);
  expect(await repeat.json()).toEqual({
    applicationId: body.applicationId,
    url: `/applications/${body.applicationId}`,
  });

  // The same key with another application: refused in plain words, and nothing was recorded.
  const other = { ...body, applicationId: randomUUID(), fields: { babyName: aBabyName() } };
  const reused = await submit(other);
  expect(reused.status()).toBe(422);
  expect(await reused.json()).toEqual({
    error:
      "This request key was already used for a different request. Nothing was changed: send the application again as a new request.",
    code: "key-reused",
  });
  expect((await mei.request.get(`/api/applications/${other.applicationId}`)).status()).toBe(404);
  await mei.context().close();
});
