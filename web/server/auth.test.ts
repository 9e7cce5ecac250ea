import { describe, expect, it } from "vitest";
import { TEST_CODEC_KEYS } from "@visit-once/workflows/contracts/payload-codec";
import { parseEnv } from "@/env";
import { sessionCookie } from "./auth";

const base = {
  DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/x",
  NEXTAUTH_SECRET: "s",
  VO_TEMPORAL_CODEC_KEYS: TEST_CODEC_KEYS,
};

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

describe("signing in through next-auth starts a server-side session", () => {
  // authOptions() reads the validated env; the test database is the one `npm test` made.
  process.env.NEXTAUTH_SECRET ??= "auth-test-secret";
  process.env.VO_TEMPORAL_CODEC_KEYS ??= TEST_CODEC_KEYS;

  it("for the credentials provider and for OpenID Connect (matched by verified email), the cookie carries only the ids", async () => {
    const [{ authOptions }, { testAccount, testDb }] = await Promise.all([
      import("./auth"),
      import("@/testing/database"),
    ]);
    const db = testDb();
    try {
      const jwt = authOptions().callbacks!.jwt!;
      const citizen = await testAccount(db, "CITIZEN");
      const officer = await testAccount(db, "OFFICER", "health");
      const viaPassword = await jwt({
        token: { name: "x", email: citizen.email },
        user: { id: citizen.id, role: "CITIZEN", departmentCode: null },
        account: { provider: "credentials", type: "credentials", providerAccountId: citizen.id },
      });
      expect(Object.keys(viaPassword).sort()).toEqual(["sid", "sub", "uid"]);
      expect(await db.session.findUniqueOrThrow({ where: { id: viaPassword.sid! } })).toMatchObject({
        userId: citizen.id,
        method: "credentials",
        stage: "ACTIVE",
      });

      const viaOidc = await jwt({
        token: {},
        user: { id: "idp-subject", email: officer.email.toUpperCase(), role: "CITIZEN", departmentCode: null },
        account: { provider: "oidc", type: "oauth", providerAccountId: "idp-subject" },
      });
      expect(viaOidc.uid).toBe(officer.id);
      // The role comes from the account here, not the provider; staff still owe their second factor.
      expect(await db.session.findUniqueOrThrow({ where: { id: viaOidc.sid! } })).toMatchObject({
        userId: officer.id,
        method: "oidc",
        role: "OFFICER",
        stage: "ENROLMENT",
      });

      const stranger = await jwt({
        token: {},
        user: { id: "s", email: "nobody@example.org", role: "CITIZEN", departmentCode: null },
        account: { provider: "oidc", type: "oauth", providerAccountId: "s" },
      });
      expect(stranger).toEqual({});
    } finally {
      await db.$disconnect();
    }
  });
});
