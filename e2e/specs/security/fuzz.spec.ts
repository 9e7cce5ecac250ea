import { randomUUID } from "node:crypto";
import { type APIRequestContext, expect, test } from "@playwright/test";
import {
  actOnCase,
  caseOf,
  NEWBORN,
  NEWBORN_CONSENTS,
  officer,
  signedInPage,
  submitNewborn,
} from "../../support/citizen";
import {
  type Answer,
  expectAllRefused,
  expectNoServerErrors,
  get,
  malformedProbes,
  send,
  unsafeTextProbes,
} from "../../support/security";
import { CASEWORKER, FIRST_STEP, STAFF_NEWBORN_FIELDS, waitForConflict, ZHOU } from "../../support/staff";
import { SERVICES } from "@visit-once/workflows/contracts";

const FIRST_OFFICER = officer(SERVICES[NEWBORN].steps.find((s) => s.key === FIRST_STEP)!.office);

// Every route handler (web/app/**/route.ts), every case action kind and every page with a
// dynamic segment, sent malformed input as anonymous, citizen and staff: no answer may be
// a 5xx, every malformed body is refused, and the case they aim at does not change.

/** A valid body of every case action kind; ids filled in per case. */
function actionBodies(exceptionId: string): Record<string, Record<string, unknown>> {
  return {
    cancel: { action: "cancel", reason: "changed my mind" },
    reply: { action: "reply", informationRequestId: randomUUID(), reply: "here it is" },
    dispute: { action: "dispute", recordType: "household", explanation: "wrong name" },
    decide: { action: "decide", stepKey: FIRST_STEP, decision: "approve", reason: "ok" },
    "resolve choose-value": {
      action: "resolve",
      exceptionId,
      resolution: { kind: "choose-value", value: "周敏", justification: "id card" },
    },
    "resolve accept": { action: "resolve", exceptionId, resolution: { kind: "accept", justification: "fine" } },
    "resolve refetch": { action: "resolve", exceptionId, resolution: { kind: "refetch" } },
    "resolve ask-citizen": {
      action: "resolve",
      exceptionId,
      resolution: { kind: "ask-citizen", question: "which name?" },
    },
    "resolve escalate": { action: "resolve", exceptionId, resolution: { kind: "escalate", note: "unsure" } },
    "resolve reject": { action: "resolve", exceptionId, resolution: { kind: "reject", reason: "fraud" } },
  };
}

/** The resolution object's own fields, malformed (the action's top-level fields come from malformedProbes). */
function resolutionProbes(body: Record<string, unknown>) {
  const resolution = body.resolution as Record<string, unknown>;
  return Object.keys(resolution).flatMap((key) =>
    [42, null, [], { x: 1 }, "x".repeat(100_000)].map((wrong) => ({
      name: `resolution.${key}: ${Array.isArray(wrong) ? "array" : wrong === null ? "null" : typeof wrong}${typeof wrong === "string" ? " (100k)" : ""}`,
      body: JSON.stringify({ ...body, resolution: { ...resolution, [key]: wrong } }),
    })),
  );
}

const SEGMENTS = [
  "%ZZ",
  "%E4%B8",
  "%ED%A0%80",
  "%00",
  "%C0%AF",
  "..%2F..%2Fetc%2Fpasswd",
  "%F0%9F%98%80",
  "x".repeat(4000),
  "'%20OR%201=1--",
  "%3Cscript%3E",
];

/** Every page and API path with a dynamic segment, with `s` in that segment. */
function dynamicPaths(s: string, applicationId: string): string[] {
  return [
    `/applications/${s}`,
    `/services/${s}`,
    `/staff/exceptions/${s}`,
    `/staff/tasks/${s}/${FIRST_STEP}`,
    `/staff/tasks/${applicationId}/${s}`,
    `/verify/${s}`,
    `/api/applications/${s}`,
    `/api/documents/${s}/pdf`,
    `/api/auth/${s}`,
    `/api/auth/signin/${s}`,
  ];
}

async function snapshot(owner: APIRequestContext, applicationId: string) {
  const c = await caseOf(owner, applicationId);
  return { status: c.status, steps: c.steps.map((s) => `${s.key}:${s.status}`) };
}

