import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { ApplicationFailure } from "@temporalio/common";
import { INVALID_DEPARTMENT_DATA, RECORD_NOT_FOUND } from "@visit-once/workflows/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectRecordStatus, type RawResponse } from "./http";
import { fetchHousehold, fetchIdentity } from "./public-security/client";

const response = (status: number): RawResponse => ({ status, body: "", headers: new Headers() });
const failure = (fn: () => unknown): ApplicationFailure => {
  try {
    fn();
  } catch (e) {
    return e as ApplicationFailure;
  }
  throw new Error("expected a failure");
};

describe("expectRecordStatus", () => {
  it("lets a 200 through", () => {
    expect(() => expectRecordStatus("taxation", response(200), "tax clearance")).not.toThrow();
  });

  it("reads a 404 as no such record when told what the record is", () => {
    const e = failure(() => expectRecordStatus("taxation", response(404), "tax clearance"));
    expect(e).toBeInstanceOf(ApplicationFailure);
    expect(e).toMatchObject({
      type: RECORD_NOT_FOUND,
      nonRetryable: true,
      message: "taxation holds no tax clearance for this person",
    });
  });

  it("reports any other status as data we cannot use", () => {
    for (const [status, what] of [
      [204, "tax clearance"],
      [302, "tax clearance"],
      [404, undefined],
    ] as const) {
      const e = failure(() => expectRecordStatus("health", response(status), what));
      expect(e).toMatchObject({
        type: INVALID_DEPARTMENT_DATA,
        nonRetryable: true,
        message: `health returned data we cannot use: HTTP ${status}`,
      });
    }
  });
});

describe("Public Security connector", () => {
  let server: Server;
  let url: string;
  beforeAll(async () => {
    server = createServer((_req, res) => res.writeHead(202, { "content-type": "application/json" }).end("{}"));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("reports an unexpected status as HTTP <status>, like the other connectors", async () => {
    for (const fetch of [fetchIdentity, fetchHousehold]) {
      const e = await fetch({ url, key: "k" }, "330102199203150021").catch((err: unknown) => err);
      expect(e).toMatchObject({
        type: INVALID_DEPARTMENT_DATA,
        message: "public-security returned data we cannot use: HTTP 202",
      });
    }
  });
});
