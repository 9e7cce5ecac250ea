import { randomUUID } from "node:crypto";
import { type APIRequestContext, expect } from "@playwright/test";

// Helpers of the security stage: malformed requests and a record of every answer, so a
// spec can assert that none was a 5xx (and list the ones that were).

export interface Probe {
  name: string;
  body: string | Buffer;
  contentType?: string;
  headers?: Record<string, string>;
}

export interface Answer {
  probe: string;
  status: number;
}

const MiB = 1024 * 1024;
/** A lone surrogate's UTF-8 bytes (ED A0 80): not valid UTF-8. */
const LONE_SURROGATE_BYTES = Buffer.from([0xed, 0xa0, 0x80]);

/** JSON text with `value` in place of `key`'s value at the top level of `body`. */
const withField = (body: Record<string, unknown>, key: string, value: unknown) =>
  JSON.stringify({ ...body, [key]: value });

/**
 * Transport-level and type-level malformations of a valid JSON body: every one must be
 * refused with a 4xx and change nothing. (Text that is JSON-valid but unsafe — NUL, lone
 * surrogates — is in `unsafeTextProbes`.)
 */
export function malformedProbes(valid: Record<string, unknown>): Probe[] {
  const json = JSON.stringify(valid);
  const probes: Probe[] = [
    { name: "text/plain (a form's CSRF)", body: json, contentType: "text/plain" },
    { name: "form-urlencoded", body: "action=cancel&reason=x", contentType: "application/x-www-form-urlencoded" },
    {
      name: "multipart",
      body: `--b\r\nContent-Disposition: form-data; name="action"\r\n\r\ncancel\r\n--b--\r\n`,
      contentType: "multipart/form-data; boundary=b",
    },
    { name: "octet-stream", body: json, contentType: "application/octet-stream" },
    {
      name: "UTF-16 charset",
      body: Buffer.from(`\ufeff${json}`, "utf16le"),
      contentType: "application/json; charset=utf-16",
    },
    { name: "UTF-16 bytes declared as UTF-8", body: Buffer.from(json, "utf16le"), contentType: "application/json" },
    {
      name: "gzip declared, not gzip",
      body: json,
      contentType: "application/json",
      headers: { "Content-Encoding": "gzip" },
    },
    {
      name: "invalid UTF-8 (raw lone surrogate)",
      body: Buffer.concat([Buffer.from('{"x":"'), LONE_SURROGATE_BYTES, Buffer.from(`",${json.slice(1)}`)]),
    },
    {
      name: "invalid UTF-8 (0xFF)",
      body: Buffer.concat([Buffer.from(json.slice(0, -1) + ',"y":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]),
    },
    { name: "empty", body: "" },
    { name: "not JSON", body: "{action:cancel" },
    { name: "JSON null", body: "null" },
    { name: "JSON string", body: '"cancel"' },
    { name: "JSON number", body: "1e999" },
    { name: "array for object", body: `[${json}]` },
    { name: "deep nesting (10k arrays)", body: "[".repeat(10_000) + "]".repeat(10_000) },
    { name: "deep nesting (10k objects)", body: '{"a":'.repeat(10_000) + "1" + "}".repeat(10_000) },
    { name: "huge body (5 MiB)", body: withField(valid, "padding", "x".repeat(5 * MiB)) },
    { name: "huge body, no length (5 MiB of spaces)", body: json + " ".repeat(5 * MiB) },
  ];
  for (const [key, value] of Object.entries(valid)) {
    if (key === "action") continue;
    probes.push({ name: `${key}: 1 MiB string`, body: withField(valid, key, "界".repeat(MiB / 3)) });
    for (const [label, wrong] of [
      ["number", 42],
      ["null", null],
      ["boolean", true],
      ["array", [value]],
      ["object", { value }],
    ] as const) {
      if (typeof value === "object" && value !== null && !Array.isArray(value) && label === "object") continue;
      if (Array.isArray(value) && label === "array") continue;
      probes.push({ name: `${key}: ${label}`, body: withField(valid, key, wrong) });
    }
  }
  if ("action" in valid) {
    probes.push({ name: "action: unknown", body: withField(valid, "action", "delete-everything") });
    probes.push({ name: "action: missing", body: JSON.stringify({ ...valid, action: undefined }) });
    probes.push({
      name: "__proto__ with an unknown action",
      body: `{"__proto__":{"role":"ADMIN"},${withField(valid, "action", "delete-everything").slice(1)}`,
    });
  }
  return probes.map((p) => ({ ...p, contentType: p.contentType ?? "application/json" }));
}

/** JSON-valid text that must never reach the database or a workflow: NUL and lone surrogates in every string field. */
export function unsafeTextProbes(valid: Record<string, unknown>): Probe[] {
  const probes: Probe[] = [];
  for (const [key, value] of Object.entries(valid)) {
    if (typeof value !== "string" || key === "action") continue;
    probes.push({ name: `${key}: NUL`, body: withField(valid, key, `${value}\u0000now`) });
    // JSON.stringify escapes a lone surrogate as \ud800, which JSON.parse turns back into one.
    probes.push({ name: `${key}: lone surrogate`, body: withField(valid, key, `${value}\ud800`) });
  }
  return probes;
}

/** The status recorded for a request that got no answer in time. */
export const NO_ANSWER = 0;

/** Sends a probe as a POST and records its status. */
export async function send(
  request: APIRequestContext,
  url: string,
  probe: Probe,
  answers: Answer[],
  label: string,
): Promise<number> {
  const headers: Record<string, string> = {
    "Idempotency-Key": randomUUID(),
    "Content-Type": probe.contentType ?? "application/json",
    ...probe.headers,
  };
  const data = typeof probe.body === "string" ? Buffer.from(probe.body) : probe.body;
  let status = NO_ANSWER;
  try {
    status = (
      await request.post(url, { headers, data, failOnStatusCode: false, maxRedirects: 0, timeout: 15_000 })
    ).status();
  } catch {
    // No answer within 15 s: recorded as such (a hung request is as bad as a 500).
  }
  answers.push({ probe: `${label} POST ${url} — ${probe.name}`, status });
  return status;
}

/** A GET, recorded. */
export async function get(request: APIRequestContext, url: string, answers: Answer[], label: string): Promise<number> {
  const res = await request.get(url, { failOnStatusCode: false, maxRedirects: 0 });
  answers.push({ probe: `${label} GET ${url}`, status: res.status() });
  return res.status();
}

/** Fails listing every answer ≥ 500 or missing; also checks something was sent. */
export function expectNoServerErrors(answers: Answer[]): void {
  expect(answers.length).toBeGreaterThan(0);
  expect(
    answers
      .filter((a) => a.status >= 500 || a.status === NO_ANSWER)
      .map((a) => `${a.status || "no answer"} ${a.probe}`),
  ).toEqual([]);
}

/** Fails listing every answer that was not a refusal (a 4xx). */
export function expectAllRefused(answers: Answer[]): void {
  expect(answers.filter((a) => a.status < 400 || a.status >= 500).map((a) => `${a.status} ${a.probe}`)).toEqual([]);
}
