import { describe, expect, it } from "vitest";
import { checkActionBody, checkRequestHead, isWellFormedPath, isSameOrigin, ownOrigins } from "./request-guard";

const OURS = ["http://127.0.0.1:3000"];
const head = (method: string, path: string, headers: Record<string, string> = {}) =>
  checkRequestHead({ method, url: new URL(path, OURS[0]), headers: new Headers(headers) }, OURS);
const json = { "content-type": "application/json" };

describe("isSameOrigin", () => {
  it("trusts Origin first, then Sec-Fetch-Site, then Referer", () => {
    expect(isSameOrigin(new Headers({ origin: "http://127.0.0.1:3000" }), OURS)).toBe(true);
    expect(isSameOrigin(new Headers({ origin: "http://127.0.0.1:3001", "sec-fetch-site": "same-origin" }), OURS)).toBe(
      false,
    );
    expect(isSameOrigin(new Headers({ origin: "null" }), OURS)).toBe(false);
    expect(isSameOrigin(new Headers({ "sec-fetch-site": "same-site" }), OURS)).toBe(false);
    expect(isSameOrigin(new Headers({ "sec-fetch-site": "cross-site" }), OURS)).toBe(false);
    expect(isSameOrigin(new Headers({ "sec-fetch-site": "same-origin" }), OURS)).toBe(true);
    expect(isSameOrigin(new Headers({ referer: "http://evil.example/x" }), OURS)).toBe(false);
    expect(isSameOrigin(new Headers({ referer: "http://127.0.0.1:3000/applications" }), OURS)).toBe(true);
    expect(isSameOrigin(new Headers({ referer: "::" }), OURS)).toBe(false);
  });

  it("lets through a request no browser sent (it carries no victim's cookies)", () => {
    expect(isSameOrigin(new Headers(), OURS)).toBe(true);
  });
});

describe("ownOrigins", () => {
  it("has the public URL's origin and the Host's", () => {
    expect(ownOrigins("https://visit-once.gov.cn/x", new URL("http://10.0.0.1:3000/"), "10.0.0.1:3000")).toEqual([
      "https://visit-once.gov.cn",
      "http://10.0.0.1:3000",
    ]);
    expect(ownOrigins(undefined, new URL("http://127.0.0.1:3000/"), "bad host/")).toEqual([]);
  });
});

describe("checkRequestHead", () => {
  it("refuses undecodable paths and encoded control characters with 400", () => {
    expect(isWellFormedPath("/staff/tasks/x/%00")).toBe(false);
    expect(isWellFormedPath("/staff/tasks/x/a%0Ab")).toBe(false);
    expect(head("GET", "/staff/tasks/x/%00")).toMatchObject({ status: 400 });
    expect(isWellFormedPath("/applications/%ZZ")).toBe(false);
    expect(isWellFormedPath("/applications/%E4%B8")).toBe(false);
    expect(isWellFormedPath("/applications/%E4%B8%AD")).toBe(true);
    expect(head("GET", "/applications/%ZZ")).toMatchObject({ status: 400 });
  });

  it("answers 405 to anything but a POST on next-auth's credentials callback", () => {
    expect(head("GET", "/api/auth/callback/credentials")).toMatchObject({ status: 405 });
    expect(
      head("POST", "/api/auth/callback/credentials", {
        origin: OURS[0]!,
        "content-type": "application/x-www-form-urlencoded",
      }),
    ).toBeNull();
  });

  it("refuses cross-origin state-changing requests with 403, reads are let through", () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      expect(head(method, "/api/applications", { ...json, origin: "http://evil.example" })).toMatchObject({
        status: 403,
      });
    }
    expect(head("GET", "/api/applications/x", { origin: "http://evil.example" })).toBeNull();
    expect(head("POST", "/api/applications", { ...json, origin: OURS[0]! })).toBeNull();
  });

  it("refuses route handler bodies that are not JSON (415) or declare more than the cap (413)", () => {
    expect(head("POST", "/api/applications", { origin: OURS[0]!, "content-type": "text/plain" })).toMatchObject({
      status: 415,
    });
    expect(head("POST", "/api/applications", { origin: OURS[0]! })).toMatchObject({ status: 415 });
    expect(head("POST", "/api/applications", { ...json, "content-length": String(5 * 1024 * 1024) })).toMatchObject({
      status: 413,
    });
  });

  it("refuses server actions in the wrong method, type or size", () => {
    expect(head("GET", "/staff/exceptions", { "next-action": "abc" })).toMatchObject({ status: 405 });
    expect(head("POST", "/staff/exceptions", { "next-action": "abc", ...json })).toMatchObject({ status: 415 });
    expect(
      head("POST", "/staff/exceptions", {
        "next-action": "abc",
        "content-type": "text/plain;charset=UTF-8",
        "content-length": "2000000",
      }),
    ).toMatchObject({ status: 413 });
    expect(
      head("POST", "/staff/exceptions", {
        "next-action": "abc",
        "content-type": "text/plain;charset=UTF-8",
        origin: "http://evil.example",
      }),
    ).toMatchObject({ status: 403 });
    expect(
      head("POST", "/staff/exceptions", {
        "next-action": "abc",
        "content-type": "text/plain;charset=UTF-8",
        origin: OURS[0]!,
      }),
    ).toBeNull();
  });
});

