import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

const minimal = { DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/x", NEXTAUTH_SECRET: "s" };

describe("parseEnv", () => {
  it("applies defaults", () => {
    const e = parseEnv(minimal);
    expect(e.TEMPORAL_ADDRESS).toBe("127.0.0.1:7233");
    expect(e.TEMPORAL_NAMESPACE).toBe("default");
    expect(e.TEMPORAL_UI_URL).toBe("http://127.0.0.1:8233");
    expect(e.departmentUrls["public-security"]).toBe("http://127.0.0.1:4101");
    expect(e.TEMPORAL_API_KEY).toBeUndefined();
  });

  it("reads department URLs from their variables", () => {
    const e = parseEnv({ ...minimal, VO_DEPT_CIVIL_AFFAIRS_URL: "http://civil.example:9000/" });
    expect(e.departmentUrls["civil-affairs"]).toBe("http://civil.example:9000");
  });

  it("names every missing or wrong variable", () => {
    expect(() => parseEnv({ VO_DEPT_HEALTH_URL: "not a url" })).toThrow(/DATABASE_URL[\s\S]*NEXTAUTH_SECRET[\s\S]*VO_DEPT_HEALTH_URL/);
  });

  it("treats empty strings as unset", () => {
    const e = parseEnv({ ...minimal, TEMPORAL_ADDRESS: "", NEXTAUTH_URL: "" });
    expect(e.TEMPORAL_ADDRESS).toBe("127.0.0.1:7233");
    expect(e.NEXTAUTH_URL).toBeUndefined();
  });

  it("requires TLS cert and key together", () => {
    expect(() => parseEnv({ ...minimal, TEMPORAL_TLS_CERT_PATH: "/c.pem" })).toThrow(/TEMPORAL_TLS_KEY_PATH/);
  });

  it("takes an OIDC provider whole or not at all", () => {
    const oidc = { OIDC_ISSUER: "https://login.example.gov.cn/realms/citizens", OIDC_CLIENT_ID: "visit-once", OIDC_CLIENT_SECRET: "x" };
    expect(parseEnv({ ...minimal, ...oidc })).toMatchObject(oidc);
    expect(parseEnv(minimal).OIDC_ISSUER).toBeUndefined();
    expect(() => parseEnv({ ...minimal, OIDC_ISSUER: oidc.OIDC_ISSUER })).toThrow(/OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET must be set together/);
    expect(() => parseEnv({ ...minimal, ...oidc, OIDC_ISSUER: "login" })).toThrow(/OIDC_ISSUER must be a URL/);
  });

  it("reads the idle timeouts, 25 and 30 minutes by default, the sign-out after the warning", () => {
    expect(parseEnv(minimal)).toMatchObject({ VO_IDLE_WARNING_SECONDS: 1500, VO_IDLE_SIGNOUT_SECONDS: 1800 });
    expect(parseEnv({ ...minimal, VO_IDLE_WARNING_SECONDS: "5", VO_IDLE_SIGNOUT_SECONDS: "10" })).toMatchObject({ VO_IDLE_WARNING_SECONDS: 5, VO_IDLE_SIGNOUT_SECONDS: 10 });
    expect(() => parseEnv({ ...minimal, VO_IDLE_WARNING_SECONDS: "soon" })).toThrow(/VO_IDLE_WARNING_SECONDS/);
    expect(() => parseEnv({ ...minimal, VO_IDLE_WARNING_SECONDS: "60", VO_IDLE_SIGNOUT_SECONDS: "30" })).toThrow(/VO_IDLE_SIGNOUT_SECONDS must be greater/);
  });

  it("reads the absolute session lifetime, 12 hours by default, longer than the idle sign-out", () => {
    expect(parseEnv(minimal).VO_SESSION_MAX_SECONDS).toBe(43200);
    expect(parseEnv({ ...minimal, VO_SESSION_MAX_SECONDS: "7200" }).VO_SESSION_MAX_SECONDS).toBe(7200);
    expect(() => parseEnv({ ...minimal, VO_SESSION_MAX_SECONDS: "600" })).toThrow(/VO_SESSION_MAX_SECONDS must be greater than VO_IDLE_SIGNOUT_SECONDS/);
    expect(() => parseEnv({ ...minimal, VO_SESSION_MAX_SECONDS: "12h" })).toThrow(/VO_SESSION_MAX_SECONDS must be a whole number/);
  });
});