test.describe("security: malformed input never answers 5xx and changes nothing", () => {
  test("every route handler, action kind and dynamic page, as anonymous, citizen and staff", async ({
    browser,
    playwright,
    baseURL,
  }) => {
    test.setTimeout(600_000);
    // Zhou's newborn case waits on a caseworker (a name conflict): a case that stands still.
    const zhou = await signedInPage(browser, ZHOU);
    const applicationId = await submitNewborn(zhou.request, STAFF_NEWBORN_FIELDS);
    const caseworker = await signedInPage(browser, CASEWORKER);
    const exceptionId = await waitForConflict(caseworker, applicationId);
    const officerPage = await signedInPage(browser, FIRST_OFFICER);
    const anonymous = await playwright.request.newContext({ baseURL });
    const before = await snapshot(zhou.request, applicationId);

    const callers: [string, APIRequestContext][] = [
      ["anonymous", anonymous],
      ["citizen", zhou.request],
      ["caseworker", caseworker.request],
      ["officer", officerPage.request],
    ];
    const answers: Answer[] = [];
    const refusals: Answer[] = [];
    const actionsUrl = `/api/applications/${applicationId}/actions`;
    for (const [label, request] of callers) {
      for (const [kind, valid] of Object.entries(actionBodies(exceptionId))) {
        const probes = [...malformedProbes(valid), ...("resolution" in valid ? resolutionProbes(valid) : [])];
        for (const probe of probes) {
          await send(request, actionsUrl, { ...probe, name: `${kind}: ${probe.name}` }, refusals, label);
          answers.push(refusals.at(-1)!);
        }
      }
      // Submissions: each probe names a fresh application id, which must not exist afterwards.
      const submission = {
        applicationId: randomUUID(),
        serviceCode: NEWBORN,
        consent: NEWBORN_CONSENTS,
        fields: STAFF_NEWBORN_FIELDS,
      };
      for (const probe of malformedProbes(submission)) {
        await send(request, "/api/applications", probe, refusals, label);
        answers.push(refusals.at(-1)!);
      }
      expect(
        (await zhou.request.get(`/api/applications/${submission.applicationId}`)).status(),
        "no malformed submission created a case",
      ).toBe(404);

      // Reads: every GET route handler and dynamic page, with hostile segments and queries.
      for (const s of SEGMENTS)
        for (const path of dynamicPaths(s, applicationId)) await get(request, path, answers, label);
      for (const path of [
        "/api/services?x=%ZZ",
        "/api/health?%00",
        "/api/auth/session",
        "/api/auth/csrf",
        "/api/auth/providers",
        "/api/auth/callback/credentials",
        "/api/auth/callback/credentials?error=%00",
        "/api/auth/signout",
        "/api/auth/nope",
        "/signin?error=%ZZ&callbackUrl=%ZZ",
        "/verify?code=%00%ZZ",
        "/staff/exceptions?kind=%00&page=-1&department=%ZZ",
        "/staff/tasks?page=99999999999999999999",
        "/applications?page=%ZZ",
        "/staff/admin/ledger?action=%00&case=%ZZ&actor=%00&before=99999999999999999999",
        "/staff/admin/ledger?actor=a%00b",
        "/api/ledger/public-key?x=%00",
      ]) {
        await get(request, path, answers, label);
      }
      // Who used my data and our data, shared: hostile filters and offices.
      for (const path of [
        "/my-data?department=%00&service=%ZZ&case=%00&before=99999999999999999999",
        "/my-data?case=a%00b&before=-1",
        "/staff/shared-data/%ZZ?month=%00",
        "/staff/shared-data/health?month=9999-99&service=%00&before=1e9",
        "/staff/shared-data/a%00b",
      ]) {
        await get(request, path, answers, label);
      }
      // next-auth's own POSTs, malformed.
      for (const probe of [
        {
          name: "credentials, no CSRF token",
          body: "email=mei%40demo.visit-once.local&password=x",
          contentType: "application/x-www-form-urlencoded",
        },
        {
          name: "credentials, NUL email",
          body: "email=%00&password=%00&csrfToken=x",
          contentType: "application/x-www-form-urlencoded",
        },
        { name: "credentials, JSON", body: '{"email":[1]}', contentType: "application/json" },
        {
          name: "credentials, 1 MiB",
          body: `email=${"a".repeat(1024 * 1024)}`,
          contentType: "application/x-www-form-urlencoded",
        },
        {
          name: "credentials, bad UTF-8",
          body: Buffer.from([0x65, 0x3d, 0xff, 0xfe]),
          contentType: "application/x-www-form-urlencoded",
        },
      ]) {
        await send(request, "/api/auth/callback/credentials", probe, answers, label);
        await send(request, "/api/auth/signout", probe, answers, label);
      }
    }

    expectNoServerErrors(answers);
    expectAllRefused(refusals);
    // Nothing changed: the case, its steps and its open exception are as they were.
    expect(await snapshot(zhou.request, applicationId)).toEqual(before);
    expect(await waitForConflict(caseworker, applicationId)).toBe(exceptionId);
    console.log(`fuzz: ${answers.length} requests, ${refusals.length} malformed bodies refused, 0 answers ≥ 500`);

    await anonymous.dispose();
    for (const p of [zhou, caseworker, officerPage]) await p.context().close();
  });

  test("next-auth's credentials callback answers a GET plainly, without its error text", async ({
    playwright,
    baseURL,
  }) => {
    const anonymous = await playwright.request.newContext({ baseURL });
    for (const path of ["/api/auth/callback/credentials", "/api/auth/callback/credentials?error=x&callbackUrl=%2F"]) {
      const res = await anonymous.get(path, { maxRedirects: 0 });
      expect(res.status(), path).toBe(405);
      expect(res.headers().allow).toBe("POST");
      const text = await res.text();
      expect(text).not.toMatch(/Error|at \w+ \(|next-auth|node_modules/);
    }
    await anonymous.dispose();
  });

  test("malformed server-action requests answer 4xx, never 500", async ({ browser, baseURL }) => {
    const zhou = await signedInPage(browser, ZHOU);
    await zhou.goto("/services");
    // A real action id, from the language switch as the browser sends it.
    const sent = zhou.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
    await zhou.getByRole("button", { name: "中文" }).click();
    const real = await sent;
    const actionId = real.headers()["next-action"]!;
    const url = new URL(real.url()).pathname;
    const origin = new URL(baseURL!).origin;
    const multipart = (fields: Record<string, string>) => {
      const b = "----fuzz";
      return {
        contentType: `multipart/form-data; boundary=${b}`,
        body:
          Object.entries(fields)
            .map(([k, v]) => `--${b}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
            .join("") + `--${b}--\r\n`,
      };
    };
    const probes: {
      name: string;
      body: string | Buffer;
      contentType?: string;
      headers?: Record<string, string>;
      method?: string;
    }[] = [
      { name: "text: not JSON", body: "garbage", contentType: "text/plain;charset=UTF-8" },
      { name: "text: an object, not arguments", body: '{"a":1}', contentType: "text/plain;charset=UTF-8" },
      { name: "text: a dangling reference", body: '["$@99"]', contentType: "text/plain;charset=UTF-8" },
      { name: "text: a missing form reference", body: '["$K7"]', contentType: "text/plain;charset=UTF-8" },
      {
        name: "text: odd references",
        body: '["$Q1","$F2","$h3","$T","$n1","$D"]',
        contentType: "text/plain;charset=UTF-8",
      },
      {
        name: "text: 10k deep",
        body: "[".repeat(10_000) + "]".repeat(10_000),
        contentType: "text/plain;charset=UTF-8",
      },
      {
        name: "text: invalid UTF-8",
        body: Buffer.from([0x5b, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x5d]),
        contentType: "text/plain;charset=UTF-8",
      },
      { name: "text: 2 MiB", body: `["${"x".repeat(2 * 1024 * 1024)}"]`, contentType: "text/plain;charset=UTF-8" },
      { name: "multipart: garbage", body: "garbage", contentType: "multipart/form-data; boundary=----fuzz" },
      { name: "multipart: root not arguments", ...multipart({ "0": '"x"' }) },
      { name: "multipart: root not JSON", ...multipart({ "0": "[" }) },
      { name: "multipart: missing reference", ...multipart({ "0": '["$K9"]' }) },
      {
        name: "multipart: wrong value types",
        ...multipart({ "0": '["$K1"]', "1_locale": "\u0000", "1_x": "[".repeat(5000) }),
      },
      { name: "JSON content type", body: "[]", contentType: "application/json" },
      { name: "urlencoded", body: "locale=en", contentType: "application/x-www-form-urlencoded" },
      { name: "no content type", body: "[]", contentType: "application/octet-stream" },
      {
        name: "cross-origin",
        body: "[]",
        contentType: "text/plain;charset=UTF-8",
        headers: { Origin: "http://evil.example" },
      },
      { name: "null origin", body: "[]", contentType: "text/plain;charset=UTF-8", headers: { Origin: "null" } },
      {
        name: "unknown action id",
        body: "[]",
        contentType: "text/plain;charset=UTF-8",
        headers: { "Next-Action": "00".repeat(21) },
      },
      {
        name: "malformed action id",
        body: "[]",
        contentType: "text/plain;charset=UTF-8",
        headers: { "Next-Action": "../../x\u00ff" },
      },
      {
        name: "no-JS form, unknown action",
        ...multipart({ $ACTION_ID_0000000000000000000000000000000000000000: "", locale: "en" }),
        headers: { "Next-Action": "" },
      },
      {
        name: "no-JS form, bad reference",
        ...multipart({ $ACTION_REF_1: "", "$ACTION_1:0": '{"id":"nope","bound":"$@9"}', "$ACTION_1:1": "[" }),
        headers: { "Next-Action": "" },
      },
    ];
    const answers: Answer[] = [];
    for (const probe of probes) {
      const headers: Record<string, string> = {
        "Next-Action": actionId,
        Origin: origin,
        "Content-Type": probe.contentType ?? "text/plain",
        ...probe.headers,
      };
      if (headers["Next-Action"] === "") delete headers["Next-Action"];
      const res = await zhou.request.fetch(url, {
        method: "POST",
        headers,
        data: typeof probe.body === "string" ? Buffer.from(probe.body) : probe.body,
        maxRedirects: 0,
      });
      answers.push({ probe: `POST ${url} — ${probe.name}`, status: res.status() });
    }
    const getRes = await zhou.request.fetch(url, { method: "GET", headers: { "Next-Action": actionId } });
    answers.push({ probe: `GET ${url} with Next-Action`, status: getRes.status() });
    expectNoServerErrors(answers);
    // Those that cannot be a valid action are refused as such.
    expect(
      answers
        .filter(
          (a) =>
            !/missing (form )?reference|wrong value types|odd references|no-JS form|GET/.test(a.probe) &&
            (a.status < 400 || a.status >= 500),
        )
        .map((a) => `${a.status} ${a.probe}`),
    ).toEqual([]);
    await zhou.context().close();
  });

  // Needs the lead's text primitive (issue 10 item 1): until it is merged, NUL and lone
  // surrogates pass the schemas, reach the workflow and wedge the case (or answer 500).
  // On this branch alone: a cancel with NUL answers 200 and wedges the case's projection, a
  // dispute with NUL gets no answer, a decide's stepKey and a submission's field answer 500,
  // and the other kinds answer 409 (the case is busy or refuses) instead of 400.
  test("text with NUL or lone surrogates is refused in every action and submission", async ({ browser }) => {
    test.setTimeout(600_000);
    const zhou = await signedInPage(browser, ZHOU);
    const applicationId = await submitNewborn(zhou.request, STAFF_NEWBORN_FIELDS);
    const caseworker = await signedInPage(browser, CASEWORKER);
    const officerPage = await signedInPage(browser, FIRST_OFFICER);
    const exceptionId = await waitForConflict(caseworker, applicationId);
    const before = await snapshot(zhou.request, applicationId);
    const answers: Answer[] = [];
    // Cancel last: on a branch without the text primitive it succeeds and ends the case.
    const bodies = Object.entries(actionBodies(exceptionId)).sort(
      ([a], [b]) => Number(a === "cancel") - Number(b === "cancel"),
    );
    const asCaller: Record<string, APIRequestContext> = {
      cancel: zhou.request,
      reply: zhou.request,
      dispute: zhou.request,
      decide: officerPage.request,
    };
    for (const [kind, valid] of bodies) {
      const request = asCaller[kind] ?? caseworker.request;
      const nested =
        "resolution" in valid
          ? unsafeTextProbes(valid.resolution as Record<string, unknown>).map((p) => ({
              ...p,
              body: JSON.stringify({ ...valid, resolution: JSON.parse(p.body as string) }),
            }))
          : [];
      for (const probe of [...unsafeTextProbes(valid), ...nested]) {
        await send(
          request,
          `/api/applications/${applicationId}/actions`,
          { ...probe, name: `${kind}: ${probe.name}`, contentType: "application/json" },
          answers,
          kind,
        );
      }
    }
    for (const probe of unsafeTextProbes({ babyName: "王小宝" })) {
      const id = randomUUID();
      const body = JSON.stringify({
        applicationId: id,
        serviceCode: NEWBORN,
        consent: NEWBORN_CONSENTS,
        fields: JSON.parse(probe.body as string),
      });
      await send(
        zhou.request,
        "/api/applications",
        { name: `submission ${probe.name}`, body, contentType: "application/json" },
        answers,
        "citizen",
      );
      expect((await zhou.request.get(`/api/applications/${id}`)).status(), probe.name).toBe(404);
    }
    expect(answers.filter((a) => a.status !== 400).map((a) => `${a.status} ${a.probe}`)).toEqual([]);
    expect(await snapshot(zhou.request, applicationId)).toEqual(before);
    // Direct check of the reproduction: the case still answers its own actions.
    expect((await actOnCase(zhou.request, applicationId, { action: "cancel", reason: "bye\u0000now" })).status()).toBe(
      400,
    );
    for (const p of [zhou, caseworker, officerPage]) await p.context().close();
  });
});