describe("checkActionBody", () => {
  const action = (body: BodyInit, type: string) =>
    new Request(`${OURS[0]}/staff`, { method: "POST", body, headers: { "content-type": type, "next-action": "abc" } });

  it("accepts React's encodings of arguments", async () => {
    expect(
      await checkActionBody(
        action('["en","$undefined","$$5",1,"$D2026-01-01T00:00:00.000Z","$n12"]', "text/plain;charset=UTF-8"),
      ),
    ).toBeNull();
    // As React 19's encodeReply writes a FormData argument and a Map, Set, promise and blob.
    const form = new FormData();
    form.set("0", '["$K1","$Q2","$W3","$@4","$B5","$D1970-01-01T00:00:00.000Z","$n10","$undefined","$$x"]');
    form.set("_1_$ACTION_ID_abc", "");
    form.set("_1_locale", "en");
    form.set("2", '[["a",1]]');
    form.set("3", "[1]");
    form.set("4", "3");
    form.set("5", new Blob(["hi"]));
    const encoded = new Response(form);
    expect(await checkActionBody(action(await encoded.arrayBuffer(), encoded.headers.get("content-type")!))).toBeNull();
  });

  it("refuses what React's decoder would choke on", async () => {
    expect(await checkActionBody(action("not json", "text/plain"))).toMatchObject({ status: 400 });
    expect(await checkActionBody(action('{"a":1}', "text/plain"))).toMatchObject({ status: 400 });
    expect(await checkActionBody(action(new Uint8Array([0x5b, 0xff, 0x5d]), "text/plain"))).toMatchObject({
      status: 400,
    });
    expect(await checkActionBody(action("garbage", "multipart/form-data; boundary=x"))).toMatchObject({ status: 400 });
    expect(await checkActionBody(action("x".repeat(70 * 1024), "text/plain"))).toMatchObject({ status: 413 });
    expect(await checkActionBody(action("[".repeat(5000) + "]".repeat(5000), "text/plain"))).toMatchObject({
      status: 400,
    });
    // Dangling references: a text body has no other parts; a form's must exist.
    for (const body of ['["$@99"]', '["$K1"]', '["$Q1"]', '["$F2"]', '["$h3"]', '["$1"]', '["$zz"]']) {
      expect(await checkActionBody(action(body, "text/plain")), body).toMatchObject({ status: 400 });
    }
    const dangling = new FormData();
    dangling.set("0", '["$K9"]');
    dangling.set("_1_locale", "en");
    const encoded = new Response(dangling);
    expect(
      await checkActionBody(action(await encoded.arrayBuffer(), encoded.headers.get("content-type")!)),
    ).toMatchObject({ status: 400 });
  });
});
