import { describe, expect, it } from "vitest";
import { parseEnv } from "@/env";
import { sessionCookie } from "./auth";

const base = { DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/x", NEXTAUTH_SECRET: "s" };

describe("the session cookie", () => {
  it("over https is Secure, httpOnly, SameSite=Lax, with the __Host- prefix (path /, no domain)", () => {
    const cookie = sessionCookie(parseEnv({ ...base, NEXTAUTH_URL: "https://visit-once.example.gov.cn" }));
    expect(cookie.name).toBe("__Host-next-auth.session-token");
    expect(cookie.options).toEqual({ httpOnly: true, sameSite: "lax", path: "/", secure: true });
  });

  it("over plain http (local development) cannot be Secure, so has no prefix", () => {
    for (const url of ["http://127.0.0.1:3000", undefined]) {
      const cookie = sessionCookie(parseEnv({ ...base, NEXTAUTH_URL: url }));
      expect(cookie.name).toBe("next-auth.session-token");
      expect(cookie.options.secure).toBe(false);
    }
  });
});
