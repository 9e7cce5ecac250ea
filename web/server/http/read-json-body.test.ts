import { describe, expect, it } from "vitest";
import { isJsonContentType, MAX_JSON_BODY_BYTES, nestingDepth, readJsonBody } from "./read-json-body";

const post = (body: BodyInit | null, headers: Record<string, string> = { "content-type": "application/json" }) =>
  new Request("http://127.0.0.1/api/x", { method: "POST", body, headers, duplex: "half" } as RequestInit);

/** A body that counts how many bytes were pulled from it. */
function countingStream(chunk: Uint8Array, chunks: number) {
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= chunks * chunk.byteLength) return controller.close();
      pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, pulled: () => pulled };
}

describe("readJsonBody", () => {
  it("reads a JSON object", async () => {
    expect(await readJsonBody(post('{"action":"cancel","reason":"x"}'))).toEqual({
      ok: true,
      value: { action: "cancel", reason: "x" },
    });
    expect(await readJsonBody(post("[1]", { "content-type": "application/json; charset=UTF-8" }))).toEqual({
      ok: true,
      value: [1],
    });
  });

  it.each([
    null,
    "text/plain",
    "text/plain;charset=UTF-8",
    "application/x-www-form-urlencoded",
    "multipart/form-data; boundary=x",
    "application/json; charset=latin1",
    "application/jsonx",
  ])("refuses content type %j with 415", async (type) => {
    const headers: Record<string, string> = type ? { "content-type": type } : {};
    const result = await readJsonBody(post('{"a":1}', headers));
    expect(result).toMatchObject({ ok: false, status: 415 });
  });

  it("refuses a compressed body with 415 (it would be misread raw)", async () => {
    expect(
      await readJsonBody(post('{"a":1}', { "content-type": "application/json", "content-encoding": "gzip" })),
    ).toMatchObject({ ok: false, status: 415 });
  });

  it("refuses a body over the cap with 413 without reading the rest", async () => {
    const { stream, pulled } = countingStream(new Uint8Array(16 * 1024).fill(0x20), 5 * 64);
    const result = await readJsonBody(post(stream));
    expect(result).toMatchObject({ ok: false, status: 413 });
    expect(pulled()).toBeLessThanOrEqual(MAX_JSON_BODY_BYTES + 2 * 16 * 1024);
  });

  it("refuses a declared length over the cap before reading", async () => {
    const { stream, pulled } = countingStream(new Uint8Array(1024).fill(0x20), 10);
    const result = await readJsonBody(
      post(stream, { "content-type": "application/json", "content-length": String(5 * 1024 * 1024) }),
    );
    expect(result).toMatchObject({ ok: false, status: 413 });
    expect(pulled()).toBeLessThanOrEqual(1024);
  });

  it("refuses invalid UTF-8 (a lone surrogate's raw bytes) with 400", async () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('{"reason":"'),
      0xed,
      0xa0,
      0x80,
      ...new TextEncoder().encode('"}'),
    ]);
    expect(await readJsonBody(post(bytes))).toMatchObject({
      ok: false,
      status: 400,
      error: "The request body is not valid UTF-8.",
    });
  });

  it("refuses 10,000 levels of nesting with 400", async () => {
    const deep = "[".repeat(10_000) + "]".repeat(10_000);
    expect(await readJsonBody(post(deep))).toMatchObject({ ok: false, status: 400 });
    const deepObject = '{"a":'.repeat(10_000) + "1" + "}".repeat(10_000);
    expect(await readJsonBody(post(deepObject))).toMatchObject({ ok: false, status: 400 });
  });

  it("refuses what is not JSON with 400", async () => {
    for (const body of ["", "{", "{'a':1}", "undefined", "\u0000"]) {
      expect(await readJsonBody(post(body)), JSON.stringify(body)).toMatchObject({ ok: false, status: 400 });
    }
  });
});

describe("nestingDepth", () => {
  it("counts brackets outside strings only", () => {
    expect(nestingDepth('{"a":[1,{"b":2}]}')).toBe(3);
    expect(nestingDepth('{"a":"[[[[{{{{\\"[["}')).toBe(1);
    expect(nestingDepth("1")).toBe(0);
  });
});

describe("isJsonContentType", () => {
  it("accepts application/json with or without a UTF-8 charset", () => {
    expect(isJsonContentType("application/json")).toBe(true);
    expect(isJsonContentType('Application/JSON; charset="utf-8"')).toBe(true);
    expect(isJsonContentType("text/json")).toBe(false);
  });
});
