import { describe, expect, it } from "vitest";
import type { Env } from "@/env";
import { publicVerifyUrl } from "./public-verify-url";

const CODE = "VO-7KQ2-M9XH-4TB3-N8RW-C5DZ-A1E6";
const configured = (values: Partial<Pick<Env, "VO_PUBLIC_BASE_URL" | "NEXTAUTH_URL">>) => values as Env;

describe("publicVerifyUrl", () => {
  it("prints the configured public address, under any path prefix, not the address the request came to", () => {
    expect(
      publicVerifyUrl(
        CODE,
        "http://127.0.0.1:3000/api/documents/x/pdf",
        configured({ VO_PUBLIC_BASE_URL: "https://yicibao.example.gov.cn", NEXTAUTH_URL: "http://127.0.0.1:3000" }),
      ),
    ).toBe(`https://yicibao.example.gov.cn/verify/${CODE}`);
    expect(
      publicVerifyUrl(
        CODE,
        "http://127.0.0.1:3000/x",
        configured({ VO_PUBLIC_BASE_URL: "https://gov.example.cn/yicibao" }),
      ),
    ).toBe(`https://gov.example.cn/yicibao/verify/${CODE}`);
  });

  it("falls back to NEXTAUTH_URL, then (in development) the request's own address", () => {
    expect(publicVerifyUrl(CODE, "http://10.0.0.5:3000/x", configured({ NEXTAUTH_URL: "http://127.0.0.1:3100" }))).toBe(
      `http://127.0.0.1:3100/verify/${CODE}`,
    );
    expect(publicVerifyUrl(CODE, "http://10.0.0.5:3000/api/documents/x/pdf", configured({}))).toBe(
      `http://10.0.0.5:3000/verify/${CODE}`,
    );
  });
});
